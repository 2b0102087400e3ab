// Cash application (DESIGN.md §6), in order: (1) remittance lines naming invoices; (2) one
// open invoice of the payer with exactly the receipt's amount, oldest first; (3) a small
// set of the payer's open invoices summing exactly to it, fewest then oldest; (4) otherwise
// unapplied (UNAPPLIED_CASH). Whatever is not applied — an overpayment, a line naming a
// paid invoice — stays on the receipt as an unapplied credit for FINANCE to decide.
// Invoices in another currency than the receipt are never applied automatically.
import { Decimal, ZERO, dec, sum } from '../money/decimal.ts';
import { applyRemittance } from './apply-remittance.ts';
import type { AutomaticMethod, CashExceptionToRaise, InvoiceToMatch, MatchFlag, ProposedApplication, ReceiptToMatch } from './cash-types.ts';
import { findExactSubset } from './find-exact-subset.ts';
import { compareOldestFirst, isOpenForCash, sameCurrency } from './open-invoices.ts';

export interface PaymentMatch {
  applications: ProposedApplication[];
  appliedAmount: Decimal;
  /** Left on the receipt (on account): overpayment or nothing matched. */
  unappliedAmount: Decimal;
  exceptions: CashExceptionToRaise[];
  flags: MatchFlag[];
}

/**
 * `payerOpenInvoices`: what the workflow counts as the payer's open invoices (the client's,
 * or its hierarchy's — the matcher does not second-guess that). `remittanceInvoices`: the
 * invoices found for the numbers the remittance names, of any client and status, so that
 * a paid or foreign invoice is recognised and flagged rather than reported unknown.
 */
export function matchPayment(options: {
  receipt: ReceiptToMatch;
  payerOpenInvoices: readonly InvoiceToMatch[];
  remittanceInvoices?: readonly InvoiceToMatch[];
}): PaymentMatch {
  const { receipt, payerOpenInvoices, remittanceInvoices = [] } = options;
  const amount = dec(receipt.amount);
  if (!amount.greaterThan(0)) throw new RangeError('A receipt to match must have a positive amount');
  if (receipt.currency.trim() === '') throw new RangeError('A receipt to match needs its currency');
  const currency = receipt.currency.trim().toUpperCase();

  const flags: MatchFlag[] = [];
  if (receipt.remittance && receipt.remittance.length > 0) {
    const byId = new Map([...payerOpenInvoices, ...remittanceInvoices].map((invoice) => [invoice.id, invoice]));
    const remittance = applyRemittance({ receipt, lines: receipt.remittance, invoices: [...byId.values()] });
    // The payer said what it pays: honour that and leave the rest unapplied rather than
    // guess. Only when no line names any invoice we know do the amount rules get a go.
    if (remittance.namedKnownInvoice) return finish(amount, currency, remittance.applications, remittance.exceptions, remittance.flags);
    flags.push(...remittance.flags, { kind: 'REMITTANCE_UNRESOLVED', amount });
  }
  if (receipt.payerClientId === null) return finish(amount, currency, [], [], flags);

  const candidates = payerOpenInvoices.filter((invoice) => isOpenForCash(invoice) && sameCurrency(invoice.currency, currency)).sort(compareOldestFirst);
  const single = candidates.find((invoice) => dec(invoice.balanceDue).equals(amount));
  if (single) return finish(amount, currency, [settle(single, 'EXACT_AMOUNT', currency)], [], flags);

  const subset = findExactSubset({ target: amount, itemsOldestFirst: candidates, amountOf: (invoice) => invoice.balanceDue });
  const applications = (subset.items ?? []).map((invoice) => settle(invoice, 'SUBSET_SUM', currency));
  return finish(amount, currency, applications, [], flags);
}

function settle(invoice: InvoiceToMatch, method: AutomaticMethod, currency: string): ProposedApplication {
  return {
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    method,
    amount: dec(invoice.balanceDue),
    currency,
    deductionAmount: ZERO,
    deductionReasonCode: null,
    deductionStatus: 'NONE',
    balanceDueAfter: ZERO,
    remittanceLineIndex: null,
    remittanceInvoiceRef: null,
  };
}

function finish(amount: Decimal, currency: string, applications: ProposedApplication[], exceptions: CashExceptionToRaise[], flags: MatchFlag[]): PaymentMatch {
  const appliedAmount = sum(applications.map((application) => application.amount));
  const unappliedAmount = amount.minus(appliedAmount);
  const raised = unappliedAmount.greaterThan(0) ? [...exceptions, { code: 'UNAPPLIED_CASH' as const, amount: unappliedAmount, currency }] : exceptions;
  return { applications, appliedAmount, unappliedAmount, exceptions: raised, flags };
}
