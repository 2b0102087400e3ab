// GET /api/v1/connectors/{code}: one connector with its secrets' fingerprints and states.
import { z } from 'zod';
import { apiRoute } from '@/lib/http/api-route';
import { getConnector } from '@/lib/queries/connectors/get-connector';
import { connectorCodeSchema } from '@/lib/services/connectors/connector-rules';

export const GET = apiRoute({
  permission: 'connectors:read',
  params: z.object({ code: connectorCodeSchema }),
  handler: async ({ params }) => getConnector({ code: params.code }),
});
