// GET /api/v1/kpis?from=&to=&legalEntityCode=&currency=: every KPI of DESIGN.md §10 with
// its value and the rows behind it (definitions: docs/KPIS.md). Every role may read them.
import { apiRoute } from '@/lib/http/api-route';
import { kpiQuerySchema } from '@/lib/http/schemas/kpis';
import { getKpis } from '@/lib/queries/kpis/get-kpis';

export const GET = apiRoute({
  permission: 'kpis:read',
  query: kpiQuerySchema,
  handler: async ({ query }) => ({ ...(await getKpis({ ...query, now: new Date() })) }),
});
