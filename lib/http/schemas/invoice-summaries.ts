// Schemas of GET /api/v1/invoices/summaries: the console's invoices list as an API (the page
// prefetches it on the server and fetches it in the browser with the same parameters):
// invoices and credit notes without their lines, with open balance and ageing, filtered and
// sorted as the page's URL says, keyset pages.
import { z } from 'zod';
import { InvoiceKind, InvoiceStatus } from '../../db/generated/enums.ts';
import { AGEING_BUCKETS } from '../../domain/cash/invoice-ageing.ts';
import { INVOICE_ROWS_MAX_PAGE_SIZE, INVOICE_ROWS_PAGE_SIZE } from '../../queries/invoices/list-invoice-rows.ts';
import { invoiceListFields } from './console-money-params.ts';
import { periodsInOrder } from './day-period.ts';
import { calendarDate, currencyCode, moneyString, pageOf, pageQuery } from './response-fields.ts';

export const listInvoiceSummariesQuerySchema = z
  .object({
    ...invoiceListFields,
    ...pageQuery({ defaultLimit: INVOICE_ROWS_PAGE_SIZE, maxLimit: INVOICE_ROWS_MAX_PAGE_SIZE }),
  })
  .superRefine(periodsInOrder(['issued', 'eligible']));

export const invoiceSummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(InvoiceKind),
  number: z.string().nullable().describe('Assigned when issued; null for DRAFT and AWAITING_TAX.'),
  status: z.enum(InvoiceStatus),
  currency: currencyCode,
  issueDate: calendarDate.nullable(),
  dueDate: calendarDate.nullable(),
  total: moneyString,
  balanceDue: moneyString,
  ageing: z.enum(AGEING_BUCKETS).nullable().describe('Days past due of what is still open, measured today (UTC); null unless it is an invoice open for cash.'),
  engagement: z.object({ id: z.uuid(), code: z.string() }),
  client: z.object({ id: z.uuid(), name: z.string() }),
  legalEntityCode: z.string(),
});

export const invoiceSummaryPageSchema = pageOf(invoiceSummarySchema);

export type ListInvoiceSummariesQuery = z.output<typeof listInvoiceSummariesQuerySchema>;
