// The one write of the ingest path: accepted events into the inbox, idempotently.
// (source, eventId) is unique forever: a repeat with the same payload hash is a
// duplicate and changes nothing; the same id with another payload is a conflict. One
// INSERT ... ON CONFLICT DO NOTHING statement per request (atomic without an explicit
// transaction, prepared once per connection), then a wake-up for the workers.
//
// Concurrent requests share that statement (group commit, coalesce-writes.ts): while one
// is running, the writes that arrive wait and then go out together, so under load one
// round trip, one commit and one WAL flush serve many requests. Each request's results
// are its own and come only after the statement that carried its rows committed.
//
// The wake-up is not in the INSERT: a transaction that NOTIFYs holds a cluster-wide lock
// from its pre-commit until its commit record is flushed, so a NOTIFY in every ingest
// transaction made all ingest commits wait for each other's WAL flush (no group commit;
// measured: about 4x fewer single-event inserts per second, see docs/PERFORMANCE.md).
// Instead each process sends its own NOTIFY after the rows are committed, one at a time
// and at most one per 20 ms: requests that commit meanwhile ask for one more, so a NOTIFY
// always follows the last commit. A lost wake-up costs at most the workers' poll interval.
import type pg from 'pg';
import { log } from '../../log.ts';
import { coalesceWrites } from './coalesce-writes.ts';

export interface InboxCandidate {
  source: string;
  eventId: string;
  type: string;
  subject: string | null;
  /** Decimal string of a positive integer, or null. */
  sequence: string | null;
  correlationId: string | null;
  eventTime: Date | null;
  payload: unknown;
  /** payload as JSON text when the caller has it (ingest: the canonical JSON it hashed), to not serialise it again. */
  payloadJson?: string;
  payloadHash: string;
}

export type InboxWriteResult =
  | { status: 'accepted'; inboxEventId: string }
  | { status: 'duplicate'; inboxEventId: string }
  | { status: 'conflict'; inboxEventId: string };

export const INBOX_CHANNEL = 'threadline_inbox';

// The events travel as one JSON array (one JSON.stringify here, one jsonb parse in the
// server) rather than as nine text[] arrays, whose literal encoding escapes every quote of
// every payload on both sides.
const INSERT_SQL = `
WITH input AS (
  SELECT * FROM ROWS FROM (
    jsonb_to_recordset($1::jsonb) AS (source text, "eventId" text, type text, subject text, sequence bigint, "correlationId" text, "eventTime" timestamptz, payload jsonb, "payloadHash" text, "connectorId" uuid)
  ) WITH ORDINALITY AS t(source, event_id, type, subject, sequence, correlation_id, event_time, payload, payload_hash, connector_id, ord)
), inserted AS (
  INSERT INTO "InboxEvent" (id, source, "eventId", type, subject, sequence, "correlationId", "eventTime", payload, "payloadHash", "connectorId", status, "receivedAt")
  SELECT gen_random_uuid(), source, event_id, type, subject, sequence, correlation_id, event_time, payload, payload_hash, connector_id, 'RECEIVED', clock_timestamp()
    FROM input ORDER BY ord
  ON CONFLICT (source, "eventId") DO NOTHING
  RETURNING id, source, "eventId"
)
SELECT id, source, "eventId" AS event_id FROM inserted`;

const EXISTING_SQL = `
SELECT e.id, e.source, e."eventId" AS event_id, e."payloadHash" AS payload_hash
  FROM "InboxEvent" e
  JOIN unnest($1::text[], $2::text[]) AS k(source, event_id) ON e.source = k.source AND e."eventId" = k.event_id`;

const key = (source: string, eventId: string) => `${source}\u0000${eventId}`;

const WAKE_UP = { name: 'inbox-wake-up', text: "SELECT pg_notify($1, '')", values: [INBOX_CHANNEL] };
/** At most one wake-up per this many ms per process: at high rates one NOTIFY covers many requests. */
const WAKE_UP_INTERVAL_MS = 20;
interface WakeUpState {
  sending: boolean;
  timer: NodeJS.Timeout | undefined;
  /** A commit happened since the NOTIFY on its way (or scheduled) was started. */
  again: boolean;
  lastSentAt: number;
}
const wakeUps = new WeakMap<pg.Pool, WakeUpState>();

/** Wakes the inbox processors (LISTEN threadline_inbox); call once the rows are committed. */
export function wakeInboxWorkers(pool: pg.Pool): void {
  const state = wakeUps.get(pool) ?? { sending: false, timer: undefined, again: false, lastSentAt: 0 };
  wakeUps.set(pool, state);
  if (state.sending || state.timer) {
    state.again = true;
    return;
  }
  const send = () => {
    state.timer = undefined;
    state.sending = true;
    state.again = false;
    state.lastSentAt = Date.now();
    pool
      .query(WAKE_UP)
      .catch((err: unknown) => log.warn('could not wake the inbox processors; they will find the events at their next poll', { err }))
      .finally(() => {
        state.sending = false;
        if (state.again) wakeInboxWorkers(pool);
      });
  };
  const wait = state.lastSentAt + WAKE_UP_INTERVAL_MS - Date.now();
  if (wait > 0) state.timer = setTimeout(send, wait).unref();
  else send();
}

interface InboxWrite {
  connectorId: string | null;
  events: InboxCandidate[];
}

/** At most this many events per grouped statement (one request's batch is at most 1,000). */
const MAX_EVENTS_PER_STATEMENT = 2_000;
/** Statements in flight per pool; more writes wait and share the next one. */
const MAX_STATEMENTS_IN_FLIGHT = 2;

const writers = new WeakMap<pg.Pool, (write: InboxWrite) => Promise<InboxWriteResult[]>>();

/** Writes one request's candidates; results are in the order given. */
export async function writeInboxEvents(pool: pg.Pool, options: InboxWrite): Promise<InboxWriteResult[]> {
  if (options.events.length === 0) return [];
  let write = writers.get(pool);
  if (!write) {
    write = coalesceWrites<InboxWrite, InboxWriteResult[]>({
      run: (writes) => writeGroup(pool, writes),
      rows: (w) => w.events.length,
      maxRows: MAX_EVENTS_PER_STATEMENT,
      maxInFlight: MAX_STATEMENTS_IN_FLIGHT,
    });
    writers.set(pool, write);
  }
  return write(options);
}

/** One statement for several requests' writes, judged as if they had come one after the other. */
async function writeGroup(pool: pg.Pool, writes: InboxWrite[]): Promise<InboxWriteResult[][]> {
  const rows = writes.flatMap((w) => w.events.map((event) => ({ ...event, connectorId: w.connectorId })));
  const results = await insertInboxRows(pool, rows);
  let offset = 0;
  return writes.map((w) => results.slice(offset, (offset += w.events.length)));
}

/**
 * The rows as one JSON array for jsonb_to_recordset, each payload spliced in as the text the
 * caller already has: jsonb keeps no key order, so the stored payload is the same.
 */
function rowsAsJson(rows: (InboxCandidate & { connectorId: string | null })[]): string {
  const parts = rows.map(({ payload, payloadJson, ...columns }) => `${JSON.stringify(columns).slice(0, -1)},"payload":${payloadJson ?? JSON.stringify(payload)}}`);
  return `[${parts.join(',')}]`;
}

async function insertInboxRows(pool: pg.Pool, events: (InboxCandidate & { connectorId: string | null })[]): Promise<InboxWriteResult[]> {
  // The same id twice in one request (or in two requests of one group): only the first is
  // written; the others are judged against it below exactly like a later re-delivery.
  const firstIndex = new Map<string, number>();
  const unique: typeof events = [];
  events.forEach((event, index) => {
    const k = key(event.source, event.eventId);
    if (!firstIndex.has(k)) {
      firstIndex.set(k, index);
      unique.push(event);
    }
  });

  const inserted = await pool.query<{ id: string; source: string; event_id: string }>({
    name: 'inbox-insert',
    text: INSERT_SQL,
    values: [rowsAsJson(unique)],
  });
  if (inserted.rows.length > 0) wakeInboxWorkers(pool);
  const insertedIds = new Map(inserted.rows.map((r) => [key(r.source, r.event_id), r.id]));

  // A new statement sees rows that concurrent requests committed while ours waited on
  // the unique index, so every event not inserted here is found.
  const missing = unique.filter((e) => !insertedIds.has(key(e.source, e.eventId)));
  const existing = new Map<string, { id: string; hash: string }>();
  if (missing.length > 0) {
    const found = await pool.query<{ id: string; source: string; event_id: string; payload_hash: string }>({
      name: 'inbox-existing',
      text: EXISTING_SQL,
      values: [missing.map((e) => e.source), missing.map((e) => e.eventId)],
    });
    for (const row of found.rows) existing.set(key(row.source, row.event_id), { id: row.id, hash: row.payload_hash });
  }

  return events.map((event, index) => {
    const k = key(event.source, event.eventId);
    const insertedId = insertedIds.get(k);
    if (insertedId) {
      if (firstIndex.get(k) === index) return { status: 'accepted', inboxEventId: insertedId };
      const first = events[firstIndex.get(k)!]!;
      return { status: first.payloadHash === event.payloadHash ? 'duplicate' : 'conflict', inboxEventId: insertedId };
    }
    const row = existing.get(k);
    if (!row) throw new Error(`Inbox row for ${event.source}/${event.eventId} neither inserted nor found`);
    return { status: row.hash === event.payloadHash ? 'duplicate' : 'conflict', inboxEventId: row.id };
  });
}
