// /api/v1/events — POST: the CloudEvents ingest API for connected systems (DESIGN.md §5).
// GET: the inbox for people (status, attempts, timings, error per event), newest first
// with keyset pagination. Reading it needs exceptions:read: the people who triage
// exceptions (integration ops, finance, delivery, admin) must see the events behind them.
import { apiRoute } from '@/lib/http/api-route';
import { listInboxEventsQuerySchema } from '@/lib/http/schemas/events';
import { handleIngestRequest } from '@/lib/ingest/handle-ingest-request';
import { listInboxEvents } from '@/lib/queries/inbox/list-inbox-events';

export const dynamic = 'force-dynamic';

export const POST = (request: Request) => handleIngestRequest(request);

export const GET = apiRoute({
  permission: 'exceptions:read',
  query: listInboxEventsQuerySchema,
  handler: async ({ query }) => {
    const page = await listInboxEvents(query);
    return { items: page.items, nextCursor: page.nextCursor };
  },
});
