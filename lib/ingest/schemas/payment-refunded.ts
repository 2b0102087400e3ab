// q2c.payment.refunded.v1 — money of a payment went back to the payer (a gateway refund,
// Stripe charge.refunded / refund.created). One refund per event, named by the sending
// system's refund id, so the same refund reported twice counts once. The currency defaults
// to the payment's when not sent.
import { z } from 'zod';
import { amount, currencyCode, identifier, nonEmptyText, optional, timestamp } from './fields.ts';

export const paymentRefundedData = z.looseObject({
  refundId: identifier,
  paymentId: identifier,
  amount: amount({ positive: true }),
  currency: optional(currencyCode),
  reason: optional(nonEmptyText),
  refundedAt: timestamp,
});

export type PaymentRefundedData = z.output<typeof paymentRefundedData>;
