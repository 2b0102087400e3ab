// FINANCE's decision on a correction that moves money (DESIGN.md §6): approve puts it
// into the outbox exactly as it was previewed (approvedBy on the command), reject drops
// it. The person who proposed it cannot approve it. The pending action records the
// decision (approvalStatus, decidedBy/At, the command); an APPROVE or REJECT action and an
// audit record say who decided. The exception's own status does not change: the owning
// system applies the correction and the usual flows (replay, reconciliation) close it.
import type { Exception } from '../../db/generated/client.ts';
import type { Role } from '../../db/generated/enums.ts';
import { AppError } from '../../errors.ts';
import type { Prisma } from '../../db/client.ts';
import type { Tx } from '../../workflows/workflow.ts';
import { toJsonSafe } from '../audit/to-json-safe.ts';
import { correctionView } from './correction-record.ts';
import { enqueueCorrection } from './enqueue-correction.ts';
import type { StoredCorrectionAction } from './find-correction-actions.ts';
import { audit, type CorrectionOutcome } from './push-correction.ts';

export async function decideCorrection(
  tx: Tx,
  options: { exception: Exception; pending: StoredCorrectionAction; decision: 'approve' | 'reject'; actor: { userId: string; role: Role }; note?: string | null; now: Date },
): Promise<CorrectionOutcome> {
  const { exception, pending, decision, actor, now } = options;
  if (pending.actorId === actor.userId) {
    throw new AppError('FORBIDDEN', 'You proposed this correction; someone else in Finance must approve or reject it.');
  }
  const note = options.note?.trim() || null;
  const commandIds = decision === 'approve' ? (await enqueueCorrection(tx, { exception, correction: pending.correction, approvedBy: actor.userId })).commandIds : [];
  const approvalStatus = decision === 'approve' ? 'APPROVED' : 'REJECTED';
  await tx.exceptionAction.update({
    where: { id: pending.id },
    data: {
      approvalStatus,
      decidedById: actor.userId,
      decidedAt: now,
      outboxCommandId: commandIds[0] ?? null,
      data: toJsonSafe({ correction: pending.correction, commandIds }) as Prisma.InputJsonValue,
    },
  });
  const decided = await tx.exceptionAction.create({
    data: {
      exceptionId: exception.id,
      kind: decision === 'approve' ? 'APPROVE' : 'REJECT',
      actorType: 'USER',
      actorId: actor.userId,
      note,
      data: toJsonSafe({ decision, correctionActionId: pending.id, commandIds }) as Prisma.InputJsonValue,
      approvalStatus,
      decidedById: actor.userId,
      decidedAt: now,
      outboxCommandId: commandIds[0] ?? null,
      at: now,
    },
    select: { id: true },
  });
  await audit(tx, {
    exception,
    actor,
    now,
    verb: decision === 'approve' ? 'exception.correction-approved' : 'exception.correction-rejected',
    correction: pending.correction,
    actionId: pending.id,
    commandIds,
    before: { approvalStatus: 'PENDING', proposedBy: pending.actorId },
  });
  const status = decision === 'approve' ? 'ENQUEUED' : 'REJECTED';
  return { actionId: decided.id, alreadyDone: false, correction: correctionView(pending.correction, status, pending.id, commandIds) };
}
