// Schemas of GET /api/v1/revenue?engagementId=: an engagement's revenue ledger by period
// (every entry, reversals linked both ways), the running cumulative, and the contract
// asset/liability against what was invoiced.
import { z } from 'zod';
import { RevenueEntryKind, RevenueScheduleStatus, RevenueTreatment } from '../../db/generated/enums.ts';
import { calendarDate, currencyCode, dateTime, decimalString, moneyString } from './response-fields.ts';

export const revenueQuerySchema = z.object({
  engagementId: z.string().trim().min(1).max(200).describe("The engagement's id (uuid) or its code."),
});

const revenueEntrySchema = z.object({
  id: z.uuid(),
  scheduleId: z.uuid(),
  treatment: z.enum(RevenueTreatment),
  kind: z.enum(RevenueEntryKind),
  recognitionDate: calendarDate,
  amount: moneyString.describe('Signed: a reversal is negative.'),
  scheduleCumulative: moneyString.describe("The schedule's recognized total after this entry."),
  percentComplete: decimalString.nullable().describe('Fraction 0..1 (percentage of completion).'),
  costToDate: moneyString.nullable(),
  estimatedTotalCost: moneyString.nullable(),
  late: z.boolean().describe('Posted to a later open period because its own was closed.'),
  originalPeriod: z.string().nullable(),
  reversesEntryId: z.uuid().nullable(),
  reversedByEntryId: z.uuid().nullable(),
  invoiceId: z.uuid().nullable().describe('The invoice whose void or credit caused it, if any.'),
  eligibleAt: dateTime.nullable(),
  createdAt: dateTime,
});

export const revenueResponseSchema = z.object({
  engagement: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  currency: currencyCode,
  recognized: moneyString.describe('All entries, reversals included.'),
  billedExcludingTax: moneyString.describe('Issued invoices net of credit notes, without tax.'),
  unbilledReceivable: moneyString.describe('max(0, recognized − billedExcludingTax).'),
  deferredRevenue: moneyString.describe('max(0, billedExcludingTax − recognized).'),
  schedules: z.array(
    z.object({
      id: z.uuid(),
      treatment: z.enum(RevenueTreatment),
      status: z.enum(RevenueScheduleStatus),
      totalValue: moneyString.nullable(),
      estimatedTotalCost: moneyString.nullable(),
      recognizedToDate: moneyString,
      recognizedThrough: calendarDate.nullable(),
    }),
  ),
  periods: z.array(
    z.object({
      period: z.string().describe('YYYY-MM (accounting period).'),
      amount: moneyString.describe("Net revenue of the period's entries."),
      cumulative: moneyString.describe('Recognized through the end of the period.'),
      entries: z.array(revenueEntrySchema),
    }),
  ),
});

export type RevenueView = z.output<typeof revenueResponseSchema>;
