// GET /api/v1/cash/decisions?invoiceId=&cursor=&limit=: deductions and disputes awaiting a
// decision, largest money first, keyset pages.
import { apiRoute } from '@/lib/http/api-route';
import { listCashDecisionsQuerySchema } from '@/lib/http/schemas/cash-decisions';
import { listCashDecisions } from '@/lib/queries/cash/list-cash-decisions';

export const GET = apiRoute({
  permission: 'cash:read',
  query: listCashDecisionsQuerySchema,
  handler: async ({ query }) => ({ ...(await listCashDecisions(query)) }),
});
