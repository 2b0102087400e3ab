// q2c.payment.received.v1 — money arrived through the gateway or the bank. Remittance
// lines name the invoices it pays (cash application tries them first); a deduction with
// a reason code is a short pay that waits for approval. Refunds are not negative payments.
import { z } from 'zod';
import { amount, currencyCode, identifier, nonEmptyText, optional, timestamp } from './fields.ts';

const remittanceLine = z.looseObject({
  invoiceNumber: identifier,
  amount: amount({ positive: true }),
  deduction: optional(amount({ min: '0' })),
  reasonCode: optional(identifier),
});

export const paymentReceivedData = z.looseObject({
  paymentId: identifier,
  amount: amount({ positive: true }),
  currency: currencyCode,
  // Who paid may be unknown (a bank credit with a name only); the workflow resolves it or leaves the cash unapplied.
  payer: z.looseObject({
    externalId: optional(identifier),
    name: optional(nonEmptyText),
  }),
  remittance: optional(z.array(remittanceLine)),
  receivedAt: timestamp,
});

export type PaymentReceivedData = z.output<typeof paymentReceivedData>;
