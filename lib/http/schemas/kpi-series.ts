// Schemas of GET /api/v1/kpis/series?to=&months=&legalEntityCode=&currency=: the monthly
// trends of the dashboard. Each point is the KPI's headline for that calendar month, exactly
// as GET /api/v1/kpis answers for that month (docs/KPIS.md "Monthly trends").
import { z } from 'zod';
import { kpiQuerySchema } from './kpis.ts';
import { currencyCode, dateTime, decimalString } from './response-fields.ts';

const { to, legalEntityCode, region, currency } = kpiQuerySchema.shape;

export const kpiSeriesQuerySchema = z.object({
  to,
  legalEntityCode,
  region,
  currency,
  months: z.coerce.number().int().min(1).max(36).optional().describe('How many calendar months, ending with the one holding the last day before `to`. Default 12.'),
});

export type KpiSeriesQuery = z.output<typeof kpiSeriesQuerySchema>;

/** The KPIs with a monthly trend, and `collected` (billed and collected's second figure). */
export const kpiSeriesKeys = [
  'dso',
  'billedAndCollected',
  'collected',
  'invoiceTimeliness',
  'activationCycleTime',
  'margin',
  'cashApplicationAccuracy',
  'eventSuccessRate',
  'billingExceptionVolume',
] as const;

export type KpiSeriesKey = (typeof kpiSeriesKeys)[number];

export const kpiSeriesResponseSchema = z.object({
  legalEntityCode: z.string().nullable(),
  region: z.string().nullable(),
  currency: currencyCode,
  months: z.array(z.object({ month: z.string().describe('YYYY-MM'), from: dateTime, to: dateTime.describe('Exclusive; the last month ends at `to`.') })),
  series: z
    .object(Object.fromEntries(kpiSeriesKeys.map((key) => [key, z.array(decimalString.nullable())])) as Record<KpiSeriesKey, z.ZodArray<z.ZodNullable<typeof decimalString>>>)
    .describe('Per KPI key, one value per month in `months` order, in the unit GET /api/v1/kpis gives it (money in `currency`); null = "—".'),
});

export type KpiSeriesResponse = z.infer<typeof kpiSeriesResponseSchema>;
