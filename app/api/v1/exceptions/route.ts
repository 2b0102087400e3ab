// GET /api/v1/exceptions: the exception queue, filtered, sorted and keyset-paginated.
import { apiRoute } from '@/lib/http/api-route';
import { listExceptionsQuerySchema } from '@/lib/http/schemas/exceptions';
import { listExceptionQueue } from '@/lib/queries/exceptions/list-exception-queue';

export const GET = apiRoute({
  permission: 'exceptions:read',
  query: listExceptionsQuerySchema,
  handler: async ({ principal, query }) => {
    const page = await listExceptionQueue({ query, userId: principal.userId });
    return { items: page.items, nextCursor: page.nextCursor };
  },
});
