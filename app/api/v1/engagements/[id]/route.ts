// GET /api/v1/engagements/{id}: one engagement by id or code, with its money figures,
// billing plan, milestones and change orders (before/after).
import { apiRoute } from '@/lib/http/api-route';
import { engagementRefParamsSchema } from '@/lib/http/schemas/engagements';
import { getEngagement } from '@/lib/queries/engagements/get-engagement';

export const GET = apiRoute({
  permission: 'engagements:read',
  params: engagementRefParamsSchema,
  handler: async ({ params }) => ({ ...(await getEngagement({ ref: params.id })) }),
});
