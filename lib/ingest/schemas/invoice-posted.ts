// q2c.invoice.posted.v1 — the ERP confirms an invoice Threadline issued and tells its
// own invoice number.
import { z } from 'zod';
import { identifier, timestamp } from './fields.ts';

export const invoicePostedData = z.looseObject({
  invoiceId: identifier,
  erpInvoiceNumber: identifier,
  postedAt: timestamp,
});

export type InvoicePostedData = z.output<typeof invoicePostedData>;
