// One round of the inbox processor: claim a batch, apply each event under its own
// savepoint (a failing event rolls back alone), record the outcomes, commit once. The
// batch commit (and few round trips per event) is what makes a high rate possible on a
// small machine: see docs/PERFORMANCE.md.
import { db } from '../db/client.ts';
import { retryDelayMs } from '../domain/ingest/ordering.ts';
import { log } from '../log.ts';
import { raiseException } from '../services/exceptions/raise-exception.ts';
import { classifyFailure } from './classify-failure.ts';
import { claimInboxRows, type ClaimedInboxRow } from './inbox-row.ts';
import { processInboxEvent, type EventOutcome, type ResolvedWorkflow } from './process-inbox-event.ts';
import type { Tx } from './workflow.ts';

export interface InboxProcessorSettings {
  batchSize: number;
  gapTimeoutMs: number;
  maxAttempts: number;
  resolve: (type: string) => ResolvedWorkflow | undefined;
  now?: () => Date;
  random?: () => number;
}

export type BatchSummary = Record<'claimed' | 'processed' | 'superseded' | 'parked' | 'held' | 'retrying', number>;

/**
 * Records the outcomes of the batch's events, once they have all run: parked events one by
 * one (rare), every finished event (processed, superseded, held) in one statement, so
 * "processedAt" is the end of the batch, just before its commit.
 */
async function recordOutcomes(tx: Tx, outcomes: { row: ClaimedInboxRow; outcome: EventOutcome }[]): Promise<void> {
  const finished: { id: string; status: string; note: string | null }[] = [];
  for (const { row, outcome } of outcomes) {
    if (outcome.status === 'PARKED') {
      await tx.$executeRawUnsafe(`UPDATE "InboxEvent" SET status = 'PARKED', "parkedUntil" = $2 WHERE id = $1::uuid`, row.id, outcome.until);
    } else {
      finished.push({ id: row.id, status: outcome.status, note: outcome.note ?? null });
    }
  }
  if (finished.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "InboxEvent" AS e SET status = o.status::"InboxEventStatus", attempts = e.attempts + 1, "processedAt" = clock_timestamp(),
            "parkedUntil" = NULL, "nextAttemptAt" = NULL, "lastError" = o.note
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS o(id, status, note)
      WHERE e.id = o.id`,
    finished.map((f) => f.id),
    finished.map((f) => f.status),
    finished.map((f) => f.note),
  );
}

async function recordFailure(tx: Tx, row: ClaimedInboxRow, error: unknown, settings: InboxProcessorSettings, now: Date): Promise<'held' | 'retrying'> {
  const failure = classifyFailure(error);
  const attempts = row.attempts + 1;
  if (failure.kind === 'hold') {
    const hold = failure.hold.exception;
    await raiseException(tx, { ...hold, correlationId: row.correlationId ?? undefined, inboxEventId: row.id, now });
    await tx.$executeRawUnsafe(`UPDATE "InboxEvent" SET status = 'HELD', attempts = $2, "lastError" = $3 WHERE id = $1::uuid`, row.id, attempts, failure.hold.message);
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
    await tx.$executeRawUnsafe(`UPDATE "InboxEvent" SET status = 'HELD', attempts = $2, "lastError" = $3 WHERE id = $1::uuid`, row.id, attempts, failure.message);
    return 'held';
  }
  const retryAt = new Date(now.getTime() + retryDelayMs(attempts, (settings.random ?? Math.random)()));
  await tx.$executeRawUnsafe(
    `UPDATE "InboxEvent" SET status = 'FAILED', attempts = $2, "lastError" = $3, "nextAttemptAt" = $4 WHERE id = $1::uuid`,
    row.id,
    attempts,
    failure.message,
    retryAt,
  );
  return 'retrying';
}

export async function processInboxBatch(settings: InboxProcessorSettings): Promise<BatchSummary> {
  const summary: BatchSummary = { claimed: 0, processed: 0, superseded: 0, parked: 0, held: 0, retrying: 0 };
  await db().$transaction(
    async (tx) => {
      const rows = await claimInboxRows(tx, settings.batchSize);
      summary.claimed = rows.length;
      const outcomes: { row: ClaimedInboxRow; outcome: EventOutcome }[] = [];
      for (const row of rows) {
        const now = settings.now?.() ?? new Date();
        await tx.$executeRawUnsafe('SAVEPOINT inbox_event');
        try {
          const outcome = await processInboxEvent({ tx, row, resolve: settings.resolve, now, gapTimeoutMs: settings.gapTimeoutMs });
          await tx.$executeRawUnsafe('RELEASE SAVEPOINT inbox_event');
          outcomes.push({ row, outcome });
          summary[({ PROCESSED: 'processed', SUPERSEDED: 'superseded', PARKED: 'parked', HELD: 'held' } as const)[outcome.status]] += 1;
        } catch (error) {
          await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT inbox_event');
          log.warn('inbox event failed', { inboxEventId: row.id, type: row.type, err: error });
          summary[await recordFailure(tx, row, error, settings, now)] += 1;
        }
      }
      await recordOutcomes(tx, outcomes);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return summary;
}
