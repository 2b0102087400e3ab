// GET /api/v1/exceptions: the exception queue, filtered, sorted and keyset-paginated.
import { apiRoute } from '@/lib/http/api-route';
import { listExceptionsQuerySchema } from '@/lib/http/schemas/exceptions';
import { listExceptions } from '@/lib/queries/exceptions/list-exceptions';

export const GET = apiRoute({
  permission: 'exceptions:read',
  query: listExceptionsQuerySchema,
  handler: async ({ principal, query }) => {
    const { assignee, ...filters } = query;
    const assigneeId = assignee === 'me' ? principal.userId : assignee === 'none' ? null : assignee;
    const page = await listExceptions({ ...filters, assigneeId });
    return { items: page.items, nextCursor: page.nextCursor };
  },
});
