// GET /api/v1/connector-health: every registered connector with its health numbers (last
// event, today's volume, inbox backlog by status, success rate, p50/p95 latency, outbox
// pending, dead letters), as the connectors page shows and refreshes them. Its own path, not
// /connectors/health, so a connector may be called "health".
import { apiRoute } from '@/lib/http/api-route';
import { listConnectorHealthRows } from '@/lib/queries/connectors/connector-health-rows';

export const GET = apiRoute({
  permission: 'connectors:read',
  handler: async () => ({ items: await listConnectorHealthRows() }),
});
