// VOID_INVOICE → ERP: an issued invoice was voided in Threadline (no cash applied, no
// credit notes); the ERP voids its copy. Its number is kept forever, voided or not.
import { z } from 'zod';
import { commandDate, commandId } from './fields.ts';

export const voidInvoicePayload = z.object({
  invoiceId: z.uuid(),
  number: commandId,
  erpInvoiceNumber: z.string().nullable(),
  engagementId: z.uuid(),
  correlationId: commandId,
  legalEntityCode: commandId,
  reason: z.string().min(1),
  voidedOn: commandDate,
});

export type VoidInvoicePayload = z.input<typeof voidInvoicePayload>;
