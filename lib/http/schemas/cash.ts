// Schemas of the cash API: POST /api/v1/cash/applications/{id}/reverse {reason, disposition?}.
import { z } from 'zod';

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
