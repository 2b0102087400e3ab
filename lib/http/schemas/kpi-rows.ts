// Schemas of GET /api/v1/kpis/{key}/rows?from=&to=&legalEntityCode=&region=&age=: the time
// behind a time KPI as CSV (docs/KPIS.md "Dashboard drill-downs").
import { z } from 'zod';
import { kpiQuerySchema } from './kpis.ts';

export const timeKpiKeys = ['unbilledApprovedTime', 'unapprovedTime', 'revenueLeakage', 'utilization'] as const;
export const timeAges = ['0-7', '8-30', '31-60', '61-90', '>90', 'over-30'] as const;

const { from, to, legalEntityCode, region } = kpiQuerySchema.shape;

export const kpiRowsParamsSchema = z.object({ key: z.enum(timeKpiKeys).describe('A KPI counted in time.') });

export const kpiRowsQuerySchema = z.object({
  from,
  to,
  legalEntityCode,
  region,
  age: z.enum(timeAges).optional().describe('Unbilled time only: one age bucket (whole days at asOf), or over-30 (revenue leakage\'s approved time never billed).'),
});
