// Invoices and credit notes read as a ledger, for DSO and billed-and-collected: a document
// counts +total when issued and −total when voided (so a void in the same period nets to
// nothing, and a void of an earlier invoice lowers this period's sales), a credit note
// counts negative whatever sign it is stored with, and cash applications (reversals are
// negative rows) reduce what is due. Each document converts at its issue date's rate.
import type { InvoiceKind } from '../../db/generated/enums.ts';
import { Decimal, ZERO, dec, type DecimalInput } from '../money/decimal.ts';
import { toGroup, type ToGroupCurrency } from './group-currency-conversion.ts';
import { before, inPeriod, type Period } from './kpi-period.ts';

export interface LedgerInvoiceRow {
  id: string;
  kind: InvoiceKind;
  clientId: string;
  engagementId: string;
  currency: string;
  total: DecimalInput;
  /** Null until issued (DRAFT, AWAITING_TAX): not a sale yet. */
  issuedAt: Date | null;
  voidedAt: Date | null;
  /** For a credit note: the invoice it credits. */
  originalInvoiceId: string | null;
}

export interface LedgerApplicationRow {
  invoiceId: string;
  /** Signed: a REVERSAL row is negative. */
  amount: DecimalInput;
  currency: string;
  appliedAt: Date;
}

/** +|total| for an invoice, −|total| for a credit note, in its own currency. */
export function signedTotal(document: LedgerInvoiceRow): Decimal {
  const total = dec(document.total).abs();
  return document.kind === 'CREDIT_NOTE' ? total.negated() : total;
}

/** What the document adds to sales in the period, in the group currency. */
export function salesInPeriod(document: LedgerInvoiceRow, period: Period, convert: ToGroupCurrency): Decimal {
  if (!document.issuedAt) return ZERO;
  const issued = inPeriod(document.issuedAt, period) ? 1 : 0;
  const voided = inPeriod(document.voidedAt, period) ? 1 : 0;
  if (issued === voided) return ZERO;
  const amount = toGroup(convert, signedTotal(document), document.currency, document.issuedAt);
  return issued ? amount : amount.negated();
}

/** Issued before `instant` and not voided before it. */
export function inForceAt(document: LedgerInvoiceRow, instant: Date): document is LedgerInvoiceRow & { issuedAt: Date } {
  return before(document.issuedAt, instant) && !before(document.voidedAt, instant);
}

/**
 * Accounts receivable at `instant`, in the group currency: per invoice in force, its total
 * less the cash applied and the credit notes in force before then, in its own currency,
 * converted at its issue date — so a fully paid invoice contributes exactly zero.
 */
export function receivablesAt(options: { documents: readonly LedgerInvoiceRow[]; applications: readonly LedgerApplicationRow[]; instant: Date; toGroupCurrency: ToGroupCurrency }): Decimal {
  const { documents, applications, instant, toGroupCurrency } = options;
  const balances = new Map<string, Decimal>();
  for (const document of documents) {
    if (document.kind === 'INVOICE' && inForceAt(document, instant)) balances.set(document.id, dec(document.total));
  }
  for (const note of documents) {
    if (note.kind !== 'CREDIT_NOTE' || !note.originalInvoiceId || !inForceAt(note, instant)) continue;
    const balance = balances.get(note.originalInvoiceId);
    if (balance) balances.set(note.originalInvoiceId, balance.minus(dec(note.total).abs()));
  }
  for (const application of applications) {
    const balance = balances.get(application.invoiceId);
    if (balance && before(application.appliedAt, instant)) balances.set(application.invoiceId, balance.minus(dec(application.amount)));
  }
  let total = ZERO;
  for (const document of documents) {
    const balance = balances.get(document.id);
    if (balance && document.issuedAt) total = total.plus(toGroup(toGroupCurrency, balance, document.currency, document.issuedAt));
  }
  return total;
}
