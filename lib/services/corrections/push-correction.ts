// "Push a correction to the owning system" (DESIGN.md §6-§7), inside the triage action's
// transaction with the exception row locked. A dry run answers the diff and writes
// nothing. Otherwise a correction that moves no money goes into the outbox now (audited);
// one that moves money is recorded as PENDING until a FINANCE user approves or rejects it
// (decide-correction.ts). Safe to repeat: the same correction pushed again, or proposed
// again while it waits, is "already done".
import { Prisma } from '../../db/client.ts';
import type { Exception } from '../../db/generated/client.ts';
import type { Role } from '../../db/generated/enums.ts';
import { AppError } from '../../errors.ts';
import type { Tx } from '../../workflows/workflow.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { toJsonSafe } from '../audit/to-json-safe.ts';
import { correctionView, type CorrectionView, type SettledCorrection } from './correction-record.ts';
import { enqueueCorrection } from './enqueue-correction.ts';
import { findCorrectionActions } from './find-correction-actions.ts';
import { prepareCorrection } from './prepare-correction.ts';

export interface CorrectionOutcome {
  actionId: string | null;
  alreadyDone: boolean;
  correction: CorrectionView;
}

export async function pushCorrection(
  tx: Tx,
  options: { exception: Exception; actor: { userId: string; role: Role }; dryRun: boolean; value?: string | null; note?: string | null; now: Date },
): Promise<CorrectionOutcome> {
  const { exception, actor, now } = options;
  if (exception.status !== 'OPEN' && exception.status !== 'ASSIGNED') {
    throw new AppError('CONFLICT', `A ${exception.status.toLowerCase()} exception takes no correction; reopen it by fixing the cause first.`);
  }
  const correction = await prepareCorrection(tx, { exception, value: options.value });
  if (options.dryRun) return { actionId: null, alreadyDone: false, correction: correctionView(correction, 'PREVIEW', null) };

  const earlier = await findCorrectionActions(tx, exception.id);
  const pending = earlier.find((a) => a.approvalStatus === 'PENDING');
  if (pending) {
    if (pending.correction.fingerprint !== correction.fingerprint) {
      throw new AppError('CONFLICT', 'Another correction of this exception awaits FINANCE approval; it must be approved or rejected first.');
    }
    return { actionId: pending.id, alreadyDone: true, correction: correctionView(pending.correction, 'PENDING_APPROVAL', pending.id) };
  }
  const sent = earlier.find((a) => a.outboxCommandId !== null && a.correction.fingerprint === correction.fingerprint);
  if (sent) return { actionId: sent.id, alreadyDone: true, correction: correctionView(sent.correction, 'ENQUEUED', sent.id, sent.commandIds) };

  const note = options.note?.trim() || null;
  if (correction.plan.movesMoney) {
    const action = await record(tx, { exception, actor, correction, note, now, approvalStatus: 'PENDING', commandIds: [] });
    await audit(tx, { exception, actor, now, verb: 'exception.correction-proposed', correction, actionId: action });
    return { actionId: action, alreadyDone: false, correction: correctionView(correction, 'PENDING_APPROVAL', action) };
  }
  const { commandIds, created } = await enqueueCorrection(tx, { exception, correction, approvedBy: null });
  if (!created) return { actionId: null, alreadyDone: true, correction: correctionView(correction, 'ENQUEUED', null, commandIds) };
  const action = await record(tx, { exception, actor, correction, note, now, approvalStatus: 'NOT_REQUIRED', commandIds });
  await audit(tx, { exception, actor, now, verb: 'exception.correction-pushed', correction, actionId: action, commandIds });
  return { actionId: action, alreadyDone: false, correction: correctionView(correction, 'ENQUEUED', action, commandIds) };
}

async function record(
  tx: Tx,
  o: { exception: Exception; actor: { userId: string }; correction: SettledCorrection; note: string | null; now: Date; approvalStatus: 'PENDING' | 'NOT_REQUIRED'; commandIds: string[] },
): Promise<string> {
  const row = await tx.exceptionAction.create({
    data: {
      exceptionId: o.exception.id,
      kind: 'PUSH_CORRECTION',
      actorType: 'USER',
      actorId: o.actor.userId,
      note: o.note,
      data: toJsonSafe({ correction: o.correction, commandIds: o.commandIds }) as Prisma.InputJsonValue,
      approvalStatus: o.approvalStatus,
      outboxCommandId: o.commandIds[0] ?? null,
      at: o.now,
    },
    select: { id: true },
  });
  return row.id;
}

/** The audit record of a correction step: who, which exception, and the diff. */
export async function audit(
  tx: Tx,
  o: { exception: Exception; actor: { userId: string }; now: Date; verb: string; correction: SettledCorrection; actionId: string; commandIds?: string[]; before?: unknown },
): Promise<void> {
  const view = correctionView(o.correction, 'PREVIEW', o.actionId, o.commandIds);
  await writeAudit(tx, {
    actor: { type: 'USER', id: o.actor.userId },
    entityType: 'Exception',
    entityId: o.exception.id,
    action: o.verb,
    before: o.before ?? null,
    after: { correctionActionId: o.actionId, movesMoney: view.movesMoney, amount: view.amount, diff: view.diff, ...(o.commandIds ? { commandIds: o.commandIds } : {}) },
    correlationId: o.exception.correlationId,
    at: o.now,
  });
}
