// Writing what happened to the events of a batch onto their inbox rows, inside the batch
// transaction: finished events in one statement at the end, a failure as it happens
// (retry with backoff, or held with an exception once it is a hold or out of attempts).
import type { TransactionSql } from '../db/transaction-connection.ts';
import { retryDelayMs } from '../domain/ingest/ordering.ts';
import { raiseException } from '../services/exceptions/raise-exception.ts';
import { classifyFailure } from './classify-failure.ts';
import type { ClaimedInboxRow } from './inbox-row.ts';
import type { EventOutcome } from './process-inbox-event.ts';
import type { Tx } from './workflow.ts';

export interface FailureSettings {
  maxAttempts: number;
  random?: () => number;
}

/**
 * Records the outcomes of the batch's events, once they have all run: parked events one by
 * one (rare), every finished event (processed, superseded, held) in one statement, so
 * "processedAt" is the end of the batch, just before its commit.
 */
export async function recordOutcomes(sql: TransactionSql, outcomes: readonly { row: ClaimedInboxRow; outcome: EventOutcome }[]): Promise<void> {
  const finished: { id: string; status: string; note: string | null }[] = [];
  for (const { row, outcome } of outcomes) {
    if (outcome.status === 'PARKED') {
      await sql.query(`UPDATE "InboxEvent" SET status = 'PARKED', "parkedUntil" = $2 WHERE id = $1::uuid`, [row.id, outcome.until]);
    } else {
      finished.push({ id: row.id, status: outcome.status, note: outcome.note ?? null });
    }
  }
  if (finished.length === 0) return;
  await sql.query({
    name: 'inbox-outcomes',
    text: `UPDATE "InboxEvent" AS e SET status = o.status::"InboxEventStatus", attempts = e.attempts + 1, "processedAt" = clock_timestamp(),
                  "parkedUntil" = NULL, "nextAttemptAt" = NULL, "lastError" = o.note
             FROM unnest($1::uuid[], $2::text[], $3::text[]) AS o(id, status, note)
            WHERE e.id = o.id`,
    values: [finished.map((f) => f.id), finished.map((f) => f.status), finished.map((f) => f.note)],
  });
}

/** Records a failed event (its own writes already undone): held, or retried after a backoff. */
export async function recordFailure(tx: Tx, sql: TransactionSql, row: ClaimedInboxRow, error: unknown, settings: FailureSettings, now: Date): Promise<'held' | 'retrying'> {
  const failure = classifyFailure(error);
  const attempts = row.attempts + 1;
  const hold = (lastError: string) => sql.query(`UPDATE "InboxEvent" SET status = 'HELD', attempts = $2, "lastError" = $3 WHERE id = $1::uuid`, [row.id, attempts, lastError]);
  if (failure.kind === 'hold') {
    await raiseException(tx, { ...failure.hold.exception, correlationId: row.correlationId ?? undefined, inboxEventId: row.id, now });
    await hold(failure.hold.message);
    return 'held';
  }
  if (attempts >= settings.maxAttempts) {
    await raiseException(tx, {
      code: 'PROCESSING_FAILED',
      entityType: 'InboxEvent',
      entityId: row.id,
      correlationId: row.correlationId ?? undefined,
      title: `${row.type} from ${row.source} failed ${attempts} times`,
      details: { lastError: failure.message, eventId: row.eventId },
      inboxEventId: row.id,
      now,
    });
    await hold(failure.message);
    return 'held';
  }
  const retryAt = new Date(now.getTime() + retryDelayMs(attempts, (settings.random ?? Math.random)()));
  await sql.query(`UPDATE "InboxEvent" SET status = 'FAILED', attempts = $2, "lastError" = $3, "nextAttemptAt" = $4 WHERE id = $1::uuid`, [row.id, attempts, failure.message, retryAt]);
  return 'retrying';
}
