// GET /api/v1/kpis/series?to=&months=&legalEntityCode=&currency=: the monthly trends of the
// dashboard, each point equal to GET /api/v1/kpis for that month (docs/KPIS.md). Every role may read them.
import { apiRoute } from '@/lib/http/api-route';
import { kpiSeriesQuerySchema } from '@/lib/http/schemas/kpi-series';
import { getKpiSeries } from '@/lib/queries/kpis/series/get-kpi-series';

export const GET = apiRoute({
  permission: 'kpis:read',
  query: kpiSeriesQuerySchema,
  handler: async ({ query }) => ({ ...(await getKpiSeries({ ...query, now: new Date() })) }),
});
