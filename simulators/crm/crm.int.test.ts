// The CRM simulator over real HTTP into Threadline's real ingest endpoint, inbox and
// quote-accepted workflow on PostgreSQL: accepting a quote creates the engagement (a shell
// waiting for the PSA), once, even when the event is delivered twice; the same
// Idempotency-Key replays the acceptance; a second acceptance is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commercialConnectors, engagementOfQuote, quoteData } from '../../test/fixtures/commercial.ts';
import { testConnector } from '../../test/support/ingest.ts';
import { processInbox, simulatorToken, startIngestServer } from '../../test/support/outbox.ts';
import { db } from '../../lib/db/client.ts';
import { startCrmSimulator, type RunningCrm } from './server.ts';

let crm: RunningCrm;
let ingest: Awaited<ReturnType<typeof startIngestServer>>;
const token = simulatorToken();

beforeAll(async () => {
  await commercialConnectors(); // the ERP and PSA the accepted quote's commands go to
  ingest = await startIngestServer();
  const connector = await testConnector({ code: 'crm-sim', kind: 'CRM', sources: ['/test/crm-sim'], withSigningSecret: true });
  crm = await startCrmSimulator({ port: 0, token, faults: { duplicateRate: 1 }, events: { ingestUrl: ingest.url, token: connector.token, signingSecret: connector.signingSecret ?? undefined, source: '/test/crm-sim' } });
});
afterAll(async () => {
  await crm?.stop();
  await ingest?.stop();
});

async function post(path: string, body: unknown, key?: string) {
  const response = await fetch(`${crm.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('CRM simulator → POST /api/v1/events', () => {
  it('an accepted quote creates the engagement once, though delivered twice; the acceptance replays under its key and cannot be repeated', async () => {
    const { acceptedAt: _ignored, ...quote } = quoteData();
    expect((await post('/v1/quotes', quote)).status).toBe(201);
    const accepted = await post('/v1/quotes/accept', { quoteId: quote.quoteId, acceptedAt: '2026-04-01T09:00:00Z' }, 'accept-1');
    expect(accepted.body).toMatchObject({ status: 'ACCEPTED' });
    const replay = await post('/v1/quotes/accept', { quoteId: quote.quoteId, acceptedAt: '2026-04-01T09:00:00Z' }, 'accept-1');
    expect(replay.body.eventId).toBe(accepted.body.eventId);
    expect((await post('/v1/quotes/accept', { quoteId: quote.quoteId })).status).toBe(409);
    await crm.emitter.flush();
    expect(crm.emitter.stats).toMatchObject({ emitted: 1, duplicatesSent: 1, delivered: 2, failed: 0 });
    await processInbox();

    const engagement = await engagementOfQuote('crm-sim', quote.quoteId);
    expect(engagement.status).toBe('SHELL');
    expect(await db().engagement.count({ where: { quoteId: engagement.quoteId } })).toBe(1);
    expect(await db().inboxEvent.count({ where: { source: '/test/crm-sim', subject: quote.quoteId } })).toBe(1);
  });

  it('404 for accepting an unknown quote; 400 with pointers for a quote without a client', async () => {
    expect((await post('/v1/quotes/accept', { quoteId: 'Q-nope' })).status).toBe(404);
    const bad = await post('/v1/quotes', { quoteId: 'Q-1' });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(['/client']);
  });
});
