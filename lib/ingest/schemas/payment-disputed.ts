// q2c.payment.disputed.v1 — a payer challenges a payment or an invoice through the
// gateway. One of paymentId / invoiceNumber says what is disputed; the currency defaults
// to that payment's or invoice's when not sent.
import { z } from 'zod';
import { amount, currencyCode, identifier, nonEmptyText, optional, timestamp } from './fields.ts';

export const paymentDisputedData = z
  .looseObject({
    disputeId: optional(identifier),
    paymentId: optional(identifier),
    invoiceNumber: optional(identifier),
    amount: amount({ positive: true }),
    currency: optional(currencyCode),
    reason: nonEmptyText,
    openedAt: timestamp,
  })
  .superRefine((dispute, ctx) => {
    if (dispute.paymentId === undefined && dispute.invoiceNumber === undefined) {
      ctx.addIssue({ code: 'custom', path: ['paymentId'], message: 'Give paymentId or invoiceNumber: what is disputed.', input: undefined });
    }
  });

export type PaymentDisputedData = z.output<typeof paymentDisputedData>;
