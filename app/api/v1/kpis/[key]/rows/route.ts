// GET /api/v1/kpis/{key}/rows?from=&to=&legalEntityCode=&region=&age=: the time rows behind a
// time KPI (unbilledApprovedTime, unapprovedTime, revenueLeakage's time never billed,
// utilization) as CSV, oldest work first. Every role may read them.
import { apiRoute } from '@/lib/http/api-route';
import { kpiRowsParamsSchema, kpiRowsQuerySchema } from '@/lib/http/schemas/kpi-rows';
import { resolveKpiScope } from '@/lib/queries/kpis/kpi-scope';
import { kpiTimeRowsCsv } from '@/lib/queries/kpis/rows/kpi-time-rows-csv';
import { TIME_ROWS_OF_KPI } from '@/lib/queries/kpis/rows/list-kpi-time-rows';

export const GET = apiRoute({
  permission: 'kpis:read',
  params: kpiRowsParamsSchema,
  query: kpiRowsQuerySchema,
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
