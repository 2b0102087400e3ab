// GET /api/v1/kpis/export?from=&to=&legalEntityCode=&region=&currency=: the dashboard's view
// as CSV — every KPI with the previous period's value and the rows behind it. Every role may read it.
import { apiRoute } from '@/lib/http/api-route';
import { kpiExportQuerySchema } from '@/lib/http/schemas/kpis';
import { getKpisWithPrevious } from '@/lib/queries/kpis/get-kpis-with-previous';
import { kpisCsv, kpisCsvFileName } from '@/lib/queries/kpis/kpis-csv';

export const GET = apiRoute({
  permission: 'kpis:read',
  query: kpiExportQuerySchema,
  handler: async ({ query }) => {
    const { current, previous } = await getKpisWithPrevious({ ...query, now: new Date() });
    return new Response(kpisCsv(current, previous), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${kpisCsvFileName(current)}"`,
        'cache-control': 'no-store',
      },
    });
  },
});
