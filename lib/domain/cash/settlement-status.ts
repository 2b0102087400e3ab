// The status an invoice and a receipt take from their money figures after cash moves
// (application, reversal, dispute). Derived, never chosen, so the two stay consistent.
import type { CashReceiptStatus, InvoiceStatus } from '../../db/generated/enums.ts';
import { dec, type DecimalInput } from '../money/decimal.ts';

/**
 * DRAFT, AWAITING_TAX and VOID are not about payment and are kept. Otherwise: nothing due
 * → PAID; some cash applied → PARTIALLY_PAID; no cash → back to POSTED (ERP confirmed) or
 * ISSUED.
 */
export function invoiceStatusAfterCash(invoice: { status: InvoiceStatus; amountApplied: DecimalInput; balanceDue: DecimalInput; postedAt: Date | null }): InvoiceStatus {
  if (invoice.status === 'DRAFT' || invoice.status === 'AWAITING_TAX' || invoice.status === 'VOID') return invoice.status;
  if (!dec(invoice.balanceDue).greaterThan(0)) return 'PAID';
  if (dec(invoice.amountApplied).greaterThan(0)) return 'PARTIALLY_PAID';
  return invoice.postedAt ? 'POSTED' : 'ISSUED';
}

/** REFUNDED once all of it went back; APPLIED when none is left unapplied; else by what was applied. */
export function receiptStatus(receipt: { amount: DecimalInput; appliedAmount: DecimalInput; unappliedAmount: DecimalInput; refundedAmount: DecimalInput }): CashReceiptStatus {
  if (dec(receipt.refundedAmount).greaterThanOrEqualTo(dec(receipt.amount))) return 'REFUNDED';
  if (!dec(receipt.unappliedAmount).greaterThan(0)) return 'APPLIED';
  return dec(receipt.appliedAmount).greaterThan(0) ? 'PARTIALLY_APPLIED' : 'UNAPPLIED';
}
