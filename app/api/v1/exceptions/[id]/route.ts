// GET /api/v1/exceptions/{id}: one exception with its action history and linked events.
import { apiRoute } from '@/lib/http/api-route';
import { exceptionIdParamsSchema } from '@/lib/http/schemas/exceptions';
import { getException } from '@/lib/queries/exceptions/get-exception';

export const GET = apiRoute({
  permission: 'exceptions:read',
  params: exceptionIdParamsSchema,
  handler: async ({ params }) => ({ ...(await getException({ id: params.id })) }),
});
