// GET /api/v1/kpis/{key}/rows?from=&to=&legalEntityCode=&region=&age=: the time rows behind a
// time KPI (unbilledApprovedTime, unapprovedTime, revenueLeakage's time never billed,
// utilization) as CSV, oldest work first. Every role may read them.
import { z } from 'zod';
import { apiRoute } from '@/lib/http/api-route';
import { kpiQuerySchema } from '@/lib/http/schemas/kpis';
import { resolveKpiScope } from '@/lib/queries/kpis/kpi-scope';
import { kpiTimeRowsCsv } from '@/lib/queries/kpis/rows/kpi-time-rows-csv';
import { isTimeAge, TIME_ROWS_OF_KPI } from '@/lib/queries/kpis/rows/list-kpi-time-rows';

const { from, to, legalEntityCode, region } = kpiQuerySchema.shape;

export const GET = apiRoute({
  permission: 'kpis:read',
  params: z.object({ key: z.string().refine((key) => TIME_ROWS_OF_KPI[key] !== undefined) }),
  query: z.object({ from, to, legalEntityCode, region, age: z.string().refine(isTimeAge, 'Expected an age bucket: 0-7, 8-30, 31-60, 61-90, >90 or over-30.').optional() }),
  handler: async ({ params, query }) => {
    const rows = TIME_ROWS_OF_KPI[params.key]!;
    const { age, ...period } = query;
    const scope = await resolveKpiScope({ ...period, now: new Date() });
    const csv = await kpiTimeRowsCsv({ scope, view: rows.view, age: age ?? rows.age });
    return new Response(csv, {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${params.key}_rows_${scope.firstDay}_${scope.lastDay}.csv"`, 'cache-control': 'no-store' },
    });
  },
});
