// Schemas of the invoices API (GET /api/v1/invoices, GET /api/v1/invoices/{id}): every
// invoice with its lines and, per line, the sources it bills (time, milestones, usage,
// expenses, retainer months) with their unrounded contributions.
import { z } from 'zod';
import { CashApplicationKind, CashApplicationMethod, CreditNoteReason, DeductionStatus, InvoiceKind, InvoiceLineKind, InvoiceLineSourceKind, InvoiceStatus } from '../../db/generated/enums.ts';
import { DEFAULT_INVOICE_PAGE_SIZE, MAX_INVOICE_PAGE_SIZE } from '../../queries/invoices/page-size.ts';
import { dayPeriod, periodsInOrder } from './day-period.ts';
import { queryList } from './query-list.ts';
import { calendarDate, currencyCode, dateTime, decimalString, filterText, moneyString, pageOf, pageQuery } from './response-fields.ts';

export const listInvoicesQuerySchema = z
  .object({
    engagementId: z.uuid().optional(),
    status: queryList(z.enum(InvoiceStatus)).describe('One or more statuses, repeated or comma-separated.'),
    kind: z.enum(InvoiceKind).optional(),
    creditNoteReason: z.enum(CreditNoteReason).optional().describe('Credit notes with this reason (e.g. WRITE_OFF).'),
    clientId: z.uuid().optional(),
    legalEntityCode: filterText.describe('e.g. US01'),
    region: filterText.describe("The legal entities' reporting region, e.g. EMEA."),
    correlationId: filterText,
    ...dayPeriod('issued', 'issued'),
    ...dayPeriod('eligible', 'eligible for posting (invoices only; those voided before posting are left out, as invoice timeliness counts)'),
    ...pageQuery({ defaultLimit: DEFAULT_INVOICE_PAGE_SIZE, maxLimit: MAX_INVOICE_PAGE_SIZE }),
  })
  .superRefine(periodsInOrder(['issued', 'eligible']));

export const invoiceIdParamsSchema = z.object({ id: z.uuid() });

export const invoiceLineSourceSchema = z.object({
  id: z.uuid(),
  kind: z.enum(InvoiceLineSourceKind),
  sourceType: z.enum(['TimeTransaction', 'Milestone', 'Expense', 'UsageRecord', 'BillingPlan']).nullable().describe('The canonical model name of the billed row.'),
  sourceId: z.uuid().nullable(),
  periodKey: z.string().nullable().describe('Retainer or usage month (YYYY-MM).'),
  quantity: decimalString.nullable(),
  rate: decimalString.nullable(),
  unroundedAmount: decimalString.describe('Contribution to the line in the invoice currency, before the line is rounded.'),
  currency: currencyCode,
  sourceAmount: decimalString.nullable().describe('In the source currency, when it differs from the invoice currency.'),
  sourceCurrency: currencyCode.nullable(),
  fxRate: decimalString.nullable(),
  inForce: z.boolean().describe('False once the invoice was voided or credited and the source released for re-billing.'),
  releasedAt: dateTime.nullable(),
});

export const invoiceLineSchema = z.object({
  id: z.uuid(),
  lineNo: z.number().int(),
  kind: z.enum(InvoiceLineKind),
  description: z.string(),
  sku: z.string().nullable(),
  role: z.string().nullable(),
  quantity: decimalString,
  unitPrice: decimalString,
  amount: moneyString.describe('Rounded half-up to the minor unit from the sum of its sources.'),
  taxCode: z.string().nullable(),
  taxRate: decimalString.nullable(),
  taxAmount: moneyString,
  servicePeriodStart: calendarDate.nullable(),
  servicePeriodEnd: calendarDate.nullable(),
  creditedLineId: z.uuid().nullable(),
  sources: z.array(invoiceLineSourceSchema),
});

export const invoiceSchema = z.object({
  id: z.uuid(),
  kind: z.enum(InvoiceKind),
  number: z.string().nullable().describe('Assigned when issued; null for DRAFT and AWAITING_TAX.'),
  status: z.enum(InvoiceStatus),
  currency: currencyCode,
  engagement: z.object({ id: z.uuid(), code: z.string() }),
  client: z.object({ id: z.uuid(), name: z.string() }),
  legalEntity: z.object({ id: z.uuid(), code: z.string() }),
  correlationId: z.string(),
  issueDate: calendarDate.nullable(),
  dueDate: calendarDate.nullable(),
  billingPeriodKey: z.string().nullable(),
  servicePeriodStart: calendarDate.nullable(),
  servicePeriodEnd: calendarDate.nullable(),
  subtotal: moneyString,
  tax: moneyString,
  total: moneyString,
  amountApplied: moneyString,
  amountCredited: moneyString,
  balanceDue: moneyString,
  issuedAt: dateTime.nullable(),
  postedAt: dateTime.nullable(),
  paidAt: dateTime.nullable(),
  voidedAt: dateTime.nullable(),
  voidReason: z.string().nullable(),
  erpInvoiceId: z.string().nullable(),
  erpInvoiceNumber: z.string().nullable(),
  originalInvoiceId: z.uuid().nullable().describe('For a credit note: the invoice it credits.'),
  creditNoteReason: z.enum(CreditNoteReason).nullable(),
  lines: z.array(invoiceLineSchema),
});

export const invoiceDetailSchema = invoiceSchema.extend({
  creditNotes: z.array(
    z.object({ id: z.uuid(), number: z.string().nullable(), status: z.enum(InvoiceStatus), reason: z.enum(CreditNoteReason).nullable(), issueDate: calendarDate.nullable(), total: moneyString }),
  ),
  cashApplications: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(CashApplicationKind),
      receiptId: z.uuid(),
      method: z.enum(CashApplicationMethod),
      automatic: z.boolean(),
      amount: moneyString,
      deductionAmount: moneyString,
      deductionReasonCode: z.string().nullable(),
      deductionStatus: z.enum(DeductionStatus),
      appliedAt: dateTime,
      reversesApplicationId: z.uuid().nullable(),
      reversedAt: dateTime.nullable(),
    }),
  ),
});

export const invoicePageSchema = pageOf(invoiceSchema);

export type InvoiceView = z.output<typeof invoiceSchema>;
export type InvoiceLineView = z.output<typeof invoiceLineSchema>;
export type InvoiceLineSourceView = z.output<typeof invoiceLineSourceSchema>;
export type InvoiceDetail = z.output<typeof invoiceDetailSchema>;
