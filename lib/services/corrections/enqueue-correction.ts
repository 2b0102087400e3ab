// Puts a settled correction into the outbox, one PUSH_CORRECTION command per step, in the
// caller's transaction. The idempotency keys come from the exception and the correction's
// fingerprint, so pushing (or approving) the same correction again enqueues nothing new.
import type { Exception } from '../../db/generated/client.ts';
import { dec } from '../../domain/money/decimal.ts';
import { enqueueCommands } from '../../outbox/enqueue-command.ts';
import type { Tx } from '../../workflows/workflow.ts';
import { correctionId, type SettledCorrection } from './correction-record.ts';

export async function enqueueCorrection(
  tx: Tx,
  options: { exception: Exception; correction: SettledCorrection; approvedBy: string | null },
): Promise<{ commandIds: string[]; created: boolean }> {
  const { exception, correction, approvedBy } = options;
  const { plan, fingerprint } = correction;
  const id = correctionId(exception.id, fingerprint);
  const heldAmount = plan.movesMoney && plan.amount ? { amount: dec(plan.amount.amount).abs().toFixed(), currency: plan.amount.currency } : null;
  const enqueued = await enqueueCommands(
    tx,
    plan.steps.map((step, i) => ({
      connectorCode: correction.connectors[i]!,
      kind: 'PUSH_CORRECTION' as const,
      idempotencyKey: `correction:${exception.id}:${fingerprint.slice(0, 32)}:${i}`,
      orderingKey: `correction:${step.system}:${step.record.type}:${step.record.id}`,
      payload: {
        correctionId: id,
        exceptionId: exception.id,
        exceptionCode: exception.code,
        record: step.record,
        changes: step.changes,
        movesMoney: plan.movesMoney,
        amount: plan.amount,
        reason: `${exception.code}: ${exception.title}`,
        approvedBy,
      },
      heldAmount,
      correlationId: exception.correlationId,
      entityType: exception.entityType,
      entityId: exception.entityId,
    })),
  );
  return { commandIds: enqueued.map((c) => c.id), created: enqueued.some((c) => c.created) };
}
