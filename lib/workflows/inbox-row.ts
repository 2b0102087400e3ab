// Claiming inbox rows for processing. FOR UPDATE SKIP LOCKED in each branch lets any
// number of workers claim disjoint rows; a worker that dies mid-batch releases its rows
// with its transaction, so they are claimed again and applied exactly once.
import type { SystemKind } from '../db/generated/enums.ts';
import type { TransactionSql } from '../db/transaction-connection.ts';

export interface ClaimedInboxRow {
  id: string;
  source: string;
  eventId: string;
  type: string;
  subject: string | null;
  sequence: bigint | null;
  correlationId: string | null;
  eventTime: Date | null;
  payload: unknown;
  attempts: number;
  receivedAt: Date;
  status: 'RECEIVED' | 'FAILED' | 'PARKED';
  connectorId: string | null;
  connectorCode: string | null;
  connectorKind: SystemKind | null;
}

type ClaimedRowAsRead = Omit<ClaimedInboxRow, 'sequence'> & { sequence: string | null };

/** Claims up to `limit` rows of each kind (new, retry due, park expired) on the batch transaction's connection. */
export async function claimInboxRows(sql: TransactionSql, limit: number): Promise<ClaimedInboxRow[]> {
  // Named: parsed and planned once per connection (the pg client leaves int8 as text).
  const { rows } = await sql.query<ClaimedRowAsRead>({
    name: 'inbox-claim',
    text: `WITH received AS (
       SELECT id FROM "InboxEvent" WHERE status = 'RECEIVED' ORDER BY "receivedAt" LIMIT $1 FOR UPDATE SKIP LOCKED
     ), retry AS (
       SELECT id FROM "InboxEvent" WHERE status = 'FAILED' AND "nextAttemptAt" <= clock_timestamp() ORDER BY "nextAttemptAt" LIMIT $1 FOR UPDATE SKIP LOCKED
     ), unparked AS (
       SELECT id FROM "InboxEvent" WHERE status = 'PARKED' AND "parkedUntil" <= clock_timestamp() ORDER BY "parkedUntil" LIMIT $1 FOR UPDATE SKIP LOCKED
     )
     SELECT e.id, e.source, e."eventId", e.type, e.subject, e.sequence, e."correlationId", e."eventTime", e.payload, e.attempts,
            e."receivedAt", e.status::text AS status, c.id AS "connectorId", c.code AS "connectorCode", c.kind::text AS "connectorKind"
       FROM "InboxEvent" e
       LEFT JOIN "Connector" c ON c.id = e."connectorId"
      WHERE e.id IN (SELECT id FROM received UNION ALL SELECT id FROM retry UNION ALL SELECT id FROM unparked)`,
    values: [limit],
  });
  // One order for every worker (subject, then version, then arrival) keeps the subject
  // locks below from deadlocking between workers and applies versions in order.
  return rows
    .map((row) => ({ ...row, sequence: row.sequence === null ? null : BigInt(row.sequence) }))
    .sort(
      (a, b) =>
        a.source.localeCompare(b.source) ||
        (a.subject ?? '').localeCompare(b.subject ?? '') ||
        Number((a.sequence ?? 0n) - (b.sequence ?? 0n)) ||
        a.receivedAt.getTime() - b.receivedAt.getTime(),
    );
}
