// POST_INVOICE → ERP: an invoice Threadline issued, as the ERP books it (number, dates,
// period, totals and lines with their tax). The ERP answers later with
// q2c.invoice.posted.v1 and its own number. POST_CREDIT_NOTE carries the same document.
import { z } from 'zod';
import { decimalString } from '../../domain/money/decimal-string.ts';
import { commandAmount, commandCurrency, commandDate, commandId } from './fields.ts';

const signedRate = decimalString({ maxScale: 6 });

export const invoiceDocumentLine = z.object({
  lineNo: z.number().int().positive(),
  kind: z.string(),
  description: z.string(),
  sku: z.string().nullable(),
  quantity: decimalString({ maxScale: 4 }),
  unitPrice: signedRate,
  amount: commandAmount,
  taxCode: z.string().nullable(),
  taxRate: signedRate.nullable(),
  taxAmount: commandAmount,
  servicePeriodStart: commandDate.nullable(),
  servicePeriodEnd: commandDate.nullable(),
  creditedLineId: z.uuid().nullable(),
});

export const invoiceDocument = z.object({
  invoiceId: z.uuid(),
  number: commandId,
  engagementId: z.uuid(),
  engagementCode: commandId,
  correlationId: commandId,
  client: z.object({ id: z.uuid(), name: z.string() }),
  legalEntityCode: commandId,
  currency: commandCurrency,
  issueDate: commandDate,
  dueDate: commandDate.nullable(),
  accountingPeriod: z.string().regex(/^\d{4}-\d{2}$/),
  latePosting: z.boolean(),
  subtotal: commandAmount,
  taxTotal: commandAmount,
  total: commandAmount,
  lines: z.array(invoiceDocumentLine).min(1),
});

export const postInvoicePayload = invoiceDocument.extend({ billingPeriodKey: z.string().nullable() });

export type InvoiceDocument = z.input<typeof invoiceDocument>;
export type PostInvoicePayload = z.input<typeof postInvoicePayload>;
