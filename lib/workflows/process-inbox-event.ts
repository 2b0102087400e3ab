// Applies one claimed inbox event: re-validates its data with the current schema
// (replays use today's rules), applies the per-subject ordering, and runs the event
// type's workflow. Runs inside the batch transaction; when this throws, the caller undoes
// what the event wrote (see process-inbox-batch.ts).
import type { TransactionSql } from '../db/transaction-connection.ts';
import { decideOrdering } from '../domain/ingest/ordering.ts';
import { raiseException } from '../services/exceptions/raise-exception.ts';
import type { ClaimedInboxRow } from './inbox-row.ts';
import { resolveClearedHolds } from './resolve-cleared-holds.ts';
import { advanceAppliedSequence, lockAppliedSequence } from './subject-version.ts';
import { WorkflowHold, type Tx, type Workflow, type WorkflowEvent } from './workflow.ts';

export interface ResolvedWorkflow {
  workflow: Workflow;
  /** Validates `data` with the event type's current schema. */
  parse(data: unknown): { success: true; data: unknown } | { success: false; pointer: string; message: string };
}

export type EventOutcome =
  | { status: 'PROCESSED'; note?: string }
  | { status: 'SUPERSEDED'; note: string }
  | { status: 'PARKED'; until: Date }
  | { status: 'HELD'; note: string };

export const NO_WORKFLOW_NOTE = 'No workflow handles this event type yet; it is kept and will run when one exists.';

export async function processInboxEvent(options: {
  tx: Tx;
  /** The same transaction's connection, for the ordering guard's statements. */
  sql: TransactionSql;
  row: ClaimedInboxRow;
  resolve: (type: string) => ResolvedWorkflow | undefined;
  now: Date;
  gapTimeoutMs: number;
}): Promise<EventOutcome> {
  const { tx, sql, row, now } = options;
  const resolved = options.resolve(row.type);
  if (!resolved) return { status: 'HELD', note: NO_WORKFLOW_NOTE };

  const envelope = (row.payload ?? {}) as { data?: unknown };
  const parsed = resolved.parse(envelope.data);
  if (!parsed.success) {
    throw new WorkflowHold({
      code: 'SCHEMA_INVALID',
      entityType: 'InboxEvent',
      entityId: row.id,
      title: `${row.type} from ${row.source} no longer passes its schema`,
      details: { pointer: `/data${parsed.pointer}`, message: parsed.message, eventId: row.eventId },
    });
  }

  let gap: { missingFrom: bigint; missingTo: bigint } | undefined;
  if (row.sequence !== null && row.subject !== null) {
    const { applied, appliedEventId } = await lockAppliedSequence(sql, row.source, row.subject, row.id);
    const decision = decideOrdering({ sequence: row.sequence, applied, receivedAt: row.receivedAt, now, gapTimeoutMs: options.gapTimeoutMs });
    // A replay of the very event that applied this version runs again with today's rules
    // (workflows are replay-safe: nothing already done is repeated); any other event not
    // newer than the applied version is superseded.
    const replayOfApplied = decision.action === 'supersede' && row.sequence === applied && appliedEventId === row.id;
    if (decision.action === 'supersede' && !replayOfApplied) return { status: 'SUPERSEDED', note: `Version ${row.sequence} is not newer than the applied version ${decision.applied}.` };
    if (decision.action === 'park') return { status: 'PARKED', until: decision.until };
    if (decision.action === 'apply-after-gap') gap = decision;
  }

  const event: WorkflowEvent = {
    inboxEventId: row.id,
    eventId: row.eventId,
    source: row.source,
    type: row.type,
    subject: row.subject,
    sequence: row.sequence,
    correlationId: row.correlationId,
    time: row.eventTime,
    receivedAt: row.receivedAt,
    data: parsed.data,
  };
  const sender = row.connectorId && row.connectorCode && row.connectorKind ? { connectorId: row.connectorId, code: row.connectorCode, kind: row.connectorKind } : null;
  const outcome = await resolved.workflow.handle(event, { tx, sql, sender, now });

  if (row.sequence !== null && row.subject !== null) await advanceAppliedSequence(sql, row.source, row.subject, row.sequence, row.id);
  await resolveClearedHolds(tx, { inboxEventId: row.id, type: row.type, now });
  if (gap) {
    await raiseException(tx, {
      code: 'OUT_OF_ORDER_GAP',
      entityType: 'InboxEvent',
      entityId: row.id,
      correlationId: row.correlationId ?? undefined,
      title: `Versions ${gap.missingFrom}–${gap.missingTo} of ${row.subject} never arrived; version ${row.sequence} was applied`,
      details: { source: row.source, subject: row.subject, missingFrom: String(gap.missingFrom), missingTo: String(gap.missingTo) },
      inboxEventId: row.id,
      now,
    });
  }
  return { status: 'PROCESSED', note: outcome && outcome.status === 'ignored' ? outcome.note : undefined };
}
