// A dispute or a refund the gateway sent before the payment it concerns is held
// (PAYMENT_DISPUTED on "<system>:<dispute id>", PROCESSING_FAILED on "<system>:<refund id>",
// the payment id in its details). When that payment is recorded, they go back to the inbox
// by themselves: the events raced, nothing needed fixing.
import type { EntityType, ExceptionCode } from '../../db/generated/enums.ts';
import { releaseHeldEvents } from '../../services/exceptions/release-held-events.ts';
import type { Tx } from '../workflow.ts';

const waitingKinds: { code: ExceptionCode; entityType: EntityType; what: string }[] = [
  { code: 'PAYMENT_DISPUTED', entityType: 'Dispute', what: 'dispute' },
  { code: 'PROCESSING_FAILED', entityType: 'CashRefund', what: 'refund' },
];

export async function releaseDisputesWaitingForPayment(tx: Tx, options: { system: string; paymentId: string; now: Date }): Promise<string[]> {
  const released: string[] = [];
  for (const kind of waitingKinds) {
    const waiting = await tx.exception.findMany({
      where: { code: kind.code, entityType: kind.entityType, entityId: { startsWith: `${options.system}:` }, status: { not: 'RESOLVED' }, details: { path: ['paymentId'], equals: options.paymentId } },
      select: { code: true, entityType: true, entityId: true },
    });
    for (const key of waiting) {
      released.push(...(await releaseHeldEvents(tx, { key, resolution: (n) => `Payment ${options.paymentId} arrived; ${n} waiting ${kind.what} event(s) requeued.`, now: options.now })));
    }
  }
  return released;
}
