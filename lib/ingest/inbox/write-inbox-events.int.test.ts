// The inbox write on a real PostgreSQL: the workers' wake-up (a NOTIFY after the commit,
// no longer inside the INSERT) always follows the last write, and a burst of writes shares
// a few wake-ups instead of sending one each; concurrent writes share statements (group
// commit) and are still judged one by one.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pgPool } from '../../db/client.ts';
import { requireDatabaseUrl } from '../../env.ts';
import { putInInbox, usage } from '../../../test/support/inbox.ts';
import { canonicalPayloadHash } from '../envelope/canonical-payload-hash.ts';
import { INBOX_CHANNEL, writeInboxEvents, type InboxCandidate } from './write-inbox-events.ts';

let listener: pg.Client;
let notifications: number[];

beforeEach(async () => {
  notifications = [];
  listener = new pg.Client({ connectionString: requireDatabaseUrl() });
  await listener.connect();
  await listener.query(`LISTEN ${INBOX_CHANNEL}`);
  listener.on('notification', () => notifications.push(Date.now()));
});

afterEach(async () => {
  await listener.end();
});

const until = async (check: () => boolean, timeoutMs = 2000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('writeInboxEvents wakes the inbox processors', () => {
  it('after the rows are committed', async () => {
    const [written] = await putInInbox(null, [{ subject: 'wake-1', data: usage('wake-1') }]);
    expect(written?.status).toBe('accepted');
    await until(() => notifications.length > 0);
    expect(notifications).toHaveLength(1);
  });

  it('a burst of writes shares wake-ups, and one follows the last write', async () => {
    let lastWriteAt = 0;
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        await putInInbox(null, [{ subject: `burst-${i}`, data: usage(`burst-${i}`) }]);
        lastWriteAt = Math.max(lastWriteAt, Date.now());
      }),
    );
    await until(() => notifications.some((at) => at >= lastWriteAt));
    expect(notifications.some((at) => at >= lastWriteAt)).toBe(true);
    expect(notifications.length).toBeLessThan(40);
  });
});

function candidate(eventId: string, units = '1'): InboxCandidate {
  const payload = { specversion: '1.0', id: eventId, source: '/test/group', type: 'q2c.usage.recorded.v1', subject: eventId, time: '2026-03-01T10:00:00Z', data: usage(eventId, units) };
  return { source: payload.source, eventId, type: payload.type, subject: eventId, sequence: null, correlationId: null, eventTime: new Date(payload.time), payload, payloadHash: canonicalPayloadHash(payload) };
}

describe('concurrent writes share statements (group commit)', () => {
  it('30 concurrent requests take fewer transactions than requests, each answered for its own events', async () => {
    const ids = Array.from({ length: 30 }, () => randomUUID());
    const results = await Promise.all(ids.map((id) => writeInboxEvents(pgPool(), { connectorId: null, events: [candidate(id)] })));
    expect(results.map((r) => r.map((x) => x.status))).toEqual(ids.map(() => ['accepted']));
    const rows = await pgPool().query<{ id: string; eventId: string; xid: string }>(`SELECT id, "eventId", xmin::text AS xid FROM "InboxEvent" WHERE "eventId" = ANY($1)`, [ids]);
    expect(rows.rows).toHaveLength(30);
    // Rows written by one statement share its transaction id.
    expect(new Set(rows.rows.map((r) => r.xid)).size).toBeLessThan(30);
    const idOf = new Map(rows.rows.map((r) => [r.eventId, r.id]));
    results.forEach((r, i) => expect(r[0]!.inboxEventId).toBe(idOf.get(ids[i]!)));
  });

  it('the same event in two concurrent requests: one accepted, the other a duplicate or, with another payload, a conflict', async () => {
    const same = randomUUID();
    const changed = randomUUID();
    const filler = Array.from({ length: 10 }, () => writeInboxEvents(pgPool(), { connectorId: null, events: [candidate(randomUUID())] }));
    const [a, b, c, d] = await Promise.all([
      writeInboxEvents(pgPool(), { connectorId: null, events: [candidate(same)] }),
      writeInboxEvents(pgPool(), { connectorId: null, events: [candidate(same)] }),
      writeInboxEvents(pgPool(), { connectorId: null, events: [candidate(changed, '1')] }),
      writeInboxEvents(pgPool(), { connectorId: null, events: [candidate(changed, '2')] }),
      ...filler,
    ]);
    expect([a![0]!.status, b![0]!.status].sort()).toEqual(['accepted', 'duplicate']);
    expect([c![0]!.status, d![0]!.status].sort()).toEqual(['accepted', 'conflict']);
    expect(a![0]!.inboxEventId).toBe(b![0]!.inboxEventId);
    expect(c![0]!.inboxEventId).toBe(d![0]!.inboxEventId);
  });

  it('a request whose rows fail the statement fails alone; the requests grouped with it are written', async () => {
    const good = Array.from({ length: 12 }, () => randomUUID());
    const unknownConnector = randomUUID(); // violates the foreign key to "Connector"
    const outcomes = await Promise.allSettled([
      ...good.slice(0, 6).map((id) => writeInboxEvents(pgPool(), { connectorId: null, events: [candidate(id)] })),
      writeInboxEvents(pgPool(), { connectorId: unknownConnector, events: [candidate(randomUUID())] }),
      ...good.slice(6).map((id) => writeInboxEvents(pgPool(), { connectorId: null, events: [candidate(id)] })),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([...Array(6).fill('fulfilled'), 'rejected', ...Array(6).fill('fulfilled')]);
    expect((outcomes[6] as PromiseRejectedResult).reason).toMatchObject({ code: '23503' });
    const stored = await pgPool().query(`SELECT 1 FROM "InboxEvent" WHERE "eventId" = ANY($1)`, [good]);
    expect(stored.rowCount).toBe(12);
  });
});
