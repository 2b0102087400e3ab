// One round of the inbox processor: claim a batch, apply its events in one transaction,
// record the outcomes, commit once. The batch commit and few statements per event are what
// make a high rate possible on a small machine (docs/PERFORMANCE.md).
//
// A failing event must roll back alone. Savepoints would do that, but cost two statements
// per event and, past 64 per transaction, make every other session's snapshots dearer. So a
// batch first runs optimistically, without them; when an event fails, the whole attempt is
// rolled back and the batch runs again with a savepoint per event, recording that event's
// failure as it happened instead of running it again (so a transient failure counts one
// attempt and backs off exactly as it would have). Each batch runs at most twice.
import { db } from '../db/client.ts';
import { transactionWithSql, type TransactionSql } from '../db/transaction-connection.ts';
import { log } from '../log.ts';
import { claimInboxRows, type ClaimedInboxRow } from './inbox-row.ts';
import { processInboxEvent, type EventOutcome, type ResolvedWorkflow } from './process-inbox-event.ts';
import { recordFailure, recordOutcomes } from './record-inbox-outcomes.ts';
import { WorkflowHold, type Tx } from './workflow.ts';

export interface InboxProcessorSettings {
  batchSize: number;
  gapTimeoutMs: number;
  maxAttempts: number;
  resolve: (type: string) => ResolvedWorkflow | undefined;
  now?: () => Date;
  random?: () => number;
}

export type BatchSummary = Record<'claimed' | 'processed' | 'superseded' | 'parked' | 'held' | 'retrying', number>;

const SUMMARY_KEY = { PROCESSED: 'processed', SUPERSEDED: 'superseded', PARKED: 'parked', HELD: 'held' } as const;

/** An event failed in an optimistic run: the run is rolled back and redone with savepoints. */
class EventFailed extends Error {
  constructor(
    readonly inboxEventId: string,
    readonly failure: unknown,
  ) {
    super(`inbox event ${inboxEventId} failed`);
  }
}

interface Run {
  tx: Tx;
  sql: TransactionSql;
  settings: InboxProcessorSettings;
  summary: BatchSummary;
  /** Set on the second run: the event that failed the first one, and how. */
  knownFailure?: EventFailed;
}

/**
 * A hold is the engine working as designed (the exception queue has it), so it is logged
 * as information with its reason; anything else is a failure worth a warning and a stack.
 */
function logFailure(row: ClaimedInboxRow, error: unknown): void {
  if (error instanceof WorkflowHold) log.info('inbox event held', { inboxEventId: row.id, type: row.type, reason: error.message });
  else log.warn('inbox event failed', { inboxEventId: row.id, type: row.type, err: error });
}

/** Applies one event under a savepoint; its failure is recorded and the batch goes on. */
async function applyUnderSavepoint(run: Run, row: ClaimedInboxRow, now: Date): Promise<EventOutcome | null> {
  const { tx, sql, settings } = run;
  await sql.query('SAVEPOINT inbox_event');
  try {
    const outcome = await processInboxEvent({ tx, sql, row, resolve: settings.resolve, now, gapTimeoutMs: settings.gapTimeoutMs });
    await sql.query('RELEASE SAVEPOINT inbox_event');
    return outcome;
  } catch (error) {
    await sql.query('ROLLBACK TO SAVEPOINT inbox_event');
    logFailure(row, error);
    run.summary[await recordFailure(tx, sql, row, error, settings, now)] += 1;
    return null;
  }
}

async function runBatch(run: Run, savepoints: boolean): Promise<void> {
  const { tx, sql, settings, summary, knownFailure } = run;
  const rows = await claimInboxRows(sql, settings.batchSize);
  summary.claimed = rows.length;
  const outcomes: { row: ClaimedInboxRow; outcome: EventOutcome }[] = [];
  for (const row of rows) {
    const now = settings.now?.() ?? new Date();
    let outcome: EventOutcome | null;
    if (knownFailure?.inboxEventId === row.id) {
      summary[await recordFailure(tx, sql, row, knownFailure.failure, settings, now)] += 1;
      outcome = null;
    } else if (savepoints) {
      outcome = await applyUnderSavepoint(run, row, now);
    } else {
      try {
        outcome = await processInboxEvent({ tx, sql, row, resolve: settings.resolve, now, gapTimeoutMs: settings.gapTimeoutMs });
      } catch (error) {
        logFailure(row, error);
        throw new EventFailed(row.id, error);
      }
    }
    if (outcome) {
      outcomes.push({ row, outcome });
      summary[SUMMARY_KEY[outcome.status]] += 1;
    }
  }
  await recordOutcomes(sql, outcomes);
}

const emptySummary = (): BatchSummary => ({ claimed: 0, processed: 0, superseded: 0, parked: 0, held: 0, retrying: 0 });
const TRANSACTION = { timeout: 120_000, maxWait: 10_000 };

export async function processInboxBatch(settings: InboxProcessorSettings): Promise<BatchSummary> {
  const summary = emptySummary();
  try {
    await transactionWithSql(db(), (tx, sql) => runBatch({ tx, sql, settings, summary }, false), TRANSACTION);
    return summary;
  } catch (error) {
    if (!(error instanceof EventFailed)) throw error;
    // The rows went back to the inbox with the rollback; another worker may claim some of
    // them first (then this run does not see them, which is as good).
    const again = emptySummary();
    await transactionWithSql(db(), (tx, sql) => runBatch({ tx, sql, settings, summary: again, knownFailure: error }, true), TRANSACTION);
    return again;
  }
}
