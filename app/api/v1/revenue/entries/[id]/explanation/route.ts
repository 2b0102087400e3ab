// GET /api/v1/revenue/entries/{id}/explanation: why a revenue entry is what it is — the
// ledger arithmetic and what it recognises (cost-to-cost inputs, time, fee or usage),
// down to the timesheets and events. Tracing amounts to sources is lineage:read.
import { apiRoute } from '@/lib/http/api-route';
import { revenueEntryIdParamsSchema } from '@/lib/http/schemas/revenue-explanation';
import { explainRevenueEntry } from '@/lib/queries/lineage/explain-revenue-entry';

export const GET = apiRoute({
  permission: 'lineage:read',
  params: revenueEntryIdParamsSchema,
  handler: async ({ params }) => ({ ...(await explainRevenueEntry({ id: params.id })) }),
});
