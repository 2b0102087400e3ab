// POST /api/v1/connectors/{code}/rotate {what: token|secret, overlapHours?}: issues a new
// token or signing secret (returned once); the old one works for overlapHours (default 24).
import { apiRoute } from '@/lib/http/api-route';
import { connectorCodeParamsSchema } from '@/lib/http/schemas/connector-responses';
import { rotateConnectorSchema } from '@/lib/services/connectors/connector-rules';
import { rotateConnector } from '@/lib/services/connectors/rotate-connector';

export const POST = apiRoute({
  permission: 'connectors:manage',
  params: connectorCodeParamsSchema,
  input: rotateConnectorSchema,
  handler: async ({ principal, params, body }) => rotateConnector({ code: params.code, ...body, actor: { type: 'USER', id: principal.userId } }),
});
