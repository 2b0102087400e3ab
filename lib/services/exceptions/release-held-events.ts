// When the cause of a hold goes away by itself — the quote a change order waited for was
// accepted, the HCM mastered the employee a timesheet named — the events held under that
// exception go back to the inbox and the exception is resolved by the system, in the
// caller's transaction. Nothing happens when there is no such exception or it is resolved;
// a suppressed one keeps its status but its events are released all the same.
import type { EntityType, ExceptionCode } from '../../db/generated/enums.ts';
import type { Tx } from '../../workflows/workflow.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { requeueHeldEvents } from './requeue-held-events.ts';

export async function releaseHeldEvents(
  tx: Tx,
  options: { key: { code: ExceptionCode; entityType: EntityType; entityId: string }; resolution: (requeued: number) => string; now: Date },
): Promise<string[]> {
  const exception = await tx.exception.findUnique({ where: { code_entityType_entityId: options.key } });
  if (!exception || exception.status === 'RESOLVED') return [];
  const requeued = await requeueHeldEvents(tx, { exceptionId: exception.id, now: options.now });
  if (exception.status === 'SUPPRESSED') return requeued;

  const resolution = options.resolution(requeued.length);
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
