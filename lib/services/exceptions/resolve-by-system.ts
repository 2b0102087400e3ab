// Resolves an exception whose cause went away on its own (evidence arrived, the tax
// engine answered, the ERP confirmed): status RESOLVED with a note, a SYSTEM action and an
// audit record, in the caller's transaction. Nothing to do when there is no such exception
// or it is already closed, so callers may call it on every success.
import type { EntityType, ExceptionCode } from '../../db/generated/enums.ts';
import type { Tx } from '../../workflows/workflow.ts';
import { writeAudit } from '../audit/write-audit.ts';

export async function resolveExceptionBySystem(
  tx: Tx,
  options: { code: ExceptionCode; entityType: EntityType; entityId: string; resolution: string; now: Date; actorId?: string },
): Promise<boolean> {
  const { code, entityType, entityId, resolution, now } = options;
  const exception = await tx.exception.findUnique({ where: { code_entityType_entityId: { code, entityType, entityId } }, select: { id: true, status: true, correlationId: true } });
  if (!exception || exception.status === 'RESOLVED' || exception.status === 'SUPPRESSED') return false;
  const actorId = options.actorId ?? 'worker';
  await tx.exception.update({ where: { id: exception.id }, data: { status: 'RESOLVED', resolvedAt: now, resolution } });
  await tx.exceptionAction.create({ data: { exceptionId: exception.id, kind: 'RESOLVE', actorType: 'SYSTEM', actorId, note: resolution, at: now } });
  await writeAudit(tx, {
    actor: { type: 'SYSTEM', id: actorId },
    entityType: 'Exception',
    entityId: exception.id,
    action: 'exception.resolved',
    before: { status: exception.status },
    after: { status: 'RESOLVED', resolution },
    correlationId: exception.correlationId,
    at: now,
  });
  return true;
}
