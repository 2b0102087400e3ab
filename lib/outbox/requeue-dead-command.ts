// "Retry" of a dead letter from triage (DESIGN.md §6-§7): replaying a
// CONNECTOR_DELIVERY_FAILED exception puts its DEAD command back in the outbox — PENDING,
// due now, with a fresh count of failures (the cause was presumably fixed: endpoint,
// token, data) — in the caller's transaction, and wakes the delivery loops. The same
// idempotency key goes with it, so a target that did receive an earlier attempt
// recognises the repeat. Anything not DEAD is left alone (already delivered, or already
// requeued by someone else): safe to repeat.
import type { Prisma } from '../db/client.ts';
import { OUTBOX_CHANNEL } from './outbox-channel.ts';

export async function requeueDeadCommands(tx: Prisma.TransactionClient, options: { exception: { code: string; entityType: string; entityId: string }; now: Date }): Promise<string[]> {
  const { exception, now } = options;
  if (exception.code !== 'CONNECTOR_DELIVERY_FAILED' || exception.entityType !== 'OutboxCommand') return [];
  const requeued = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "OutboxCommand" SET status = 'PENDING', failures = 0, "nextAttemptAt" = ${now}, "deadAt" = NULL, "updatedAt" = ${now}
     WHERE id::text = ${exception.entityId} AND status = 'DEAD'
    RETURNING id::text`;
  if (requeued.length > 0) await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
  return requeued.map((row) => row.id);
}
