// Schemas of the engagements API (GET /api/v1/engagements, GET /api/v1/engagements/{id}):
// the query, the path and the answers. The query functions return exactly these shapes
// (their types are these schemas' outputs) and the OpenAPI document is generated from them.
import { z } from 'zod';
import { BillingCadence, BillingModel, ChangeOrderStatus, EngagementStatus, EntityType, MilestoneStatus, RevenueTreatment } from '../../db/generated/enums.ts';
import { DEFAULT_ENGAGEMENT_PAGE_SIZE, MAX_ENGAGEMENT_PAGE_SIZE } from '../../queries/engagements/page-size.ts';
import { ENGAGEMENT_LIST_SORTS } from '../../queries/engagements/engagement-sorts.ts';
import { dayPeriod, periodsInOrder } from './day-period.ts';
import { queryList } from './query-list.ts';
import { calendarDate, currencyCode, dateTime, filterText, hoursString, moneyString, pageOf, pageQuery } from './response-fields.ts';

export const listEngagementsQuerySchema = z
  .object({
  correlationId: filterText.describe('The engagement thread id.'),
  clientExternalId: filterText.describe("The client's id in its source system or in any connected system (id crosswalk)."),
  status: queryList(z.enum(EngagementStatus)).describe('One or more statuses, repeated or comma-separated.'),
  legalEntityCode: filterText.describe('e.g. US01'),
  region: filterText.describe("The legal entities' reporting region, e.g. EMEA."),
  ...dayPeriod('activated', 'activated after an accepted quote (activation cycle time)'),
  ...dayPeriod('margin', 'of the margin figures (the margin KPI\'s period; default: the 90 days through today)'),
  currency: currencyCode.optional().describe('The margin figures\' currency (default USD; another converts at the rate of the period\'s last day, as the KPIs do).'),
  billingModel: queryList(z.enum(BillingModel)).describe('One or more billing models, repeated or comma-separated.'),
  q: filterText.describe('Part of the code, the name or the client name (case-insensitive).'),
  sort: z
    .enum(ENGAGEMENT_LIST_SORTS)
    .default('-createdAt')
    .describe('-createdAt (newest first, default), createdAt, -value (largest first), value, marginVariance (furthest below plan first: only the engagements the margin KPI counts in the margin period), -marginVariance.'),
  ...pageQuery({ defaultLimit: DEFAULT_ENGAGEMENT_PAGE_SIZE, maxLimit: MAX_ENGAGEMENT_PAGE_SIZE }),
  })
  .superRefine(periodsInOrder(['activated', 'margin']));

export const engagementRefParamsSchema = z.object({
  id: z.string().trim().min(1).max(200).describe("The engagement's id (uuid) or its code (e.g. ENG-US01-0042)."),
});

const unbilledBreakdownSchema = z.object({
  time: moneyString.describe('Approved billable time not invoiced, less invoiced time superseded by a resubmission and not yet reversed.'),
  milestones: moneyString.describe('Billable (completed, approved, evidenced) milestones not invoiced.'),
  usage: moneyString.describe('Retainer usage above the included units not yet invoiced, at the overage rate.'),
  expenses: moneyString.describe('Approved billable expenses in the engagement currency not invoiced.'),
  expensesInOtherCurrencies: z
    .array(z.object({ currency: currencyCode, amount: moneyString }))
    .describe('Unbilled expenses in other currencies; converted only when invoiced, so not in the total.'),
});

export const engagementSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  correlationId: z.string(),
  status: z.enum(EngagementStatus),
  client: z.object({ id: z.uuid(), name: z.string(), sourceSystem: z.string().nullable(), externalId: z.string().nullable() }),
  legalEntity: z.object({ id: z.uuid(), code: z.string(), name: z.string(), baseCurrency: currencyCode }),
  currency: currencyCode.describe('Every amount of the engagement is in this currency.'),
  billingModel: z.enum(BillingModel).nullable(),
  value: moneyString.describe('Contract value after change orders.'),
  estimatedCost: moneyString.nullable(),
  budgetHours: hoursString.nullable(),
  billed: moneyString.describe('Issued and posted invoices (tax included) net of credit notes.'),
  billedExcludingTax: moneyString.describe('The same, without tax: what revenue is compared with.'),
  recognized: moneyString.describe('Sum of revenue entries (reversals included).'),
  collected: moneyString.describe('Cash applied to its invoices, net of reversals.'),
  unbilled: moneyString.describe('Sum of unbilledBreakdown (time + milestones + usage + expenses).'),
  unbilledBreakdown: unbilledBreakdownSchema,
  unbilledReceivable: moneyString.describe('max(0, recognized − billedExcludingTax): revenue earned but not yet invoiced.'),
  deferredRevenue: moneyString.describe('max(0, billedExcludingTax − recognized): invoiced ahead of revenue.'),
  psaProjectId: z.string().nullable(),
  erpProjectId: z.string().nullable(),
  quoteAcceptedAt: dateTime.nullable(),
  activatedAt: dateTime.nullable(),
  closedAt: dateTime.nullable(),
  startDate: calendarDate.nullable(),
  endDate: calendarDate.nullable(),
  createdAt: dateTime,
  margin: z
    .object({
      revenue: moneyString,
      cost: moneyString.describe('Approved time × cost rate + approved expenses.'),
      margin: moneyString,
      marginPct: z.string().nullable().describe('margin ÷ revenue (a ratio, 6 decimals); null without revenue.'),
      plannedMarginPct: z.string().nullable(),
      marginPctVariance: z.string().nullable().describe('marginPct − plannedMarginPct, in ratio points: the sort key.'),
      marginVariance: moneyString.nullable().describe('margin − planned margin (value − estimated cost).'),
      uncostedHours: hoursString,
    })
    .nullable()
    .optional()
    .describe("The margin KPI's figures for the engagement over the list's margin period, in its currency (list only; null when the KPI does not count it: no cost or revenue in the period)."),
});

export const marginPeriodSchema = z.object({
  from: calendarDate.describe('First day.'),
  to: calendarDate.describe('Last day, included.'),
  currency: currencyCode,
  legalEntityCode: z.string().nullable(),
  region: z.string().nullable(),
});

const retainerTermsSchema = z.object({
  monthlyFee: moneyString.nullable(),
  includedUnits: z.string().nullable(),
  overageRate: z.string().nullable(),
  startMonth: z.string().nullable().describe('YYYY-MM'),
  months: z.number().int().nullable(),
});

export const billingPlanSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  model: z.enum(BillingModel),
  cadence: z.enum(BillingCadence),
  paymentTermsDays: z.number().int(),
  revenueTreatment: z.enum(RevenueTreatment),
  currency: currencyCode,
  contractValue: moneyString,
  estimatedTotalCost: moneyString.nullable(),
  standardRateCardCode: z.string().nullable(),
  contractRateCardCode: z.string().nullable(),
  retainer: retainerTermsSchema.nullable(),
  taxNexus: z.string().nullable(),
  taxExempt: z.boolean(),
  billedThrough: calendarDate.nullable(),
});

const milestoneSchema = z.object({
  id: z.uuid(),
  ref: z.string(),
  name: z.string(),
  amount: moneyString,
  currency: currencyCode,
  dueDate: calendarDate.nullable(),
  status: z.enum(MilestoneStatus),
  completedAt: dateTime.nullable(),
  approvedAt: dateTime.nullable(),
  approvedBy: z.string().nullable(),
  billableAt: dateTime.nullable(),
  evidenceCount: z.number().int(),
  invoiceLineId: z.uuid().nullable().describe('The invoice line that currently bills it; null while unbilled.'),
});

const changeOrderTermsSchema = z.object({
  value: moneyString,
  estimatedCost: moneyString.nullable(),
  budgetHours: hoursString.nullable(),
  billingPlan: z.unknown().describe('The billing plan terms as recorded with the change.'),
});

const changeOrderSchema = z.object({
  id: z.uuid(),
  sourceSystem: z.string(),
  externalId: z.string(),
  version: z.number().int(),
  status: z.enum(ChangeOrderStatus),
  approvedAt: dateTime,
  reason: z.string().nullable(),
  currency: currencyCode,
  delta: z.object({ value: moneyString, estimatedCost: moneyString, budgetHours: hoursString }),
  before: changeOrderTermsSchema,
  after: changeOrderTermsSchema,
  milestoneChanges: z.unknown().nullable(),
  touched: z.array(z.object({ kind: z.enum(EntityType), id: z.string() })).describe('Invoices, revenue entries and other rows the change amended (lineage AMENDED).'),
});

export const engagementDetailSchema = engagementSummarySchema.extend({
  externalRefs: z.array(z.object({ system: z.string(), externalId: z.string() })).describe('Its ids in connected systems (PSA, ERP, ...).'),
  billingPlan: billingPlanSchema.nullable(),
  milestones: z.array(milestoneSchema),
  changeOrders: z.array(changeOrderSchema).describe('Every version, oldest first, with value, budget and billing plan before and after.'),
});

export const engagementPageSchema = pageOf(engagementSummarySchema).extend({ marginPeriod: marginPeriodSchema.describe("The margin figures' period and currency.") });

export type EngagementSummary = z.output<typeof engagementSummarySchema>;
export type EngagementDetail = z.output<typeof engagementDetailSchema>;
export type BillingPlanView = z.output<typeof billingPlanSchema>;
export type ListEngagementsQuery = z.output<typeof listEngagementsQuerySchema>;
