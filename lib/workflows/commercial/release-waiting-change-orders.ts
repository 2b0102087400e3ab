// Change orders that arrived before their quote was accepted wait, held under one
// OUT_OF_ORDER_GAP exception on the quote (see change-order-approved.ts). When the quote's
// engagement is created, they go back to the inbox and the exception is resolved by the
// system — the gap closed on its own, which is what TRANSIENT promises.
import { writeAudit } from '../../services/audit/write-audit.ts';
import { requeueHeldEvents } from '../../services/exceptions/requeue-held-events.ts';
import type { Tx } from '../workflow.ts';

export const waitingForQuoteKey = (quoteExternalId: string) => ({ code: 'OUT_OF_ORDER_GAP' as const, entityType: 'Quote' as const, entityId: quoteExternalId });

export async function releaseWaitingChangeOrders(tx: Tx, options: { quoteExternalId: string; engagementCode: string; now: Date }): Promise<string[]> {
  const exception = await tx.exception.findUnique({ where: { code_entityType_entityId: waitingForQuoteKey(options.quoteExternalId) } });
  if (!exception || exception.status === 'RESOLVED') return [];
  const requeued = await requeueHeldEvents(tx, { exceptionId: exception.id, now: options.now });
  if (exception.status === 'SUPPRESSED') return requeued;

  const resolution = `Quote ${options.quoteExternalId} was accepted as ${options.engagementCode}; ${requeued.length} waiting event(s) requeued.`;
  const after = await tx.exception.update({
    where: { id: exception.id },
    data: { status: 'RESOLVED', resolvedAt: options.now, resolution },
  });
  await tx.exceptionAction.create({
    data: { exceptionId: exception.id, kind: 'RESOLVE', actorType: 'SYSTEM', actorId: 'worker', note: resolution, data: { requeuedEventIds: requeued }, at: options.now },
  });
  await writeAudit(tx, {
    actor: { type: 'SYSTEM', id: 'worker' },
    entityType: 'Exception',
    entityId: exception.id,
    action: 'exception.resolved',
    before: { status: exception.status },
    after: { status: after.status, resolution },
    correlationId: exception.correlationId,
    at: options.now,
  });
  return requeued;
}
