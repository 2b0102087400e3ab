// Reversing an invoice (DESIGN.md §6): a void cancels the whole invoice while no cash is
// applied; otherwise a credit note credits it, in full or by line (partially by amount).
// Both say which sources are released — their billing keys are cleared so the time,
// milestones, usage and fees behind them become billable again, and the next run picks up
// the same sources under the same keys.
//
// A credit note releases its lines' sources only when a line is credited in full and the
// reason says the billing itself was wrong (BILLING_ERROR, TIME_ADJUSTMENT, CANCELLATION).
// A DEDUCTION, DISPUTE or WRITE_OFF settles a balance for work that was delivered: releasing
// it would make the next billing run charge the client again for what was just forgiven.
import type { CreditNoteReason, InvoiceKind, InvoiceLineKind, InvoiceLineSourceKind, InvoiceStatus } from '../../db/generated/enums.ts';
import { formatMinor, minorUnits, roundToMinor } from '../money/currency.ts';
import { dec, sum, type Decimal, type DecimalInput } from '../money/decimal.ts';
import { decimalText } from './invoice-draft.ts';

export interface IssuedLineSourceInput {
  invoiceLineSourceId: string;
  kind: InvoiceLineSourceKind;
  sourceId: string;
  /** null once released. */
  billingKey: string | null;
}

export interface IssuedInvoiceLineInput {
  id: string;
  lineNo: number;
  kind: InvoiceLineKind;
  description: string;
  sku?: string | null;
  role?: string | null;
  quantity: DecimalInput;
  unitPrice: DecimalInput;
  amount: DecimalInput;
  taxRate: DecimalInput | null;
  taxAmount: DecimalInput;
  /** Σ amounts of earlier credit-note lines against this line, as stored (negative for a positive line). */
  creditedAmount?: DecimalInput;
  /** Σ tax of those credit-note lines, as stored. */
  creditedTaxAmount?: DecimalInput;
  sources: readonly IssuedLineSourceInput[];
}

export interface IssuedInvoiceInput {
  id: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  currency: string;
  amountApplied: DecimalInput;
  amountCredited: DecimalInput;
  lines: readonly IssuedInvoiceLineInput[];
}

/** A source whose InvoiceLineSource.billingKey is to be cleared (releasedAt set). */
export interface ReleasedSource {
  invoiceLineSourceId: string;
  kind: InvoiceLineSourceKind;
  sourceId: string;
  billingKey: string;
}

export type VoidInvoiceResult =
  | { ok: true; released: ReleasedSource[] }
  | { ok: false; code: 'NOT_AN_INVOICE' | 'ALREADY_VOID' | 'HAS_APPLIED_CASH' | 'HAS_CREDIT_NOTES'; message: string };

export function voidInvoice(options: { invoice: IssuedInvoiceInput }): VoidInvoiceResult {
  const { invoice } = options;
  if (invoice.kind !== 'INVOICE') return { ok: false, code: 'NOT_AN_INVOICE', message: 'A credit note is not voided; issue an invoice instead.' };
  if (invoice.status === 'VOID') return { ok: false, code: 'ALREADY_VOID', message: 'The invoice is already void.' };
  if (!dec(invoice.amountApplied).isZero() || invoice.status === 'PAID' || invoice.status === 'PARTIALLY_PAID') {
    return { ok: false, code: 'HAS_APPLIED_CASH', message: 'Cash is applied to this invoice: credit it instead of voiding it.' };
  }
  if (!dec(invoice.amountCredited).isZero()) {
    return { ok: false, code: 'HAS_CREDIT_NOTES', message: 'Credit notes were issued against this invoice: credit the rest instead of voiding it.' };
  }
  return { ok: true, released: invoice.lines.flatMap(releasable) };
}

export interface CreditNoteLine {
  lineNo: number;
  kind: 'CREDIT';
  creditedLineId: string;
  description: string;
  sku: string | null;
  role: string | null;
  quantity: string;
  unitPrice: string;
  /** Opposite sign to the credited line, rounded to the minor unit. */
  amount: string;
  currency: string;
  taxRate: string | null;
  taxAmount: string;
}

export interface CreditNoteDraft {
  originalInvoiceId: string;
  reason: CreditNoteReason;
  currency: string;
  lines: CreditNoteLine[];
  subtotal: string;
  taxTotal: string;
  total: string;
}

export type CreditErrorCode = 'NOT_AN_INVOICE' | 'NOT_ISSUED' | 'INVOICE_VOID' | 'UNKNOWN_LINE' | 'LINE_TWICE' | 'NOTHING_TO_CREDIT' | 'INVALID_AMOUNT' | 'EXCEEDS_CREDITABLE';

export type CreditInvoiceResult =
  | { ok: true; creditNote: CreditNoteDraft; released: ReleasedSource[]; fullyCredited: boolean }
  | { ok: false; errors: { code: CreditErrorCode; message: string; invoiceLineId?: string }[] };

export interface CreditRequest {
  invoiceLineId: string;
  /** Positive; at most what is left to credit on the line. Omitted: all of it. */
  amount?: DecimalInput;
}

const RELEASING_REASONS: ReadonlySet<CreditNoteReason> = new Set(['BILLING_ERROR', 'TIME_ADJUSTMENT', 'CANCELLATION']);

export function creditInvoice(options: {
  invoice: IssuedInvoiceInput;
  reason: CreditNoteReason;
  /** Lines to credit. Omitted: every line, in full, for what is still creditable. */
  lines?: readonly CreditRequest[];
}): CreditInvoiceResult {
  const { invoice, reason } = options;
  const currency = invoice.currency.toUpperCase();
  if (invoice.kind !== 'INVOICE') return fail('NOT_AN_INVOICE', 'Only an invoice can be credited.');
  if (invoice.status === 'VOID') return fail('INVOICE_VOID', 'A void invoice has nothing to credit.');
  if (invoice.status === 'DRAFT' || invoice.status === 'AWAITING_TAX') return fail('NOT_ISSUED', 'An invoice not yet issued is voided, not credited.');

  const requests: readonly CreditRequest[] = options.lines ?? invoice.lines.filter((l) => !remainingOf(l).isZero()).map((l) => ({ invoiceLineId: l.id }));
  if (requests.length === 0) return fail('NOTHING_TO_CREDIT', 'Every line is already credited in full.');

  const errors: { code: CreditErrorCode; message: string; invoiceLineId?: string }[] = [];
  const seen = new Set<string>();
  const credits: { line: IssuedInvoiceLineInput; amount: Decimal; full: boolean }[] = [];
  for (const request of requests) {
    const line = invoice.lines.find((l) => l.id === request.invoiceLineId);
    const id = request.invoiceLineId;
    if (!line) errors.push({ code: 'UNKNOWN_LINE', invoiceLineId: id, message: `Line ${id} is not on this invoice.` });
    else if (seen.has(id)) errors.push({ code: 'LINE_TWICE', invoiceLineId: id, message: `Line ${line.lineNo} is named twice.` });
    else {
      seen.add(id);
      const remaining = remainingOf(line);
      const sign = remaining.isNegative() ? -1 : 1;
      if (remaining.isZero()) errors.push({ code: 'NOTHING_TO_CREDIT', invoiceLineId: id, message: `Line ${line.lineNo} is already credited in full.` });
      else if (request.amount === undefined) credits.push({ line, amount: remaining, full: true });
      else {
        const asked = dec(request.amount);
        if (!asked.greaterThan(0) || asked.decimalPlaces() > minorUnits(currency)) {
          errors.push({ code: 'INVALID_AMOUNT', invoiceLineId: id, message: `Credit a positive amount with at most ${minorUnits(currency)} decimals on line ${line.lineNo}.` });
        } else if (asked.greaterThan(remaining.abs())) {
          errors.push({ code: 'EXCEEDS_CREDITABLE', invoiceLineId: id, message: `Line ${line.lineNo} has ${formatMinor(remaining.abs(), currency)} left to credit.` });
        } else credits.push({ line, amount: asked.times(sign), full: asked.equals(remaining.abs()) });
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const lines = credits.map(({ line, amount, full }, index) => creditLine(line, amount, full, index + 1, currency));
  const subtotal = sum(lines.map((l) => l.amount));
  const taxTotal = sum(lines.map((l) => l.taxAmount));
  const creditedIds = new Set(credits.filter((c) => c.full).map((c) => c.line.id));
  const released = RELEASING_REASONS.has(reason) ? invoice.lines.filter((l) => creditedIds.has(l.id)).flatMap(releasable) : [];
  const fullyCredited = invoice.lines.every((l) => creditedIds.has(l.id) || remainingOf(l).isZero());
  return {
    ok: true,
    creditNote: {
      originalInvoiceId: invoice.id,
      reason,
      currency,
      lines,
      subtotal: formatMinor(subtotal, currency),
      taxTotal: formatMinor(taxTotal, currency),
      total: formatMinor(subtotal.plus(taxTotal), currency),
    },
    released,
    fullyCredited,
  };
}

/** `amount` is what is credited, in the line's own sign; the credit-note line carries its opposite. */
function creditLine(line: IssuedInvoiceLineInput, amount: Decimal, full: boolean, lineNo: number, currency: string): CreditNoteLine {
  const remainingTax = dec(line.taxAmount).plus(dec(line.creditedTaxAmount ?? 0));
  let tax: Decimal;
  if (full) tax = remainingTax;
  else if (line.taxRate !== null) tax = roundToMinor(amount.times(line.taxRate), currency);
  else tax = dec(line.amount).isZero() ? dec(0) : roundToMinor(amount.times(line.taxAmount).dividedBy(line.amount), currency);
  if (tax.abs().greaterThan(remainingTax.abs())) tax = remainingTax; // never credit more tax than is left
  const untouched = full && dec(line.creditedAmount ?? 0).isZero();
  return {
    lineNo,
    kind: 'CREDIT',
    creditedLineId: line.id,
    description: `Credit: ${line.description}`,
    sku: line.sku ?? null,
    role: line.role ?? null,
    // A whole line is credited as its own quantity; a part of one as a single unit of that part.
    quantity: untouched ? decimalText(dec(line.quantity).negated()) : '-1',
    unitPrice: untouched ? decimalText(line.unitPrice) : decimalText(amount),
    amount: formatMinor(amount.negated(), currency),
    currency,
    taxRate: line.taxRate === null ? null : decimalText(line.taxRate),
    taxAmount: formatMinor(tax.negated(), currency),
  };
}

function remainingOf(line: IssuedInvoiceLineInput): Decimal {
  return dec(line.amount).plus(dec(line.creditedAmount ?? 0));
}

function releasable(line: IssuedInvoiceLineInput): ReleasedSource[] {
  return line.sources.flatMap((s) => (s.billingKey === null ? [] : [{ invoiceLineSourceId: s.invoiceLineSourceId, kind: s.kind, sourceId: s.sourceId, billingKey: s.billingKey }]));
}

function fail(code: CreditErrorCode, message: string): CreditInvoiceResult {
  return { ok: false, errors: [{ code, message }] };
}
