// POST_CREDIT_NOTE → ERP: a credit note against an invoice the ERP already has (its lines
// name the credited lines), with the reason; the same document shape as POST_INVOICE.
import { z } from 'zod';
import { commandId } from './fields.ts';
import { invoiceDocument } from './post-invoice.ts';

export const postCreditNotePayload = invoiceDocument.extend({
  originalInvoiceId: z.uuid(),
  originalNumber: commandId,
  reason: z.enum(['BILLING_ERROR', 'TIME_ADJUSTMENT', 'DEDUCTION', 'DISPUTE', 'WRITE_OFF', 'CANCELLATION']),
});

export type PostCreditNotePayload = z.input<typeof postCreditNotePayload>;
