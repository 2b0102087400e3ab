// Schemas of POST /api/v1/revenue/runs {asOf, legalEntityCode?}: the request, and the run's
// summary (lib/services/revenue/revenue-run-summary.ts) as it is answered.
import { z } from 'zod';
import { ExceptionCode } from '../../db/generated/enums.ts';
import { isIsoDate } from '../../domain/periods/calendar-date.ts';
import { currencyCode, moneyString } from './response-fields.ts';

export const revenueRunBodySchema = z.object({
  asOf: z
    .string()
    .refine(isIsoDate, 'Expected a calendar date, YYYY-MM-DD.')
    .describe('Recognise revenue through this date (inclusive); today at the latest.'),
  legalEntityCode: z.string().trim().min(1).max(20).optional().describe('Only engagements of this legal entity, e.g. US01.'),
});

const flagCode = z.enum(['LOSS_CONTRACT', 'ESTIMATE_EXCEEDED', 'NO_ESTIMATE', 'USAGE_OUTSIDE_TERM', 'PERIOD_NOT_FOUND', 'NO_OPEN_PERIOD', 'AS_OF_BEFORE_LAST_RUN', 'FX_RATE_MISSING', 'FACTS_INCOMPLETE', 'PLAN_FAILED']);

export const revenueRunSummarySchema = z.object({
  asOf: z.iso.date(),
  legalEntityCode: z.string().nullable(),
  engagements: z.number().int().describe('Engagements with a billing plan the run looked at.'),
  engagementsPosted: z.number().int().describe('Of those, how many got at least one entry.'),
  entriesPosted: z.number().int().describe('0 when the run had already been made: runs are repeatable.'),
  lateEntries: z.number().int().describe('Entries posted to the next open period because their own was closed.'),
  byCurrency: z.record(currencyCode, moneyString).describe('Net revenue posted, per currency.'),
  flagCounts: z.partialRecord(flagCode, z.number().int()),
  flags: z
    .array(
      z.object({
        engagementId: z.uuid(),
        engagementCode: z.string(),
        code: flagCode,
        exceptionCode: z.enum(ExceptionCode).nullable().describe('The exception raised for it; null when it is reported here and in the audit only.'),
        period: z.string().optional(),
        unit: z.string().optional().describe('The revenue unit, e.g. "POC:2026-03" or "TIME:<time transaction id>".'),
        detail: z.record(z.string(), z.string()).optional(),
        message: z.string().optional(),
      }),
    )
    .describe('The first 500 flags; flagCounts counts them all.'),
  exceptionsRaised: z.number().int(),
});

export type RevenueRunSummaryView = z.output<typeof revenueRunSummarySchema>;
