// POST_CASH_APPLICATION → ERP: cash applied to an invoice (or the reversal of such an
// application), so the ERP's receivables agree with Threadline's. One command per
// CashApplication row; a reversal is its own command naming the application it undoes.
import { z } from 'zod';
import { commandAmount, commandCurrency, commandId } from './fields.ts';

export const postCashApplicationPayload = z.object({
  applicationId: z.uuid(),
  kind: z.enum(['APPLICATION', 'REVERSAL']),
  reversesApplicationId: z.uuid().nullable(),
  receipt: z.object({ id: z.uuid(), sourceSystem: commandId, externalId: commandId }),
  invoice: z.object({ id: z.uuid(), number: commandId.nullable(), erpInvoiceNumber: commandId.nullable() }),
  /** Signed: a reversal is negative. */
  amount: commandAmount,
  currency: commandCurrency,
  deduction: z.object({ amount: commandAmount, reasonCode: commandId.nullable(), status: z.enum(['NONE', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED']) }).nullable(),
  appliedAt: z.iso.datetime({ offset: true }),
  reason: z.string().nullable(),
});

export type PostCashApplicationPayload = z.input<typeof postCashApplicationPayload>;
