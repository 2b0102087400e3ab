// "Replay the held events" (DESIGN.md §7): the exception's linked inbox events that are
// HELD (waiting for a fix) or FAILED (waiting for a retry) go back to RECEIVED in the
// caller's transaction, and the workers are woken. Workflows are replay-safe, so an event
// that already had side effects does not repeat them. lastError is kept as history;
// attempts start again, because after a fix the event deserves its full set of retries.
import type { Prisma } from '../../db/client.ts';
import { INBOX_CHANNEL } from '../../ingest/inbox/write-inbox-events.ts';

export async function requeueHeldEvents(tx: Prisma.TransactionClient, options: { exceptionId: string; now: Date }): Promise<string[]> {
  const requeued = await tx.inboxEvent.updateManyAndReturn({
    where: { status: { in: ['HELD', 'FAILED'] }, exceptions: { some: { exceptionId: options.exceptionId } } },
    data: { status: 'RECEIVED', nextAttemptAt: options.now, attempts: 0 },
    select: { id: true },
  });
  // NOTIFY is delivered at commit, so no worker looks before the rows are visible.
  if (requeued.length > 0) await tx.$executeRaw`SELECT pg_notify(${INBOX_CHANNEL}, '')`;
  return requeued.map((row) => row.id);
}
