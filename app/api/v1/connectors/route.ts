// GET /api/v1/connectors: the registered connectors, without credentials.
// POST /api/v1/connectors {code, name, kind, sources, endpoint?, ingestRateLimitPerMinute?,
// withSigningSecret?}: registers one; the 201 carries its token and signing secret, once.
import { apiRoute } from '@/lib/http/api-route';
import { listConnectors } from '@/lib/queries/connectors/list-connectors';
import { createConnectorSchema } from '@/lib/services/connectors/connector-rules';
import { createConnector } from '@/lib/services/connectors/create-connector';

export const GET = apiRoute({
  permission: 'connectors:read',
  handler: async () => ({ connectors: await listConnectors() }),
});

export const POST = apiRoute({
  permission: 'connectors:manage',
  input: createConnectorSchema,
  handler: async ({ principal, body }) => {
    const created = await createConnector({ ...body, actor: { type: 'USER', id: principal.userId } });
    return Response.json(created, { status: 201, headers: { location: `/api/v1/connectors/${created.code}` } });
  },
});
