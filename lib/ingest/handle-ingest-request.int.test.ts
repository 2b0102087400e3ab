// Every answer of the ingest contract (DESIGN.md §5), through the real route handler,
// the real parser, connector auth and signature, and the real inbox table.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client.ts';
import { cloudEvent, ingestRequest, testConnector } from '../../test/support/ingest.ts';
import { handleIngestRequest } from './handle-ingest-request.ts';
import { processInboxBatch } from '../workflows/process-inbox-batch.ts';
import { buildWorkflowResolver } from '../workflows/registry.ts';
import type { CreatedConnector } from '../services/connectors/create-connector.ts';

let hcm: CreatedConnector;
let limited: CreatedConnector;

beforeAll(async () => {
  hcm = await testConnector({ code: 'hcm-test', kind: 'HCM', sources: ['/test/hcm'] });
  limited = await testConnector({ code: 'limited', kind: 'HCM', sources: ['/test/limited'], ingestRateLimitPerMinute: 3 });
});

const post = (connector: CreatedConnector, body: unknown, options?: Parameters<typeof ingestRequest>[2]) =>
  handleIngestRequest(ingestRequest(connector, typeof body === 'string' ? body : JSON.stringify(body), options));

const inboxCount = (where: { eventId?: string; source?: string } = {}) => db().inboxEvent.count({ where });

describe('POST /api/v1/events', () => {
  it('202: a structured event is stored once and answered as accepted', async () => {
    const event = cloudEvent();
    const response = await post(hcm, event);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: 0, results: [{ id: event.id, status: 'accepted' }] });
    const row = await db().inboxEvent.findUniqueOrThrow({ where: { source_eventId: { source: '/test/hcm', eventId: event.id as string } } });
    expect(row).toMatchObject({ type: 'q2c.employee.updated.v1', subject: 'E-100', status: 'RECEIVED' });
  });

  it('202 duplicate: the same event again changes nothing, even with keys in another order', async () => {
    const event = cloudEvent();
    await post(hcm, event);
    const reordered = Object.fromEntries(Object.entries(event).reverse());
    const response = await post(hcm, JSON.stringify(reordered, null, 2));
    expect(await response.json()).toMatchObject({ accepted: 0, duplicates: 1, results: [{ id: event.id, status: 'duplicate' }] });
    expect(await inboxCount({ eventId: event.id as string })).toBe(1);
  });

  it('409: the same id with another payload is refused and raises PAYLOAD_CONFLICT', async () => {
    const event = cloudEvent();
    await post(hcm, event);
    const response = await post(hcm, { ...event, data: { ...(event.data as object), costRate: '99.00' } });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 409, code: 'CONFLICT', eventId: event.id, reason: 'PAYLOAD_CONFLICT' });
    const original = await db().inboxEvent.findUniqueOrThrow({ where: { source_eventId: { source: '/test/hcm', eventId: event.id as string } } });
    const exception = await db().exception.findUniqueOrThrow({ where: { code_entityType_entityId: { code: 'PAYLOAD_CONFLICT', entityType: 'InboxEvent', entityId: original.id } } });
    expect(exception.status).toBe('OPEN');
    expect(await inboxCount({ eventId: event.id as string })).toBe(1);
  });

  it('400: schema-invalid data names the JSON pointer of the first problem and stores nothing', async () => {
    const event = cloudEvent({ data: { employeeId: 'E-1', name: 'X', costRate: 'lots', currency: 'USD', costCenter: 'C' } });
    const response = await post(hcm, event);
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem).toMatchObject({ status: 400, pointer: '/data/costRate', reason: 'SCHEMA_INVALID' });
    expect(await inboxCount({ eventId: event.id as string })).toBe(0);
    expect(await db().exception.count({ where: { code: 'SCHEMA_INVALID', entityId: hcm.id } })).toBe(1);
  });

  it('400: a body that is not JSON', async () => {
    const response = await post(hcm, '{"specversion": "1.0",');
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe('BAD_REQUEST');
  });

  it.each([
    { name: 'no token', headers: { authorization: '' } },
    { name: 'an unknown token', headers: { authorization: 'Bearer tl_con_nottherealtoken' } },
  ])('401: $name', async ({ headers }) => {
    const response = await post(hcm, cloudEvent(), { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('401: a missing or wrong signature, and a replay outside the 5-minute tolerance', async () => {
    const event = cloudEvent();
    expect((await post(hcm, event, { signature: null })).status).toBe(401);
    expect((await post(hcm, event, { signature: 't=1,v1=00' })).status).toBe(401);
    const stale = await post(hcm, event, { t: Math.floor(Date.now() / 1000) - 301 });
    expect(stale.status).toBe(401);
    expect((await stale.json()).detail).toMatch(/5 minutes|tolerance/i);
    expect(await inboxCount({ eventId: event.id as string })).toBe(0);
  });

  it('403: an event for a source the connector does not own', async () => {
    const response = await post(hcm, cloudEvent({ source: '/test/crm' }));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ pointer: '/source', reason: 'FORBIDDEN_SOURCE' });
  });

  it('413: an event over 1 MB, and 415: a content type that is not CloudEvents', async () => {
    const big = cloudEvent({ data: { employeeId: 'E-1', name: 'x'.repeat(1_100_000), costRate: '1', currency: 'USD', costCenter: 'C' } });
    expect((await post(hcm, big)).status).toBe(413);
    expect((await post(hcm, cloudEvent(), { contentType: 'text/plain' })).status).toBe(415);
  });

  it('429 with Retry-After when the connector sends faster than its limit', async () => {
    const event = () => cloudEvent({ source: '/test/limited' });
    const batch = [event(), event(), event()];
    expect((await post(limited, batch, { contentType: 'application/cloudevents-batch+json' })).status).toBe(202);
    const refused = await post(limited, event());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await inboxCount({ source: '/test/limited' })).toBe(3);
  });

  it('batch: judged event by event; only the good ones are stored', async () => {
    const good = cloudEvent();
    const bad = cloudEvent({ time: 'yesterday' });
    const foreign = cloudEvent({ source: '/test/erp' });
    const response = await post(hcm, [good, bad, foreign, good], { contentType: 'application/cloudevents-batch+json' });
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body).toMatchObject({ accepted: 1, duplicates: 1, rejected: 2 });
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'duplicate']);
    expect(body.results[1].error).toMatchObject({ pointer: '/1/time', status: 400 });
    expect(body.results[2].error).toMatchObject({ pointer: '/2/source', status: 403 });
    expect(await inboxCount({ eventId: bad.id as string })).toBe(0);
  });

  it('binary mode: attributes from ce-* headers, data from the body', async () => {
    const id = `bin-${Date.now()}`;
    const data = { employeeId: 'E-200', name: 'Grace Hopper', costRate: 90, currency: 'usd', costCenter: 'US01-ADV' };
    const response = await post(hcm, data, {
      contentType: 'application/json',
      headers: { 'ce-specversion': '1.0', 'ce-id': id, 'ce-source': '/test/hcm', 'ce-type': 'q2c.employee.updated.v1', 'ce-subject': 'E-200', 'ce-time': '2026-03-01T10:00:00Z', 'ce-sequence': '2' },
    });
    expect(response.status).toBe(202);
    const row = await db().inboxEvent.findUniqueOrThrow({ where: { source_eventId: { source: '/test/hcm', eventId: id } } });
    expect(row.sequence).toBe(2n);
  });

  it('20 concurrent identical deliveries leave one inbox row and one effect', async () => {
    const body = JSON.stringify(cloudEvent({ subject: 'E-20', data: { employeeId: 'E-20', name: 'Mary Jackson', costRate: '70.00', currency: 'USD', costCenter: 'US01-ADV' } }));
    const responses = await Promise.all(Array.from({ length: 20 }, () => handleIngestRequest(ingestRequest(hcm, body))));
    const answers = await Promise.all(responses.map((r) => r.json()));
    expect(responses.every((r) => r.status === 202)).toBe(true);
    expect(answers.filter((a) => a.accepted === 1)).toHaveLength(1);
    expect(answers.filter((a) => a.duplicates === 1)).toHaveLength(19);
    expect(await inboxCount({ eventId: JSON.parse(body).id })).toBe(1);

    const settings = { batchSize: 100, gapTimeoutMs: 60_000, maxAttempts: 3, resolve: buildWorkflowResolver() };
    while ((await processInboxBatch(settings)).claimed > 0);
    const created = await db().externalRef.findMany({ where: { system: 'hcm-test', entityType: 'Employee', externalId: 'E-20' } });
    expect(created).toHaveLength(1);
    expect(await db().auditRecord.count({ where: { action: 'employee.created', entityId: created[0]!.entityId } })).toBe(1);
  });
});
