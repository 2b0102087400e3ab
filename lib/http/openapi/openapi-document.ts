// The document served at GET /api/v1/openapi.json, built once per process: it depends only
// on code (the registry and its schemas), never on data.
import { ingestComponents } from './ingest-operation.ts';
import { buildOpenApiDocument } from './build-document.ts';
import { apiOperations } from './routes.ts';
import { answerComponents } from './shared-components.ts';

let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  cached ??= buildOpenApiDocument({ operations: apiOperations, requestComponents: ingestComponents, answerComponents });
  return cached;
}
