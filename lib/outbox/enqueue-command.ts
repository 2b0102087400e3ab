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
  const [enqueued] = await enqueueCommands(tx, [input]);
  return enqueued!;
}

const COMMAND_ROW = `id uuid, "connectorId" uuid, kind "OutboxCommandKind", payload jsonb, "idempotencyKey" text, "orderingKey" text, "heldAmount" numeric, "heldCurrency" text,
  "correlationId" text, "entityType" "EntityType", "entityId" text, "causedByEventId" uuid, ord int`;

/**
 * Many commands in one INSERT (a billing run posts thousands of invoices): the same checks
 * and the same ordering as one by one, in input order. Returns one result per input.
 */
export async function enqueueCommands(tx: Tx, inputs: readonly EnqueueCommandInput<CommandKind>[]): Promise<EnqueuedCommand[]> {
  if (inputs.length === 0) return [];
  const codes = [...new Set(inputs.map((i) => i.connectorCode))];
  const connectors = new Map((await tx.connector.findMany({ where: { code: { in: codes } }, select: { id: true, code: true, active: true } })).map((c) => [c.code, c]));
  const rows = inputs.map((input, ord) => {
    if (!input.idempotencyKey.trim()) throw new TypeError('An outbox command needs an idempotency key.');
    const connector = connectors.get(input.connectorCode);
    if (!connector) throw new ConnectorNotConfiguredError(input.connectorCode, 'missing');
    if (!connector.active) throw new ConnectorNotConfiguredError(input.connectorCode, 'inactive');
    const parsed = commandPayloadSchemas[input.kind].safeParse(input.payload);
    if (!parsed.success) throw new TypeError(`Invalid ${input.kind} payload for ${input.connectorCode}: ${parsed.error.message}`);
    return {
      id: randomUUID(),
      connectorId: connector.id,
      kind: input.kind,
      payload: parsed.data,
      idempotencyKey: input.idempotencyKey,
      orderingKey: input.orderingKey ?? null,
      heldAmount: input.heldAmount?.amount ?? null,
      heldCurrency: input.heldAmount?.currency ?? null,
      correlationId: input.correlationId ?? null,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
      causedByEventId: input.causedByEventId ?? null,
      ord,
    };
  });
  // createdAt orders delivery within an orderingKey. now() is the same for every row of a
  // transaction, so each command gets max(clock, previous command of its key + 1 ms), plus
  // 1 ms per earlier command of its key in this call: a CREATE_CUSTOMER and the
  // CREATE_PROJECT that needs it never tie.
  const inserted = await tx.$queryRawUnsafe<{ id: string }[]>(
    `WITH input AS (
       SELECT x.*, row_number() OVER (PARTITION BY x."orderingKey" ORDER BY x.ord) - 1 AS nth FROM jsonb_to_recordset($1::jsonb) AS x(${COMMAND_ROW})
     )
     INSERT INTO "OutboxCommand" (
       id, "connectorId", kind, payload, "idempotencyKey", "orderingKey", status, attempts, "nextAttemptAt",
       "heldAmount", "heldCurrency", "correlationId", "entityType", "entityId", "causedByEventId", "createdAt", "updatedAt"
     )
     SELECT i.id, i."connectorId", i.kind, i.payload, i."idempotencyKey", i."orderingKey", 'PENDING', 0, t.at,
            i."heldAmount", i."heldCurrency", i."correlationId", i."entityType", i."entityId", i."causedByEventId", t.at, t.at
       FROM input i
      CROSS JOIN LATERAL (
        SELECT GREATEST(
          date_trunc('milliseconds', clock_timestamp()),
          (SELECT max(c."createdAt") + interval '1 millisecond' FROM "OutboxCommand" c WHERE c."orderingKey" = i."orderingKey")
        ) + i.nth * interval '1 millisecond' AS at
      ) t
      ORDER BY i.ord
     ON CONFLICT ("idempotencyKey") DO NOTHING
     RETURNING id::text AS id`,
    JSON.stringify(rows),
  );
  const created = new Set(inserted.map((r) => r.id));
  // Wakes the delivery loops at commit (PostgreSQL folds repeats within a transaction into one).
  if (created.size > 0) await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
  const repeated = rows.filter((r) => !created.has(r.id));
  const existing = new Map(
    repeated.length === 0 ? [] : (await tx.outboxCommand.findMany({ where: { idempotencyKey: { in: repeated.map((r) => r.idempotencyKey) } }, select: { id: true, connectorId: true, kind: true, idempotencyKey: true } })).map((c) => [c.idempotencyKey, c]),
  );
  return rows.map((row) => {
    if (created.has(row.id)) return { id: row.id, created: true };
    const command = existing.get(row.idempotencyKey);
    // The same key for another target or kind is a programming error, not a repeat.
    if (!command || command.connectorId !== row.connectorId || command.kind !== row.kind) {
      throw new Error(`Idempotency key "${row.idempotencyKey}" already names a ${command?.kind ?? 'different'} command for another target.`);
    }
    return { id: command.id, created: false };
  });
}
