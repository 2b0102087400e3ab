// GET /api/v1/openapi.json — the OpenAPI 3.1 description of every /api/v1 operation,
// generated from the same zod schemas the handlers validate with. Public: it describes the
// API, not anyone's data, and tools fetch it before they hold credentials.
import { apiRoute } from '@/lib/http/api-route';
import { openApiDocument } from '@/lib/http/openapi/openapi-document';

export const GET = apiRoute({
  public: true,
  handler: () => Response.json(openApiDocument(), { headers: { 'cache-control': 'public, max-age=300' } }),
});
