// GET /api/v1/connector-health on a real database: what the connectors page prefetches and
// refreshes every 30 s — each connector with its health numbers as JSON, no credentials;
// integration ops and admins only.
import { createHash, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as connectorHealthRoute } from '@/app/api/v1/connector-health/route';
import { db } from '../db/client.ts';
import type { InboxEventStatus } from '../db/generated/enums.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { testConnector } from '../../test/support/ingest.ts';
import { connectorHealthResponseSchema } from './schemas/connector-responses.ts';

const noParams = { params: Promise.resolve({}) };
const request = (headers: Record<string, string> = {}) => new Request('http://localhost/api/v1/connector-health', { headers });
const code = `health-api-${randomUUID().slice(0, 8)}`;
const lastReceivedAt = new Date(Date.now() - 60_000);
let connectorId = '';

beforeAll(async () => {
  connectorId = (await testConnector({ code, kind: 'PSA', sources: [`/test/${code}`] })).id;
  const events: { status: InboxEventStatus; receivedAt: Date; processedAt?: Date }[] = [
    { status: 'PROCESSED', receivedAt: new Date(lastReceivedAt.getTime() - 5_000), processedAt: new Date(lastReceivedAt.getTime() - 4_750) },
    { status: 'HELD', receivedAt: new Date(lastReceivedAt.getTime() - 2_000) },
    { status: 'RECEIVED', receivedAt: lastReceivedAt },
  ];
  await db().inboxEvent.createMany({
    data: events.map((e) => {
      const eventId = randomUUID();
      return { source: `/test/${code}`, eventId, type: 'q2c.timesheet.approved.v1', payload: { id: eventId }, payloadHash: createHash('sha256').update(eventId).digest('hex'), connectorId, status: e.status, receivedAt: e.receivedAt, processedAt: e.processedAt ?? null };
    }),
  });
});

describe('GET /api/v1/connector-health', () => {
  it('lists each connector with its health as JSON, and no credential', async () => {
    const response = await connectorHealthRoute(request((await createPerson('INTEGRATION_OPS')).bearer), noParams);
    expect(response.status).toBe(200);
    const raw = await response.text();
    expect(raw).not.toMatch(/tokenPrefix|secrets|fingerprint/);
    const row = connectorHealthResponseSchema.parse(JSON.parse(raw)).items.find((r) => r.connector.code === code);
    expect(row?.connector).toMatchObject({ id: connectorId, kind: 'PSA', sources: [`/test/${code}`], active: true });
    expect(row?.health).toMatchObject({
      lastEventAt: lastReceivedAt.toISOString(),
      backlog: { RECEIVED: 1, FAILED: 0, PARKED: 0, HELD: 1 },
      processedLastHour: 1,
      p50LatencyMs: 250,
      // Processed ÷ (processed + failed + held) among the last day's arrivals: 1 ÷ 2.
      successRate: 0.5,
      deadLetters: 0,
    });
  });

  it('is refused without a session (401) and to roles that do not watch connectors (403)', async () => {
    expect((await connectorHealthRoute(request(), noParams)).status).toBe(401);
    const finance = await connectorHealthRoute(request((await createPerson('FINANCE')).bearer), noParams);
    expect(finance.status).toBe(403);
    expect(finance.headers.get('content-type')).toContain('application/problem+json');
  });
});
