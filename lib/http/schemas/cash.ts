// Schemas of the cash API: reversing an application, applying a receipt by hand.
import { z } from 'zod';
import { decimalString } from '../../domain/money/decimal-string.ts';

export const cashApplicationParamsSchema = z.object({ id: z.uuid() });

export const reverseApplicationBodySchema = z.object({
  reason: z.string().trim().min(1, 'Say why the application is reversed.').max(2000),
  disposition: z
    .enum(['UNAPPLIED', 'REFUNDED'])
    .default('UNAPPLIED')
    .describe('UNAPPLIED: the cash goes back on the receipt (UNAPPLIED_CASH); REFUNDED: it went back to the payer.'),
});

export const reversedApplicationSchema = z.object({
  applicationId: z.uuid(),
  reversalId: z.uuid().nullable().describe('The new REVERSAL row; null when it was already reversed.'),
  alreadyReversed: z.boolean(),
  invoice: z.object({ id: z.uuid(), status: z.string(), balanceDue: z.string() }),
  receipt: z.object({ id: z.uuid(), status: z.string(), unappliedAmount: z.string(), refundedAmount: z.string() }),
});

// POST /api/v1/cash/receipts/{id}/applications {invoiceId, amount, expectedUnapplied?}: FINANCE
// applies unapplied cash of a receipt to an open invoice by hand.
export const cashReceiptParamsSchema = z.object({ id: z.uuid() });

export const applyReceiptBodySchema = z.object({
  invoiceId: z.uuid().describe('An issued, open invoice in the receipt currency.'),
  amount: decimalString({ positive: true, maxScale: 4 }).describe("Exact decimal in the receipt's currency; at most what is unapplied and what the invoice has open."),
  expectedUnapplied: decimalString({ min: '0', maxScale: 4 })
    .optional()
    .describe('What the caller saw unapplied on the receipt; when it changed meanwhile the call is refused (409), so a double submit applies nothing twice.'),
});

export const appliedReceiptSchema = z.object({
  applicationId: z.uuid(),
  method: z.literal('MANUAL'),
  amount: z.string(),
  currency: z.string(),
  invoice: z.object({ id: z.uuid(), number: z.string(), status: z.string(), balanceDue: z.string() }),
  receipt: z.object({ id: z.uuid(), status: z.string(), unappliedAmount: z.string() }),
});
