// GET /api/v1/connectors/{code}: one connector with its secrets' fingerprints and states.
import { apiRoute } from '@/lib/http/api-route';
import { getConnector } from '@/lib/queries/connectors/get-connector';
import { connectorCodeParamsSchema } from '@/lib/http/schemas/connector-responses';

export const GET = apiRoute({
  permission: 'connectors:read',
  params: connectorCodeParamsSchema,
  handler: async ({ params }) => getConnector({ code: params.code }),
});
