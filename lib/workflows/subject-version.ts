// The ordering guard per (source, subject): lock the subject's row (creating it at
// version 0 first, so that two transactions of a new subject serialize on its key),
// and move it forward when a version is applied.
import type { Tx } from './workflow.ts';

/**
 * Locks the subject's row and reads its applied version, in one statement: an existing
 * row is locked by a no-op ON CONFLICT DO UPDATE, which (like SELECT ... FOR UPDATE
 * after the insert, but without the second round trip) waits for a concurrent holder
 * and returns the latest committed version.
 */
export async function lockAppliedSequence(tx: Tx, source: string, subject: string, inboxEventId: string): Promise<bigint | null> {
  const rows = await tx.$queryRawUnsafe<{ appliedSequence: bigint }[]>(
    `INSERT INTO "SubjectVersion" AS v (source, subject, "appliedSequence", "appliedEventId", "updatedAt")
     VALUES ($1, $2, 0, $3::uuid, clock_timestamp())
     ON CONFLICT (source, subject) DO UPDATE SET "updatedAt" = v."updatedAt"
     RETURNING v."appliedSequence"`,
    source,
    subject,
    inboxEventId,
  );
  const applied = rows[0]?.appliedSequence ?? 0n;
  return applied === 0n ? null : applied;
}

/** Records the applied version and releases the parked next version, if it is here (one statement). */
export async function advanceAppliedSequence(tx: Tx, source: string, subject: string, sequence: bigint, inboxEventId: string): Promise<void> {
  await tx.$executeRawUnsafe(
    `WITH advanced AS (
       UPDATE "SubjectVersion" SET "appliedSequence" = $3, "appliedEventId" = $4::uuid, "updatedAt" = clock_timestamp()
        WHERE source = $1 AND subject = $2
     )
     UPDATE "InboxEvent" SET status = 'RECEIVED', "parkedUntil" = NULL
      WHERE source = $1 AND subject = $2 AND status = 'PARKED' AND sequence = $5`,
    source,
    subject,
    sequence,
    inboxEventId,
    sequence + 1n,
  );
}
