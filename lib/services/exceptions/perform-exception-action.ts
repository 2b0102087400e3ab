// A person's triage action on one exception (DESIGN.md §7): permission, lock, check the
// state machine, act, and record it twice — an ExceptionAction (the exception's own
// history) and an AuditRecord (the append-only trail). Repeating a finished resolve or
// suppress (or assigning to the current assignee) is "already done" and writes nothing.
import { can, roleLabels } from '../../auth/permissions.ts';
import { db, Prisma } from '../../db/client.ts';
import type { Exception } from '../../db/generated/client.ts';
import type { Role } from '../../db/generated/enums.ts';
import { classify } from '../../domain/exceptions/classification.ts';
import { nextStatusAfter, type TriageAction, type Transition } from '../../domain/exceptions/exception-status.ts';
import { AppError } from '../../errors.ts';
import { toJsonSafe } from '../audit/to-json-safe.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { decisionEffectFor, type DecisionEffectOutcome } from './decision-effects.ts';
import { actionKind, actionPermission, auditVerb, type ExceptionActionName } from './exception-actions.ts';
import { requeueDeadCommands } from '../../outbox/requeue-dead-command.ts';
import type { CorrectionView } from '../corrections/correction-record.ts';
import { decideCorrection } from '../corrections/decide-correction.ts';
import { findPendingCorrection } from '../corrections/find-correction-actions.ts';
import { pushCorrection } from '../corrections/push-correction.ts';
import { requeueHeldEvents } from './requeue-held-events.ts';
import { resolveAssignee } from './resolve-assignee.ts';
import { isUuid } from '../../http/is-uuid.ts';

export interface PerformExceptionActionInput {
  exceptionId: string;
  action: ExceptionActionName;
  actor: { userId: string; role: Role };
  /** assign: who gets it; defaults to the actor. */
  assigneeId?: string | null;
  /** resolve (required), approve/reject (optional): what was done or decided and why. */
  note?: string | null;
  /** suppress (required). */
  reason?: string | null;
  /** push-correction: answer the diff and write nothing. */
  dryRun?: boolean;
  /** push-correction: the corrected value, for codes where Threadline cannot know it (a legal entity code). */
  value?: string | null;
  now: Date;
}

export interface PerformedExceptionAction {
  exception: Exception;
  /** The ExceptionAction written; null when the action was already done. */
  actionId: string | null;
  alreadyDone: boolean;
  /** replay: the inbox events put back to RECEIVED. */
  requeuedEventIds?: string[];
  /** replay of CONNECTOR_DELIVERY_FAILED: the dead commands put back in the outbox. */
  requeuedCommandIds?: string[];
  /** push-correction, or approve/reject of a pending one: the correction and its diff. */
  correction?: CorrectionView;
}


/** Runs in the caller's transaction, or opens its own when called without one. */
export function performExceptionAction(input: PerformExceptionActionInput): Promise<PerformedExceptionAction>;
export function performExceptionAction(tx: Prisma.TransactionClient, input: PerformExceptionActionInput): Promise<PerformedExceptionAction>;
export function performExceptionAction(
  txOrInput: Prisma.TransactionClient | PerformExceptionActionInput,
  maybeInput?: PerformExceptionActionInput,
): Promise<PerformedExceptionAction> {
  if (maybeInput) return perform(txOrInput as Prisma.TransactionClient, maybeInput);
  const input = txOrInput as PerformExceptionActionInput;
  return db().$transaction((tx) => perform(tx, input));
}

async function perform(tx: Prisma.TransactionClient, input: PerformExceptionActionInput): Promise<PerformedExceptionAction> {
  const { action, actor, now } = input;
  const permission = actionPermission[action];
  if (!permission) throw new AppError('BAD_REQUEST', `Unknown action: ${String(action)}.`);
  if (!can(actor.role, permission)) {
    throw new AppError('FORBIDDEN', `The ${roleLabels[actor.role]} role cannot ${action} exceptions (needs ${permission}).`);
  }
  const before = await lockException(tx, input.exceptionId);
  if (action === 'push-correction') {
    const pushed = await pushCorrection(tx, { exception: before, actor, dryRun: input.dryRun ?? false, value: input.value, note: input.note, now });
    return { exception: before, ...pushed };
  }
  // A correction that moves money waits for FINANCE: approve/reject decide it first.
  const pending = action === 'approve' || action === 'reject' ? await findPendingCorrection(tx, before.id) : undefined;
  if (pending) {
    const decided = await decideCorrection(tx, { exception: before, pending, decision: action as 'approve' | 'reject', actor, note: input.note, now });
    return { exception: before, ...decided };
  }

  const transition = nextStatusAfter(triageAction(input, before), before.status);
  if (!transition.ok) throw transitionError(transition);
  const assigneeId = action === 'assign' ? await resolveAssignee(tx, input.assigneeId ?? actor.userId) : undefined;
  const alreadyDone = transition.alreadyDone || (action === 'assign' && before.status === 'ASSIGNED' && before.assigneeId === assigneeId);
  if (alreadyDone) return { exception: before, actionId: null, alreadyDone: true };

  // What approving or rejecting means for this code, recorded with the decision.
  const decision = action === 'approve' || action === 'reject' ? classify(before.code).decision?.[action] : undefined;
  const note = (action === 'suppress' ? input.reason : input.note)?.trim() || null;
  const closing = transition.status === 'RESOLVED' || transition.status === 'SUPPRESSED';
  const after = await tx.exception.update({
    where: { id: before.id },
    data: {
      status: transition.status,
      ...(assigneeId !== undefined ? { assigneeId } : {}),
      ...(closing ? { resolution: note ?? decision ?? null, resolvedAt: transition.status === 'RESOLVED' ? now : null } : {}),
    },
  });
  const requeuedEventIds = action === 'replay' ? await requeueHeldEvents(tx, { exceptionId: before.id, now }) : undefined;
  const requeuedCommandIds = action === 'replay' ? await requeueDeadCommands(tx, { exception: before, now }) : undefined;
  // The decision's money effect (a credit note, a refund...) commits with the decision or not at all.
  const effect = decision !== undefined ? decisionEffectFor(before.code) : undefined;
  const effects = effect ? await effect(tx, { exception: before, decision: action as 'approve' | 'reject', actor, note, now }) : undefined;

  const recorded = await tx.exceptionAction.create({
    data: {
      exceptionId: before.id,
      kind: actionKind[action],
      actorType: 'USER',
      actorId: actor.userId,
      note,
      data: actionData({ action, assigneeId, requeuedEventIds, requeuedCommandIds, decision, effects }),
      ...(decision !== undefined ? { approvalStatus: action === 'approve' ? 'APPROVED' : 'REJECTED', decidedById: actor.userId, decidedAt: now } : {}),
      at: now,
    },
    select: { id: true },
  });
  await writeAudit(tx, {
    actor: { type: 'USER', id: actor.userId },
    entityType: 'Exception',
    entityId: before.id,
    action: auditVerb[action],
    before: snapshot(before),
    after: { ...snapshot(after), ...(requeuedEventIds ? { requeuedEventIds } : {}), ...(requeuedCommandIds?.length ? { requeuedCommandIds } : {}) },
    correlationId: before.correlationId,
    at: now,
  });
  return { exception: after, actionId: recorded.id, alreadyDone: false, ...(requeuedEventIds ? { requeuedEventIds } : {}), ...(requeuedCommandIds?.length ? { requeuedCommandIds } : {}) };
}

// SELECT ... FOR UPDATE first, so two people acting at once are judged one after the other.
async function lockException(tx: Prisma.TransactionClient, exceptionId: string): Promise<Exception> {
  if (!isUuid(exceptionId)) throw new AppError('NOT_FOUND', 'No such exception.');
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM "Exception" WHERE id = ${exceptionId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new AppError('NOT_FOUND', 'No such exception.');
  return tx.exception.findUniqueOrThrow({ where: { id: exceptionId } });
}

function triageAction(input: PerformExceptionActionInput, exception: Exception): TriageAction {
  switch (input.action) {
    case 'approve':
    case 'reject':
      return { kind: input.action, code: exception.code };
    case 'resolve':
      return { kind: 'resolve', note: input.note };
    case 'suppress':
      return { kind: 'suppress', reason: input.reason };
    default:
      return { kind: input.action === 'assign' ? 'assign' : 'replay' };
  }
}

function transitionError(transition: Extract<Transition, { ok: false }>): AppError {
  switch (transition.error) {
    case 'NOTE_REQUIRED':
      return new AppError('VALIDATION_FAILED', transition.message, { details: { errors: [{ pointer: '/note', message: 'Required.' }] } });
    case 'REASON_REQUIRED':
      return new AppError('VALIDATION_FAILED', transition.message, { details: { errors: [{ pointer: '/reason', message: 'Required.' }] } });
    case 'NOT_A_DECISION':
      return new AppError('UNPROCESSABLE', transition.message);
    case 'INVALID_TRANSITION':
      return new AppError('CONFLICT', transition.message);
  }
}

function actionData(parts: {
  action: ExceptionActionName;
  assigneeId?: string;
  requeuedEventIds?: string[];
  requeuedCommandIds?: string[];
  decision?: string;
  effects?: DecisionEffectOutcome;
}): Prisma.InputJsonValue | undefined {
  if (parts.assigneeId) return { assigneeId: parts.assigneeId };
  if (parts.requeuedEventIds) {
    const commands = parts.requeuedCommandIds?.length ? { requeuedCommandIds: parts.requeuedCommandIds } : {};
    return { requeuedEventIds: parts.requeuedEventIds, requeued: parts.requeuedEventIds.length, ...commands };
  }
  // effectsApplied: whether the code's decision effect (decision-effects.ts) put the money
  // effect in place; false for codes without one, so that work can find them later.
  if (parts.decision) {
    const effects = parts.effects?.details ? { effects: toJsonSafe(parts.effects.details) as Prisma.InputJsonObject } : {};
    return { decision: parts.action, meaning: parts.decision, effectsApplied: parts.effects?.applied ?? false, ...effects };
  }
  return undefined;
}

const snapshot = (e: Exception) => ({ status: e.status, assigneeId: e.assigneeId, resolution: e.resolution, resolvedAt: e.resolvedAt });
