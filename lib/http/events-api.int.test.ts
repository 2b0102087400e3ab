// The inbox read API end to end on a real database: real Requests with personal API
// tokens against the route handlers. Walking the pages with many equal receivedAt
// values yields exactly the newest-first order, nothing twice and nothing missing.
import { createHash, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as listRoute, POST as ingestRoute } from '@/app/api/v1/events/route';
import { GET as detailRoute } from '@/app/api/v1/events/[id]/route';
import { db } from '../db/client.ts';
import type { InboxEventStatus } from '../db/generated/enums.ts';
import { raiseException } from '../services/exceptions/raise-exception.ts';
import { encodeCursor } from '../queries/exceptions/exception-cursor.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { cloudEvent, ingestRequest, testConnector } from '../../test/support/ingest.ts';

const noParams = { params: Promise.resolve({}) };
const withId = (id: string) => ({ params: Promise.resolve({ id }) });
const req = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });

const statuses: InboxEventStatus[] = ['RECEIVED', 'PROCESSED', 'FAILED', 'HELD', 'PARKED'];
const times = ['2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.001Z', '2026-03-02T08:30:00.000Z'].map((t) => new Date(t));

interface Seeded {
  id: string;
  status: InboxEventStatus;
  receivedAt: Date;
  subject: string;
  type: string;
  correlationId: string | null;
  connectorId: string;
}
let rows: Seeded[] = [];
let ops: Awaited<ReturnType<typeof createPerson>>;
let linkedExceptionId = '';
const source = '/test/inbox';

beforeAll(async () => {
  ops = await createPerson('INTEGRATION_OPS');
  const a = await testConnector({ code: 'inbox-a', kind: 'HCM', sources: [source, '/test/inbox-hcm'] });
  const b = await testConnector({ code: 'inbox-b', kind: 'CRM', sources: ['/test/inbox-crm'] });
  // 37 events whose keys repeat with co-prime periods: plenty of ties on receivedAt.
  rows = Array.from({ length: 37 }, (_, i) => ({
    id: randomUUID(),
    status: statuses[i % 5]!,
    receivedAt: times[i % 3]!,
    subject: `E-${i % 4}`,
    type: i % 2 ? 'q2c.employee.updated.v1' : 'q2c.client.updated.v1',
    correlationId: i % 7 === 0 ? 'corr-seven' : null,
    connectorId: i % 6 === 0 ? b.id : a.id,
  }));
  await db().inboxEvent.createMany({
    data: rows.map((r, i) => {
      const payload = { specversion: '1.0', id: `evt-${i}`, source, type: r.type, subject: r.subject, data: { i } };
      const processed = r.status === 'PROCESSED';
      return {
        ...r,
        source,
        eventId: payload.id,
        sequence: BigInt(i + 1),
        payload,
        payloadHash: createHash('sha256').update(JSON.stringify(payload)).digest('hex'),
        attempts: processed ? 1 : 0,
        processedAt: processed ? new Date(r.receivedAt.getTime() + 1250) : null,
        lastError: r.status === 'FAILED' ? 'the dependency is down' : null,
      };
    }),
  });
  const exception = await db().$transaction((tx) =>
    raiseException(tx, { code: 'UNKNOWN_EMPLOYEE', entityType: 'Employee', entityId: 'E-3', inboxEventId: rows[3]!.id, now: new Date() }),
  );
  linkedExceptionId = exception.id;
});

// Newest first; ties broken by id, descending (uuid order is the order of its hex text).
const expected = (subset: Seeded[] = rows) =>
  [...subset].sort((x, y) => y.receivedAt.getTime() - x.receivedAt.getTime() || (x.id < y.id ? 1 : -1)).map((r) => r.id);

const list = async (query: string, headers = ops.bearer) => listRoute(req(`/api/v1/events?source=${encodeURIComponent(source)}&${query}`, headers), noParams);

async function walk(query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor = '';
  for (let page = 0; page < 100; page++) {
    const response = await list(`${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { id: string }[]; nextCursor: string | null };
    ids.push(...body.items.map((item) => item.id));
    if (!body.nextCursor) return ids;
    cursor = body.nextCursor;
  }
  throw new Error('pagination did not end');
}

describe('GET /api/v1/events', () => {
  it('401 without a token, 403 for an executive; finance, delivery and admin may read', async () => {
    const anonymous = await listRoute(req('/api/v1/events'), noParams);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
    const executive = await createPerson('EXECUTIVE');
    const denied = await list('', executive.bearer);
    expect(denied.status).toBe(403);
    expect((await denied.json()).detail).toContain('exceptions:read');
    for (const role of ['FINANCE', 'DELIVERY', 'ADMIN'] as const) expect((await list('limit=1', (await createPerson(role)).bearer)).status, role).toBe(200);
  });

  it.each([1, 4, 7, 200])('pages of %i: newest first, nothing twice, nothing missing', async (limit) => {
    const ids = await walk(`limit=${limit}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected());
  });

  it('an item carries status, attempts, timings, error, connector and linked exceptions', async () => {
    const processed = rows.find((r) => r.status === 'PROCESSED')!;
    const body = await (await list(`subject=${processed.subject}&status=PROCESSED&limit=200`)).json();
    expect(body.items.find((i: { id: string }) => i.id === processed.id)).toEqual({
      id: processed.id,
      eventId: `evt-${rows.indexOf(processed)}`,
      source,
      type: processed.type,
      subject: processed.subject,
      sequence: String(rows.indexOf(processed) + 1),
      correlationId: processed.correlationId,
      status: 'PROCESSED',
      attempts: 1,
      receivedAt: processed.receivedAt.toISOString(),
      processedAt: new Date(processed.receivedAt.getTime() + 1250).toISOString(),
      latencyMs: 1250,
      nextAttemptAt: null,
      parkedUntil: null,
      lastError: null,
      connector: processed.connectorId === rows[0]!.connectorId ? 'inbox-b' : 'inbox-a',
      exceptionIds: [],
    });
    const linked = await (await list(`subject=E-3&limit=200`)).json();
    expect(linked.items.find((i: { id: string }) => i.id === rows[3]!.id).exceptionIds).toEqual([linkedExceptionId]);
  });

  it('filters by status, type, connector, subject and correlation id, and pages within them', async () => {
    const only = (f: (r: Seeded) => boolean) => expected(rows.filter(f));
    expect(await walk('status=FAILED,HELD&limit=3')).toEqual(only((r) => r.status === 'FAILED' || r.status === 'HELD'));
    expect(await walk('status=PARKED&status=RECEIVED&limit=2')).toEqual(only((r) => r.status === 'PARKED' || r.status === 'RECEIVED'));
    expect(await walk('type=q2c.client.updated.v1&limit=5')).toEqual(only((r) => r.type === 'q2c.client.updated.v1'));
    expect(await walk('connector=inbox-b&limit=2')).toEqual(only((r) => r.connectorId === rows[0]!.connectorId));
    expect(await walk('subject=E-2&status=PROCESSED')).toEqual(only((r) => r.subject === 'E-2' && r.status === 'PROCESSED'));
    expect(await walk('correlationId=corr-seven&limit=2')).toEqual(only((r) => r.correlationId === 'corr-seven'));
    expect(await walk('connector=nobody')).toEqual([]);
    expect(await walk('type=q2c.unknown.v1')).toEqual([]);
  });

  it('an event received after the first page does not shift the next one', async () => {
    const first = await (await list('limit=5')).json();
    const late = await db().inboxEvent.create({
      data: { source, eventId: `late-${randomUUID()}`, type: 'q2c.employee.updated.v1', subject: 'E-9', payload: {}, payloadHash: '0'.repeat(64), receivedAt: new Date('2026-04-01T00:00:00Z') },
    });
    try {
      const second = await (await list(`limit=5&cursor=${first.nextCursor}`)).json();
      expect(second.items.map((i: { id: string }) => i.id)).toEqual(expected().slice(5, 10));
    } finally {
      await db().inboxEvent.delete({ where: { id: late.id } });
    }
  });

  it('400 problem+json naming the parameter for bad filters, limits and cursors', async () => {
    const otherList = encodeCursor('default', [0, '1.5', randomUUID()]);
    for (const query of ['status=DONE', 'limit=0', 'limit=201', 'limit=ten', 'cursor=nonsense', `cursor=${otherList}`, `cursor=${encodeCursor('inbox', ['yesterday', randomUUID()])}`]) {
      const response = await list(query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect((await response.json()).errors, query).toEqual([expect.objectContaining({ parameter: expect.any(String), message: expect.any(String) })]);
    }
  });

  it('an event posted through POST on the same route is listed by its subject', async () => {
    const hcm = await testConnector({ code: 'inbox-hcm', kind: 'HCM', sources: ['/test/inbox-post'], withSigningSecret: true });
    const subject = `E-${randomUUID()}`;
    const event = cloudEvent({ source: '/test/inbox-post', subject, sequence: '3' });
    expect((await ingestRoute(ingestRequest(hcm, JSON.stringify(event)))).status).toBe(202);
    const body = await (await listRoute(req(`/api/v1/events?subject=${subject}`, ops.bearer), noParams)).json();
    expect(body.items).toMatchObject([{ eventId: event.id, status: 'RECEIVED', attempts: 0, sequence: '3', connector: 'inbox-hcm', processedAt: null, latencyMs: null }]);
  });
});

describe('GET /api/v1/events/{id}', () => {
  it('the event with its payload and linked exceptions; 401, 403 and 404', async () => {
    const held = rows[3]!;
    const response = await detailRoute(req(`/api/v1/events/${held.id}`, ops.bearer), withId(held.id));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: held.id, status: 'HELD', eventId: 'evt-3', payload: { id: 'evt-3', data: { i: 3 } }, exceptionIds: [linkedExceptionId] });
    expect(body.exceptions).toEqual([{ id: linkedExceptionId, code: 'UNKNOWN_EMPLOYEE', title: expect.any(String), status: 'OPEN', recoverability: 'DATA_FIX', linkedAt: expect.any(String) }]);

    expect((await detailRoute(req(`/api/v1/events/${held.id}`), withId(held.id))).status).toBe(401);
    expect((await detailRoute(req('/x', (await createPerson('EXECUTIVE')).bearer), withId(held.id))).status).toBe(403);
    for (const id of [randomUUID(), 'evt-3', '42']) {
      const missing = await detailRoute(req('/x', ops.bearer), withId(id));
      expect(missing.status, id).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});
