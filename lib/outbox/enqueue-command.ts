// The transactional outbox (DESIGN.md §6 "Outbound"): a command to a connected system is
// written in the caller's transaction, so it exists exactly when the change that caused it
// does; delivery (retries, backoff, dead letters) is the worker's job. Idempotent: the
// idempotencyKey is unique and the insert is ON CONFLICT DO NOTHING, so a replayed event
// enqueues nothing new. A target connector that is missing or inactive is an error — a
// command must never be dropped silently; workflows check their targets first and hold
// the event instead (see resolve-command-target.ts).
import { randomUUID } from 'node:crypto';
import type { EntityType } from '../db/generated/enums.ts';
import type { Tx } from '../workflows/workflow.ts';
import { OUTBOX_CHANNEL } from './outbox-channel.ts';
import { commandPayloadSchemas, type CommandKind, type CommandPayload } from './commands/payload-schemas.ts';

export class ConnectorNotConfiguredError extends Error {
  constructor(
    readonly connectorCode: string,
    readonly reason: 'missing' | 'inactive',
  ) {
    super(`No ${reason === 'missing' ? '' : 'active '}connector "${connectorCode}" to send the command to.`);
    this.name = 'ConnectorNotConfiguredError';
  }
}

export interface EnqueueCommandInput<K extends CommandKind> {
  /** Connector.code of the target system. */
  connectorCode: string;
  kind: K;
  payload: CommandPayload<K>;
  /** Deterministic, e.g. "erp:create-project:<engagementId>"; sent to the target as its idempotency key. */
  idempotencyKey: string;
  /** Commands with the same key are delivered in creation order (e.g. "erp:client:<clientId>"). */
  orderingKey?: string | null;
  /** The money this command holds up while undelivered. */
  heldAmount?: { amount: string; currency: string } | null;
  correlationId?: string | null;
  entityType?: EntityType | null;
  entityId?: string | null;
  /** InboxEvent.id of the event whose processing caused it. */
  causedByEventId?: string | null;
}

export interface EnqueuedCommand {
  id: string;
  /** false when a command with this idempotency key already existed (nothing was written). */
  created: boolean;
}

export async function enqueueCommand<K extends CommandKind>(tx: Tx, input: EnqueueCommandInput<K>): Promise<EnqueuedCommand> {
  if (!input.idempotencyKey.trim()) throw new TypeError('An outbox command needs an idempotency key.');
  const connector = await tx.connector.findUnique({ where: { code: input.connectorCode }, select: { id: true, active: true } });
  if (!connector) throw new ConnectorNotConfiguredError(input.connectorCode, 'missing');
  if (!connector.active) throw new ConnectorNotConfiguredError(input.connectorCode, 'inactive');

  const parsed = commandPayloadSchemas[input.kind].safeParse(input.payload);
  if (!parsed.success) throw new TypeError(`Invalid ${input.kind} payload for ${input.connectorCode}: ${parsed.error.message}`);

  const id = randomUUID();
  const orderingKey = input.orderingKey ?? null;
  // createdAt orders delivery within an orderingKey. now() is the same for every row of a
  // transaction, so each command gets max(clock, previous command of its key + 1 ms):
  // a CREATE_CUSTOMER and the CREATE_PROJECT that needs it never tie.
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "OutboxCommand" (
      id, "connectorId", kind, payload, "idempotencyKey", "orderingKey", status, attempts, "nextAttemptAt",
      "heldAmount", "heldCurrency", "correlationId", "entityType", "entityId", "causedByEventId", "createdAt", "updatedAt"
    )
    SELECT ${id}::uuid, ${connector.id}::uuid, ${input.kind}::"OutboxCommandKind", ${JSON.stringify(parsed.data)}::jsonb,
           ${input.idempotencyKey}, ${orderingKey}, 'PENDING', 0, t.at,
           ${input.heldAmount?.amount ?? null}::numeric, ${input.heldAmount?.currency ?? null}, ${input.correlationId ?? null},
           ${input.entityType ?? null}::"EntityType", ${input.entityId ?? null}, ${input.causedByEventId ?? null}::uuid, t.at, t.at
      FROM (
        SELECT GREATEST(
          date_trunc('milliseconds', clock_timestamp()),
          (SELECT max(c."createdAt") + interval '1 millisecond' FROM "OutboxCommand" c WHERE c."orderingKey" = ${orderingKey}::text)
        ) AS at
      ) t
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING id::text AS id`;
  if (rows.length === 1) {
    // Wakes the delivery loops at commit (PostgreSQL folds repeats within a transaction into one).
    await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
    return { id, created: true };
  }

  const existing = await tx.outboxCommand.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, connectorId: true, kind: true } });
  // The same key for another target or kind is a programming error, not a repeat.
  if (existing.connectorId !== connector.id || existing.kind !== input.kind) {
    throw new Error(`Idempotency key "${input.idempotencyKey}" already names a ${existing.kind} command for another target.`);
  }
  return { id: existing.id, created: false };
}

