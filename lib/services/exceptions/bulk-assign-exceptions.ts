// Bulk assign from the queue (issue 6): many exceptions to one person in one call. Each
// exception is its own triage action — its own transaction, row lock, state check,
// ExceptionAction and AuditRecord — so one that was resolved meanwhile is reported and the
// others still go through, like the ingest batch judged event by event. The permission and
// the assignee are checked once, up front: a call that cannot succeed changes nothing.
import { can, roleLabels } from '../../auth/permissions.ts';
import { db } from '../../db/client.ts';
import type { Role } from '../../db/generated/enums.ts';
import { AppError, isAppError, type ErrorCode } from '../../errors.ts';
import { log } from '../../log.ts';
import { MAX_BULK_EXCEPTIONS } from './exception-actions.ts';
import { performExceptionAction } from './perform-exception-action.ts';
import { resolveAssignee } from './resolve-assignee.ts';

export interface BulkAssignResult {
  assigneeId: string;
  assigned: number;
  alreadyDone: number;
  failed: number;
  /** One per requested exception, in the order asked. */
  results: { id: string; outcome: 'assigned' | 'alreadyDone' | 'failed'; error?: { code: ErrorCode; message: string } }[];
}

export async function bulkAssignExceptions(options: {
  exceptionIds: readonly string[];
  actor: { userId: string; role: Role };
  /** Defaults to the actor. */
  assigneeId?: string | null;
  now: Date;
}): Promise<BulkAssignResult> {
  const { actor, now } = options;
  if (!can(actor.role, 'exceptions:triage')) {
    throw new AppError('FORBIDDEN', `The ${roleLabels[actor.role]} role cannot assign exceptions (needs exceptions:triage).`);
  }
  const ids = [...new Set(options.exceptionIds)];
  if (ids.length === 0) throw new AppError('VALIDATION_FAILED', 'Choose at least one exception.', { details: { errors: [{ pointer: '/exceptionIds', message: 'Empty.' }] } });
  if (ids.length > MAX_BULK_EXCEPTIONS) {
    throw new AppError('VALIDATION_FAILED', `At most ${MAX_BULK_EXCEPTIONS} exceptions at once.`, { details: { errors: [{ pointer: '/exceptionIds', message: 'Too many.' }] } });
  }
  const assigneeId = await resolveAssignee(db(), options.assigneeId ?? actor.userId);

  const results: BulkAssignResult['results'] = [];
  for (const id of ids) {
    try {
      const done = await performExceptionAction({ exceptionId: id, action: 'assign', actor, assigneeId, now });
      results.push({ id, outcome: done.alreadyDone ? 'alreadyDone' : 'assigned' });
    } catch (error) {
      if (!isAppError(error)) log.error('bulk assign failed on one exception', { exceptionId: id, error: String(error) });
      results.push({ id, outcome: 'failed', error: isAppError(error) ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: 'This exception could not be assigned.' } });
    }
  }
  const count = (outcome: BulkAssignResult['results'][number]['outcome']) => results.filter((r) => r.outcome === outcome).length;
  return { assigneeId, assigned: count('assigned'), alreadyDone: count('alreadyDone'), failed: count('failed'), results };
}
