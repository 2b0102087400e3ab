// Connector health from the inbox on a real PostgreSQL, with a fixed clock: last event,
// today's arrivals (UTC day), backlog by status, the p95 latency of the last hour and
// dead letters.
import { createHash, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import type { InboxEventStatus } from '../../db/generated/enums.ts';
import { testConnector } from '../../../test/support/ingest.ts';
import { getConnectorHealth } from './connector-health.ts';

const now = new Date('2026-03-10T12:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;
let busy = '';
let quiet = '';
let silent = '';

async function put(connectorId: string, events: { status: InboxEventStatus; receivedAt: Date; latencyMs?: number }[]) {
  await db().inboxEvent.createMany({
    data: events.map((e) => {
      const eventId = randomUUID();
      return {
        source: '/test/health',
        eventId,
        type: 'q2c.employee.updated.v1',
        payload: { id: eventId },
        payloadHash: createHash('sha256').update(eventId).digest('hex'),
        connectorId,
        status: e.status,
        receivedAt: e.receivedAt,
        processedAt: e.latencyMs === undefined ? null : new Date(e.receivedAt.getTime() + e.latencyMs),
      };
    }),
  });
}

beforeAll(async () => {
  busy = (await testConnector({ code: 'health-busy', kind: 'HCM', sources: ['/test/health-busy'] })).id;
  quiet = (await testConnector({ code: 'health-quiet', kind: 'CRM', sources: ['/test/health-quiet'] })).id;
  silent = (await testConnector({ code: 'health-silent', kind: 'ERP', sources: ['/test/health-silent'] })).id;
  // 20 processed in the last hour with latencies 100, 200, … 2000 ms.
  await put(busy, Array.from({ length: 20 }, (_, i) => ({ status: 'PROCESSED' as const, receivedAt: ago((i + 2) * MIN), latencyMs: (i + 1) * 100 })));
  // Processed two hours ago (not in the latency window), yesterday, and a backlog.
  await put(busy, [
    { status: 'PROCESSED', receivedAt: ago(120 * MIN), latencyMs: 60_000 },
    { status: 'PROCESSED', receivedAt: new Date('2026-03-09T23:59:59.999Z'), latencyMs: 5 },
    { status: 'RECEIVED', receivedAt: ago(1000) },
    { status: 'RECEIVED', receivedAt: ago(500) },
    { status: 'FAILED', receivedAt: ago(10 * MIN) },
    { status: 'HELD', receivedAt: new Date('2026-03-01T00:00:00Z') },
  ]);
  await put(quiet, [{ status: 'PARKED', receivedAt: new Date('2026-03-08T09:00:00Z') }]);
  await db().outboxCommand.createMany({
    data: (['DEAD', 'DEAD', 'DELIVERED', 'PENDING'] as const).map((status) => ({ connectorId: quiet, kind: 'UPDATE_CUSTOMER' as const, payload: {}, idempotencyKey: randomUUID(), status })),
  });
});

describe('getConnectorHealth', () => {
  it('counts, backlog, latency, success rate, pending commands and dead letters per connector', async () => {
    const health = await getConnectorHealth({ now });
    expect(health.get(busy)).toEqual({
      lastEventAt: ago(500),
      receivedToday: 24, // 20 + the one two hours ago + 2 received + 1 failed
      backlog: { RECEIVED: 2, FAILED: 1, PARKED: 0, HELD: 1 },
      processedLastHour: 20,
      p50LatencyMs: 1050, // between 1000 and 1100
      p95LatencyMs: 1905, // linear interpolation between 1900 and 2000
      // Last 24 h: 22 processed (20 + two hours ago + just before midnight) and 1 failed; the held one is older.
      successRate: 22 / 23,
      outboxPending: 0,
      deadLetters: 0,
    });
    expect(health.get(quiet)).toEqual({
      lastEventAt: new Date('2026-03-08T09:00:00Z'),
      receivedToday: 0,
      backlog: { RECEIVED: 0, FAILED: 0, PARKED: 1, HELD: 0 },
      processedLastHour: 0,
      p50LatencyMs: null,
      p95LatencyMs: null,
      successRate: null, // only a parked event, two days ago
      outboxPending: 1,
      deadLetters: 2,
    });
    expect(health.get(silent)).toMatchObject({ lastEventAt: null, receivedToday: 0, p95LatencyMs: null });
  });
});
