// A refund of a payment (q2c.payment.refunded.v1): the refunded money leaves the receipt —
// its unapplied cash first (an overpayment going back), then its applications newest
// first, whose invoices' balances reopen (unlike a conceded dispute, nothing is credited:
// the client owes the invoice again). A refund larger than what the receipt still holds,
// or in another currency, is refused for a person to look at.
import { Decimal, ZERO, dec, sum, type DecimalInput } from '../money/decimal.ts';
import { takeFromReceipt, type DisputeTarget, type ReceiptTake } from './dispute.ts';
import { sameCurrency } from './open-invoices.ts';

export type RefundPlan =
  | { ok: true; amount: Decimal; currency: string; take: ReceiptTake }
  | { ok: false; reason: 'CURRENCY_MISMATCH'; currency: string }
  | { ok: false; reason: 'EXCEEDS_RECEIPT'; available: Decimal; currency: string };

export function planRefund(options: { receipt: Extract<DisputeTarget, { kind: 'RECEIPT' }>; amount: DecimalInput; currency?: string }): RefundPlan {
  const { receipt } = options;
  const currency = receipt.currency.trim().toUpperCase();
  if (options.currency !== undefined && !sameCurrency(options.currency, currency)) return { ok: false, reason: 'CURRENCY_MISMATCH', currency };
  const amount = dec(options.amount);
  if (!amount.greaterThan(0)) throw new RangeError('A refund is a positive amount');
  const available = Decimal.max(dec(receipt.unappliedAmount), ZERO).plus(sum(receipt.applications.map((a) => a.amount)));
  if (amount.greaterThan(available)) return { ok: false, reason: 'EXCEEDS_RECEIPT', available, currency };
  return { ok: true, amount, currency, take: takeFromReceipt(receipt, amount) };
}
