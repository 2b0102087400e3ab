// Triage actions on a real PostgreSQL: who may do what, the state machine's answers as
// AppErrors, replay re-queueing held events, and the two records every action leaves.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import type { ExceptionCode } from '../../db/generated/enums.ts';
import { isAppError } from '../../errors.ts';
import { createInboxEvent, createPerson, entityId } from '../../../test/fixtures/exceptions.ts';
import { performExceptionAction, type PerformExceptionActionInput } from './perform-exception-action.ts';
import { raiseException } from './raise-exception.ts';

const now = new Date('2026-03-02T09:00:00.000Z');

async function openException(code: ExceptionCode = 'UNMAPPED_SERVICE_SKU', inboxEventIds: string[] = []) {
  const id = entityId();
  let exception = await db().$transaction((tx) => raiseException(tx, { code, entityType: 'Quote', entityId: id, correlationId: `corr-${id}`, now }));
  for (const inboxEventId of inboxEventIds) {
    exception = await db().$transaction((tx) => raiseException(tx, { code, entityType: 'Quote', entityId: id, inboxEventId, now }));
  }
  return exception;
}

type Act = Omit<PerformExceptionActionInput, 'now' | 'exceptionId'>;
const act = (exceptionId: string, input: Act) => performExceptionAction({ exceptionId, now, ...input });

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return 'no error';
}

describe('performExceptionAction: permissions (checked in the service too)', () => {
  it.each([
    ['EXECUTIVE', 'assign', 'FORBIDDEN'],
    ['EXECUTIVE', 'approve', 'FORBIDDEN'],
    ['DELIVERY', 'resolve', 'FORBIDDEN'],
    ['ADMIN', 'suppress', 'FORBIDDEN'],
    ['FINANCE', 'replay', 'FORBIDDEN'],
    ['INTEGRATION_OPS', 'approve', 'FORBIDDEN'],
    ['INTEGRATION_OPS', 'assign', 'ok'],
    ['INTEGRATION_OPS', 'replay', 'ok'],
    ['FINANCE', 'approve', 'ok'],
    ['FINANCE', 'reject', 'ok'],
  ] as const)('%s %s → %s', async (role, action, expected) => {
    const person = await createPerson(role);
    const exception = await openException('SHORT_PAY_DEDUCTION');
    const outcome = await errorCode(act(exception.id, { action, actor: person.actor }));
    expect(outcome === 'no error' ? 'ok' : outcome).toBe(expected);
  });

  it('403 comes before 404, so ids cannot be probed', async () => {
    const executive = await createPerson('EXECUTIVE');
    expect(await errorCode(act(randomUUID(), { action: 'assign', actor: executive.actor }))).toBe('FORBIDDEN');
  });
});

describe('performExceptionAction: the state machine', () => {
  it('assign (to self by default, or to someone who can see the queue), then resolve with a note', async () => {
    const ops = await createPerson('INTEGRATION_OPS');
    const delivery = await createPerson('DELIVERY');
    const executive = await createPerson('EXECUTIVE');
    const exception = await openException();

    const mine = await act(exception.id, { action: 'assign', actor: ops.actor });
    expect(mine.exception).toMatchObject({ status: 'ASSIGNED', assigneeId: ops.user.id });
    const again = await act(exception.id, { action: 'assign', actor: ops.actor });
    expect(again).toMatchObject({ alreadyDone: true, actionId: null });
    const theirs = await act(exception.id, { action: 'assign', actor: ops.actor, assigneeId: delivery.user.id });
    expect(theirs.exception.assigneeId).toBe(delivery.user.id);
    expect(await errorCode(act(exception.id, { action: 'assign', actor: ops.actor, assigneeId: executive.user.id }))).toBe('VALIDATION_FAILED');
    expect(await errorCode(act(exception.id, { action: 'assign', actor: ops.actor, assigneeId: randomUUID() }))).toBe('VALIDATION_FAILED');

    expect(await errorCode(act(exception.id, { action: 'resolve', actor: ops.actor }))).toBe('VALIDATION_FAILED');
    const resolved = await act(exception.id, { action: 'resolve', actor: ops.actor, note: 'Mapped SKU X-1 to CONSULTING' });
    expect(resolved.exception).toMatchObject({ status: 'RESOLVED', resolution: 'Mapped SKU X-1 to CONSULTING', resolvedAt: now });
    expect(await act(exception.id, { action: 'resolve', actor: ops.actor, note: 'again' })).toMatchObject({ alreadyDone: true });
    expect(await errorCode(act(exception.id, { action: 'assign', actor: ops.actor }))).toBe('CONFLICT');
    expect(await errorCode(act(exception.id, { action: 'suppress', actor: ops.actor, reason: 'noise' }))).toBe('CONFLICT');

    const kinds = (await db().exceptionAction.findMany({ where: { exceptionId: exception.id, actorType: 'USER' }, orderBy: { at: 'asc' } })).map((a) => a.kind);
    expect(kinds).toEqual(['ASSIGN', 'ASSIGN', 'RESOLVE']);
  });

  it('suppress needs a reason; a suppressed exception cannot be replayed', async () => {
    const ops = await createPerson('INTEGRATION_OPS');
    const exception = await openException('TAX_ENGINE_UNAVAILABLE');
    expect(await errorCode(act(exception.id, { action: 'suppress', actor: ops.actor, reason: ' ' }))).toBe('VALIDATION_FAILED');
    const suppressed = await act(exception.id, { action: 'suppress', actor: ops.actor, reason: 'Sandbox tax engine' });
    expect(suppressed.exception).toMatchObject({ status: 'SUPPRESSED', resolution: 'Sandbox tax engine', resolvedAt: null });
    expect(await errorCode(act(exception.id, { action: 'replay', actor: ops.actor }))).toBe('CONFLICT');
  });

  it('approve/reject record a finance decision and resolve; only on decision codes', async () => {
    const finance = await createPerson('FINANCE');
    const deduction = await openException('SHORT_PAY_DEDUCTION');
    const approved = await act(deduction.id, { action: 'approve', actor: finance.actor, note: 'Agreed with the client: damaged deliverable' });
    expect(approved.exception).toMatchObject({ status: 'RESOLVED', resolution: 'Agreed with the client: damaged deliverable' });
    const action = await db().exceptionAction.findUniqueOrThrow({ where: { id: approved.actionId! } });
    expect(action).toMatchObject({ kind: 'APPROVE', approvalStatus: 'APPROVED', decidedById: finance.user.id, decidedAt: now, data: { decision: 'approve', effectsApplied: false } });
    expect(await errorCode(act(deduction.id, { action: 'reject', actor: finance.actor }))).toBe('CONFLICT');

    const dispute = await openException('PAYMENT_DISPUTED');
    const rejected = await act(dispute.id, { action: 'reject', actor: finance.actor });
    expect(rejected.exception).toMatchObject({ status: 'RESOLVED', resolution: 'Contest the dispute' });

    const sku = await openException('UNMAPPED_SERVICE_SKU');
    expect(await errorCode(act(sku.id, { action: 'approve', actor: finance.actor }))).toBe('UNPROCESSABLE');
  });

  it('push-correction on a code fixed in Threadline (not in a connected system) is 422; unknown and malformed ids are 404', async () => {
    const ops = await createPerson('INTEGRATION_OPS');
    const exception = await openException();
    expect(await errorCode(act(exception.id, { action: 'push-correction', actor: ops.actor }))).toBe('UNPROCESSABLE');
    expect(await errorCode(act(randomUUID(), { action: 'assign', actor: ops.actor }))).toBe('NOT_FOUND');
    expect(await errorCode(act('not-a-uuid', { action: 'assign', actor: ops.actor }))).toBe('NOT_FOUND');
  });

  it('two people resolving at once: one resolves, the other is told it is already done', async () => {
    const a = await createPerson('INTEGRATION_OPS');
    const b = await createPerson('INTEGRATION_OPS');
    const exception = await openException();
    const results = await Promise.all([
      act(exception.id, { action: 'resolve', actor: a.actor, note: 'a fixed it' }),
      act(exception.id, { action: 'resolve', actor: b.actor, note: 'b fixed it' }),
    ]);
    expect(results.map((r) => r.alreadyDone).sort()).toEqual([false, true]);
    expect(await db().exceptionAction.count({ where: { exceptionId: exception.id, kind: 'RESOLVE' } })).toBe(1);
  });
});

describe('performExceptionAction: replay', () => {
  it('puts HELD and FAILED linked events back to RECEIVED, leaves the others, keeps lastError', async () => {
    const ops = await createPerson('INTEGRATION_OPS');
    const held = await createInboxEvent('HELD', 'SKU X-1 is not mapped');
    const failed = await createInboxEvent('FAILED', 'timeout');
    const processed = await createInboxEvent('PROCESSED', null);
    const unrelated = await createInboxEvent('HELD');
    const exception = await openException('UNMAPPED_SERVICE_SKU', [held.id, failed.id, processed.id]);

    const replayed = await act(exception.id, { action: 'replay', actor: ops.actor });
    expect(replayed.requeuedEventIds?.sort()).toEqual([held.id, failed.id].sort());
    expect(replayed.exception.status).toBe('OPEN');
    const events = await db().inboxEvent.findMany({ where: { id: { in: [held.id, failed.id, processed.id, unrelated.id] } } });
    const byId = new Map(events.map((e) => [e.id, e]));
    expect(byId.get(held.id)).toMatchObject({ status: 'RECEIVED', nextAttemptAt: now, lastError: 'SKU X-1 is not mapped' });
    expect(byId.get(failed.id)).toMatchObject({ status: 'RECEIVED', nextAttemptAt: now });
    expect(byId.get(processed.id)?.status).toBe('PROCESSED');
    expect(byId.get(unrelated.id)?.status).toBe('HELD');

    const again = await act(exception.id, { action: 'replay', actor: ops.actor });
    expect(again.requeuedEventIds).toEqual([]);
  });
});

describe('performExceptionAction: every action is audited', () => {
  it('writes an ExceptionAction and an AuditRecord with before and after', async () => {
    const ops = await createPerson('INTEGRATION_OPS');
    const exception = await openException();
    await act(exception.id, { action: 'assign', actor: ops.actor });
    await act(exception.id, { action: 'replay', actor: ops.actor });
    await act(exception.id, { action: 'resolve', actor: ops.actor, note: 'done' });
    const audit = await db().auditRecord.findMany({ where: { entityType: 'Exception', entityId: exception.id }, orderBy: [{ at: 'asc' }, { action: 'asc' }] });
    expect(audit.map((a) => a.action).sort()).toEqual(['exception.assigned', 'exception.replayed', 'exception.resolved']);
    const resolvedRecord = audit.find((a) => a.action === 'exception.resolved');
    expect(resolvedRecord).toMatchObject({
      actorType: 'USER',
      actorId: ops.user.id,
      correlationId: exception.correlationId,
      before: { status: 'ASSIGNED', assigneeId: ops.user.id, resolution: null, resolvedAt: null },
      after: { status: 'RESOLVED', assigneeId: ops.user.id, resolution: 'done', resolvedAt: now.toISOString() },
    });
    expect(await db().exceptionAction.count({ where: { exceptionId: exception.id, actorType: 'USER' } })).toBe(3);
  });
});
