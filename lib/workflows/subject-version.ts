// The ordering guard per (source, subject): lock the subject's row (creating it at
// version 0 first, so that two transactions of a new subject serialize on its key),
// and move it forward when a version is applied. Both run on the batch transaction's
// own connection through the pg client (named statements: parsed once per connection).
import type { TransactionSql } from '../db/transaction-connection.ts';

/**
 * Locks the subject's row and reads its applied version, in one statement: an existing
 * row is locked by a no-op ON CONFLICT DO UPDATE, which (like SELECT ... FOR UPDATE
 * after the insert, but without the second round trip) waits for a concurrent holder
 * and returns the latest committed version.
 */
export async function lockAppliedSequence(sql: TransactionSql, source: string, subject: string, inboxEventId: string): Promise<{ applied: bigint | null; appliedEventId: string | null }> {
  const { rows } = await sql.query<{ appliedSequence: string; appliedEventId: string | null }>({
    name: 'subject-version-lock',
    text: `INSERT INTO "SubjectVersion" AS v (source, subject, "appliedSequence", "appliedEventId", "updatedAt")
           VALUES ($1, $2, 0, $3::uuid, clock_timestamp())
           ON CONFLICT (source, subject) DO UPDATE SET "updatedAt" = v."updatedAt"
           RETURNING v."appliedSequence", v."appliedEventId"::text AS "appliedEventId"`,
    values: [source, subject, inboxEventId],
  });
  const applied = BigInt(rows[0]?.appliedSequence ?? '0');
  return applied === 0n ? { applied: null, appliedEventId: null } : { applied, appliedEventId: rows[0]?.appliedEventId ?? null };
}

/** Records the applied version and releases the parked next version, if it is here (one statement). */
export async function advanceAppliedSequence(sql: TransactionSql, source: string, subject: string, sequence: bigint, inboxEventId: string): Promise<void> {
  await sql.query({
    name: 'subject-version-advance',
    text: `WITH advanced AS (
             UPDATE "SubjectVersion" SET "appliedSequence" = $3, "appliedEventId" = $4::uuid, "updatedAt" = clock_timestamp()
              WHERE source = $1 AND subject = $2
           )
           UPDATE "InboxEvent" SET status = 'RECEIVED', "parkedUntil" = NULL
            WHERE source = $1 AND subject = $2 AND status = 'PARKED' AND sequence = $5`,
    values: [source, subject, sequence.toString(), inboxEventId, (sequence + 1n).toString()],
  });
}
