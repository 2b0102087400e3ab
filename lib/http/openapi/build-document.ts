// Builds the OpenAPI 3.1 document from the operations registry (routes.ts): paths with
// parameters, request bodies and answers from the routes' zod schemas, problem+json for
// every error, security per operation, and the permission and roles each one needs.
import type { z } from 'zod';
import { can, roles, roleLabels } from '../../auth/permissions.ts';
import { problemSchema } from '../schemas/problem.ts';
import { problemResponses, securityFor, securitySchemes, tags } from './components.ts';
import { toComponents, type JsonSchema } from './json-schema.ts';
import type { ApiOperation, NamedSchema } from './operation.ts';
import { headerParameters, pathParameters, queryParameters } from './parameters.ts';

export interface BuildOptions {
  operations: readonly ApiOperation[];
  /** Components referred to from inside request schemas (e.g. each event type's data). */
  requestComponents?: readonly NamedSchema[];
  /** Components referred to from inside answers; a recursive schema must be one. */
  answerComponents?: readonly NamedSchema[];
  version?: string;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export function buildOpenApiDocument(options: BuildOptions): Record<string, unknown> {
  const requests = new Map<string, z.ZodType>((options.requestComponents ?? []).map((c) => [c.name, c.schema]));
  const answers = new Map<string, z.ZodType>([['Problem', problemSchema], ...(options.answerComponents ?? []).map((c) => [c.name, c.schema] as const)]);
  for (const op of options.operations) {
    for (const content of Object.values(op.body?.content ?? {})) register(requests, content);
    for (const response of Object.values(op.responses)) for (const content of Object.values(response.content ?? {})) register(answers, content);
  }
  for (const name of requests.keys()) if (answers.has(name)) throw new Error(`OpenAPI: ${name} names both a request and an answer schema`);

  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of options.operations) {
    const item = (paths[op.path] ??= {});
    if (item[op.method]) throw new Error(`OpenAPI: ${op.method.toUpperCase()} ${op.path} is registered twice`);
    item[op.method] = operationObject(op);
  }

  const schemas = { ...toComponents(answers, 'output'), ...toComponents(requests, 'input') };
  // zod parks a cycle it cannot name in "__shared", whose $refs do not resolve inside an OpenAPI document.
  if ('__shared' in schemas) throw new Error('OpenAPI: a recursive schema is not a named component; add it to answerComponents or requestComponents');

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Threadline API',
      version: options.version ?? '1',
      summary: 'The quote-to-cash control plane of professional-services firms.',
      description: 'Operations API for people and tools (personal API token or session) and the ingest API for connected systems (connector token). Money is always an exact decimal string with its currency; errors are RFC 9457 problem+json.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/', description: 'This Threadline instance' }],
    tags,
    paths,
    components: {
      schemas,
      responses: problemResponses(),
      securitySchemes,
    },
  };
}

function register(target: Map<string, z.ZodType>, content: NamedSchema): void {
  const existing = target.get(content.name);
  if (existing && existing !== content.schema) throw new Error(`OpenAPI: two different schemas are named ${content.name}`);
  target.set(content.name, content.schema);
}

function operationObject(op: ApiOperation): Record<string, unknown> {
  const parameters = [...pathParameters(op.params), ...queryParameters(op.query), ...headerParameters(op.headers)];
  const responses: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(op.responses)) {
    responses[status] = {
      description: spec.description,
      ...(spec.headers ? { headers: spec.headers } : {}),
      ...(spec.content ? { content: mediaTypes(spec.content) } : {}),
    };
  }
  for (const status of errorStatuses(op)) responses[String(status)] ??= { $ref: `#/components/responses/Problem${status}` };
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: [op.description, accessSentence(op)].filter(Boolean).join('\n\n'),
    tags: [op.tag],
    security: securityFor[op.auth],
    ...(op.permission ? { 'x-threadline-permission': op.permission } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: op.body.required ?? true, ...(op.body.description ? { description: op.body.description } : {}), content: mediaTypes(op.body.content) } } : {}),
    responses,
  };
}

function mediaTypes(content: Record<string, NamedSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(content).map(([type, c]) => [type, { schema: ref(c.name), ...(c.examples ? { examples: c.examples } : {}) }]));
}

/** The problems an operation can answer, from what it does: authenticate, validate, look up. */
function errorStatuses(op: ApiOperation): number[] {
  const statuses = new Set(op.errors ?? []);
  if (op.auth !== 'public') statuses.add(401);
  if (op.permission) statuses.add(403);
  if (op.query || op.body || op.auth === 'connector') statuses.add(400);
  if (op.params) statuses.add(404);
  statuses.add(500);
  return [...statuses].sort((a, b) => a - b);
}

function accessSentence(op: ApiOperation): string {
  if (op.auth === 'public') return 'Public: no authentication.';
  if (op.auth === 'connector') return 'For connected systems: a connector token, never a person’s credentials.';
  if (!op.permission) return 'Any signed-in person or personal API token.';
  const allowed = roles.filter((role) => can(role, op.permission!)).map((role) => roleLabels[role]);
  return `Needs the \`${op.permission}\` permission (roles: ${allowed.join(', ')}).`;
}
