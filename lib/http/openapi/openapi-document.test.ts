// The generated OpenAPI document is structurally valid 3.1 (every $ref resolves, unique
// operationIds, responses everywhere, path parameters agree), the checker itself catches
// what it should, and the ingest examples are events the ingest parser accepts.
import { describe, expect, it } from 'vitest';
import { parseIngestRequest } from '../../ingest/envelope/parse-ingest-request.ts';
import { eventTypes } from '../../ingest/schemas/catalog.ts';
import { cloudEventSchema } from '../schemas/cloud-event.ts';
import { documentProblems } from './document-problems.ts';
import { openApiDocument } from './openapi-document.ts';
import { apiOperations } from './routes.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking a JSON document
const doc = openApiDocument() as Json;

describe('the OpenAPI document', () => {
  it('is structurally valid OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(documentProblems(doc)).toEqual([]);
    // zod parks unnamed cycles in $defs/__shared, whose refs would not resolve in OpenAPI.
    expect(JSON.stringify(doc)).not.toMatch(/__shared|"\$defs"/);
  });

  it('has every registered operation once, with a unique operationId', () => {
    const ops = Object.entries(doc.paths as Json).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
    expect(ops.sort()).toEqual(apiOperations.map((op) => `${op.method} ${op.path}`).sort());
    expect(new Set(apiOperations.map((op) => op.operationId)).size).toBe(apiOperations.length);
  });

  it('answers errors with RFC 9457 problem+json and says who may call', () => {
    const getLineage = doc.paths['/api/v1/lineage/{correlationId}'].get;
    expect(Object.keys(getLineage.responses)).toEqual(['200', '401', '403', '404', '500']);
    expect(doc.components.responses.Problem403.content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(doc.components.schemas.Problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail']));
    expect(getLineage['x-threadline-permission']).toBe('lineage:read');
    expect(getLineage.description).toContain('roles: Admin, Finance, Delivery, Integration ops');
    expect(getLineage.security).toEqual([{ personalToken: [] }, { sessionCookie: [] }]);
    expect(doc.paths['/api/v1/openapi.json'].get.security).toEqual([]);
    expect(doc.paths['/api/v1/events'].post.security).toEqual([{ connectorToken: [], threadlineSignature: [] }, { connectorToken: [] }]);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['connectorToken', 'personalToken', 'sessionCookie', 'threadlineSignature']);
  });

  it('documents money as exact decimal strings and refers to shared schemas', () => {
    const engagement = doc.components.schemas.EngagementSummary;
    for (const field of ['value', 'billed', 'recognized', 'collected', 'unbilled', 'unbilledReceivable', 'deferredRevenue']) expect(engagement.properties[field].type, field).toBe('string');
    expect(doc.components.schemas.InvoicePage.properties.items.items).toEqual({ $ref: '#/components/schemas/Invoice' });
    expect(doc.components.schemas.ExplanationNode.properties.children.items).toEqual({ $ref: '#/components/schemas/ExplanationNode' });
  });

  it('documents every event type of the catalog with an example the ingest parser accepts', () => {
    const body = doc.paths['/api/v1/events'].post.requestBody.content;
    expect(Object.keys(body).sort()).toEqual(['application/cloudevents+json', 'application/cloudevents-batch+json', 'application/json']);
    expect(Object.keys(body['application/cloudevents+json'].examples).sort()).toEqual([...eventTypes].sort());
    expect(doc.components.schemas.CloudEvent.oneOf ?? doc.components.schemas.CloudEvent.anyOf).toHaveLength(eventTypes.length);
    for (const type of eventTypes) {
      expect(doc.components.schemas[`EventData.${type}`], type).toBeDefined();
      const example = body['application/cloudevents+json'].examples[type].value;
      expect(cloudEventSchema.safeParse(example).success, type).toBe(true);
      const parsed = parseIngestRequest({ contentType: 'application/cloudevents+json', headers: new Headers(), rawBody: Buffer.from(JSON.stringify(example)) });
      expect(parsed.events[0], type).toMatchObject({ ok: true });
    }
    const batch = body['application/cloudevents-batch+json'].examples.batch.value;
    const parsed = parseIngestRequest({ contentType: 'application/cloudevents-batch+json', headers: new Headers(), rawBody: Buffer.from(JSON.stringify(batch)) });
    expect(parsed.events.every((e) => e.ok)).toBe(true);
  });
});

describe('documentProblems', () => {
  it('finds unresolved refs, duplicate operationIds, missing answers and path parameters', () => {
    const broken = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a/{id}': { get: { operationId: 'x', responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } } } } } },
        '/b': { get: { operationId: 'x', responses: {} }, post: { operationId: 'y', security: [{ nope: [] }], responses: { 400: {} } } },
      },
    };
    expect(documentProblems(broken)).toEqual([
      'GET /a/{id}: {id} has no path parameter',
      'GET /b: operationId x is also used by GET /a/{id}',
      'GET /b: no responses',
      'GET /b: no 2xx response',
      'POST /b: no 2xx response',
      'POST /b: unknown security scheme nope',
      '$ref #/components/schemas/Nope at #/paths/~1a~1{id}/get/responses/200/content/application~1json/schema does not resolve',
    ]);
  });
});
