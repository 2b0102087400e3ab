// A dispute the gateway sent before the payment it disputes is held (PAYMENT_DISPUTED on
// "<system>:<dispute id>", the payment id in its details). When that payment is recorded,
// the dispute goes back to the inbox by itself: the two events raced, nothing needed fixing.
import { releaseHeldEvents } from '../../services/exceptions/release-held-events.ts';
import type { Tx } from '../workflow.ts';

export async function releaseDisputesWaitingForPayment(tx: Tx, options: { system: string; paymentId: string; now: Date }): Promise<string[]> {
  const waiting = await tx.exception.findMany({
    where: { code: 'PAYMENT_DISPUTED', entityType: 'Dispute', entityId: { startsWith: `${options.system}:` }, status: { not: 'RESOLVED' }, details: { path: ['paymentId'], equals: options.paymentId } },
    select: { code: true, entityType: true, entityId: true },
  });
  const released: string[] = [];
  for (const key of waiting) {
    released.push(...(await releaseHeldEvents(tx, { key, resolution: (n) => `Payment ${options.paymentId} arrived; ${n} waiting dispute event(s) requeued.`, now: options.now })));
  }
  return released;
}
