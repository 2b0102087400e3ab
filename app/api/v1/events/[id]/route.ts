// GET /api/v1/events/{id}: one inbox event (by Threadline's id, as in the list) with the
// CloudEvent as stored and the exceptions linked to it. Same permission as the list.
import { apiRoute } from '@/lib/http/api-route';
import { inboxEventIdParamsSchema } from '@/lib/http/schemas/events';
import { getInboxEvent } from '@/lib/queries/inbox/get-inbox-event';

export const GET = apiRoute({
  permission: 'exceptions:read',
  params: inboxEventIdParamsSchema,
  handler: async ({ params }) => ({ ...(await getInboxEvent({ id: params.id })) }),
});
