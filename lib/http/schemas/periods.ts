// Schemas of the period-close API: GET /api/v1/periods and
// POST /api/v1/periods/{legalEntityCode}/{period}/close|reopen.
import { z } from 'zod';
import { AccountingPeriodStatus } from '../../db/generated/enums.ts';
import { isYearMonth } from '../../domain/periods/calendar-date.ts';
import { calendarDate, dateTime } from './response-fields.ts';

// The same bounds as the other APIs' legalEntityCode filters; an unknown code is a 404.
const legalEntityCode = z.string().trim().min(1).max(20).describe('The legal entity\'s code, e.g. "US01".');
const yearMonth = z.string().refine(isYearMonth, 'A month, YYYY-MM.').describe('The accounting month, YYYY-MM.');

export const listPeriodsQuerySchema = z.object({
  legalEntityCode,
  year: z.coerce.number().int().min(1900).max(9999).optional().describe('Only the months of this calendar year.'),
});

/** A path that cannot name a period is a 404 (apiRoute maps params failures so). */
export const periodParamsSchema = z.object({ legalEntityCode, period: yearMonth });

export const reopenPeriodBodySchema = z.object({
  reason: z.string().trim().min(1, 'Say why the period is reopened.').max(2000),
});

const postingCounts = z.object({
  invoices: z.int().nonnegative().describe('Invoices and credit notes posted into the month.'),
  revenueEntries: z.int().nonnegative().describe('Revenue entries posted into the month.'),
});

export const accountingPeriodSchema = z.object({
  legalEntityCode: z.string(),
  period: z.string().describe('YYYY-MM'),
  startDate: calendarDate,
  endDate: calendarDate,
  status: z.enum(AccountingPeriodStatus),
  closedAt: dateTime.nullable().describe('When it was closed; null while open (a reopen clears it, the audit trail keeps it).'),
  closedBy: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
  posted: postingCounts.describe('Everything posted into the month, late items included.'),
  postedLate: postingCounts.describe('Of those, the items whose own month was closed (flagged late).'),
  movedOutLate: postingCounts.describe('Items dated in this month that posted into a later month because this one was closed.'),
});

export const accountingPeriodListSchema = z.object({ items: z.array(accountingPeriodSchema) });

export const periodActionResultSchema = z.object({
  period: accountingPeriodSchema,
  changed: z.boolean().describe('False when the period already was in the asked state (the call is repeatable).'),
});

export type AccountingPeriodView = z.output<typeof accountingPeriodSchema>;
