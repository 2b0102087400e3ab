// GET /api/v1/engagements?correlationId=&clientExternalId=&status=&legalEntityCode=&billingModel=&q=&sort=&cursor=&limit=:
// engagements with value, estimated cost, budget, billed, recognized, collected, unbilled.
import { apiRoute } from '@/lib/http/api-route';
import { listEngagementsQuerySchema } from '@/lib/http/schemas/engagements';
import { listEngagements } from '@/lib/queries/engagements/list-engagements';

export const GET = apiRoute({
  permission: 'engagements:read',
  query: listEngagementsQuerySchema,
  handler: async ({ query: { q, ...filters } }) => ({ ...(await listEngagements({ ...filters, search: q })) }),
});
