// The contract between the inbox processor and the per-event-type workflows. A workflow
// runs inside the processor's transaction (one savepoint per event): it loads state,
// decides with the pure domain core, and writes canonical rows, audit, lineage, outbox
// commands and exceptions through `tx`. It must be idempotent and replay-safe.
import type { Prisma } from '../db/client.ts';
import type { TransactionSql } from '../db/transaction-connection.ts';
import type { EntityType, ExceptionCode, SystemKind } from '../db/generated/enums.ts';

export type Tx = Prisma.TransactionClient;

/** The event as the workflow sees it: the stored envelope plus the validated data. */
export interface WorkflowEvent<Data = unknown> {
  /** InboxEvent.id */
  inboxEventId: string;
  eventId: string;
  source: string;
  type: string;
  subject: string | null;
  sequence: bigint | null;
  correlationId: string | null;
  time: Date | null;
  receivedAt: Date;
  data: Data;
}

/** The connected system that sent the event (null for events Threadline made itself). */
export interface WorkflowSender {
  connectorId: string;
  code: string;
  kind: SystemKind;
}

export interface WorkflowContext {
  tx: Tx;
  /**
   * The same transaction's connection through the pg client, for the few hot statements
   * where Prisma's CPU per statement matters (docs/PERFORMANCE.md); everything else uses `tx`.
   */
  sql: TransactionSql;
  sender: WorkflowSender | null;
  now: Date;
}

export interface Workflow<Data = unknown> {
  type: string;
  handle(event: WorkflowEvent<Data>, context: WorkflowContext): Promise<WorkflowOutcome | void>;
}

/** What happened, for the inbox row; `void` means applied. */
export type WorkflowOutcome = { status: 'applied'; note?: string } | { status: 'ignored'; note: string };

/**
 * Thrown by a workflow when the event cannot be applied until someone fixes data or
 * decides (DATA_FIX / DECISION) or ever (PERMANENT). The processor rolls back the
 * event's savepoint, raises the exception (linked to the event) and marks it HELD, so
 * that fixing the data and replaying completes the flow.
 */
export class WorkflowHold extends Error {
  constructor(
    readonly exception: {
      code: ExceptionCode;
      entityType: EntityType;
      entityId: string;
      title?: string;
      impact?: { amount: string; currency: string; date: Date };
      legalEntityId?: string;
      details?: Record<string, unknown>;
    },
    message?: string,
  ) {
    super(message ?? exception.title ?? exception.code);
    this.name = 'WorkflowHold';
  }
}

/** Thrown for failures worth retrying (a dependency down, a lock timeout). */
export class TransientWorkflowError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientWorkflowError';
  }
}
