// The URL filters of the engagements, invoices and cash pages (shareable views; the
// dashboard links to them with exactly these names): engagements ?legalEntity=&model=&q=&sort=,
// invoices ?status=&legalEntity=&aging=&client=&sort=, cash ?view=&status=, plus the
// dashboard's drill-downs (docs/KPIS.md): a region and a period of days on each (issued,
// eligible, activated, received; both days included), an invoice kind and credit-note reason.
// Empty values mean "no filter". A bad value is a readable message naming the parameter.
import { z } from 'zod';
import { BillingModel, CashReceiptStatus, CreditNoteReason, InvoiceKind, InvoiceStatus } from '../../db/generated/enums.ts';
import { ENGAGEMENT_LIST_SORTS } from '../../queries/engagements/engagement-sorts.ts';
import { INVOICE_LIST_SORTS } from '../../queries/invoices/invoice-sorts.ts';
import { AGEING_BUCKETS } from '../../domain/cash/invoice-ageing.ts';
import { parseListParams, withoutEmpty, type ParsedListParams } from './console-list-params.ts';
import { dayPeriod, periodsInOrder } from './day-period.ts';
import { queryList } from './query-list.ts';

const text = z.string().trim().min(1).max(200).optional();
const cursor = z.string().min(1).max(1000).optional();

export const engagementPageParamsSchema = z
  .object({
    legalEntity: text,
    region: text,
    model: queryList(z.enum(BillingModel)),
    q: text,
    ...dayPeriod('activated', 'activated'),
    ...dayPeriod('margin', 'of the margin figures'),
    currency: z.string().trim().regex(/^[A-Za-z]{3}$/, 'A three-letter currency code.').transform((c) => c.toUpperCase()).optional(),
    sort: z.enum(ENGAGEMENT_LIST_SORTS).default('-createdAt'),
    cursor,
  })
  .superRefine(periodsInOrder(['activated', 'margin']));

export type EngagementPageParams = z.output<typeof engagementPageParamsSchema>;

/** The invoices list's filters: the page's URL and GET /api/v1/invoices/summaries take the same names. */
export const invoiceListFields = {
  status: queryList(z.enum(InvoiceStatus)).describe('One or more statuses, repeated or comma-separated.'),
  legalEntity: text.describe('A legal entity code, e.g. US01.'),
  region: text.describe("The legal entities' reporting region, e.g. EMEA."),
  aging: z.enum(AGEING_BUCKETS).optional().describe('Open invoices whose due date puts them in this ageing bucket today.'),
  client: text.describe("The client's id, or its id in any connected system (id crosswalk)."),
  kind: z.enum(InvoiceKind).optional(),
  reason: z.enum(CreditNoteReason).optional().describe('Credit notes with this reason (e.g. WRITE_OFF).'),
  ...dayPeriod('issued', 'issued'),
  ...dayPeriod('eligible', 'eligible for posting'),
  sort: z.enum(INVOICE_LIST_SORTS).default('-createdAt').describe('-createdAt (newest first, default), createdAt, dueDate, -dueDate, -balanceDue, balanceDue.'),
  cursor,
};

export const invoicePageParamsSchema = z.object(invoiceListFields).superRefine(periodsInOrder(['issued', 'eligible']));

export const CASH_VIEWS = ['workbench', 'receipts', 'decisions'] as const;
/** The receipts view's filters: the cash page's URL and GET /api/v1/cash/receipts take the same names. */
export const receiptListFields = {
  status: queryList(z.enum(CashReceiptStatus)).describe('One or more statuses, repeated or comma-separated.'),
  legalEntity: text.describe('The receiving legal entity code, e.g. US01.'),
  region: text.describe("The legal entities' reporting region, e.g. EMEA."),
  ...dayPeriod('received', 'received'),
  cursor,
};

export const cashPageParamsSchema = z
  .object({ view: z.enum(CASH_VIEWS).default('workbench'), ...receiptListFields })
  .superRefine(periodsInOrder(['received']));

export function pageParams<S extends z.ZodType>(schema: S, params: URLSearchParams): ParsedListParams<z.output<S>> {
  return parseListParams(schema, withoutEmpty(params));
}
