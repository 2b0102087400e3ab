// GET /api/v1/lineage/{correlationId}: the thread's graph from quote to cash — nodes
// (canonical rows with system, external id and the event behind each) and edges.
import { apiRoute } from '@/lib/http/api-route';
import { lineageParamsSchema } from '@/lib/http/schemas/lineage';
import { getLineage } from '@/lib/queries/lineage/get-lineage';

export const GET = apiRoute({
  permission: 'lineage:read',
  params: lineageParamsSchema,
  handler: async ({ params }) => ({ ...(await getLineage({ correlationId: params.correlationId })) }),
});
