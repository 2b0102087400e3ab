// POST /api/v1/exceptions/bulk-actions on a real database: many exceptions assigned in one
// call, each audited on its own; one that cannot be assigned is reported, the rest go
// through; a role without exceptions:triage changes nothing.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POST as bulkRoute } from '@/app/api/v1/exceptions/bulk-actions/route';
import { db } from '../db/client.ts';
import { raiseException } from '../services/exceptions/raise-exception.ts';
import { performExceptionAction } from '../services/exceptions/perform-exception-action.ts';
import { createPerson, entityId } from '../../test/fixtures/exceptions.ts';

const noParams = { params: Promise.resolve({}) };
const post = (headers: Record<string, string>, body: unknown) =>
  bulkRoute(new Request('http://localhost/api/v1/exceptions/bulk-actions', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }), noParams);

const open = () => db().$transaction((tx) => raiseException(tx, { code: 'UNMAPPED_SERVICE_SKU', entityType: 'Quote', entityId: entityId(), now: new Date() }));

describe('POST /api/v1/exceptions/bulk-actions', () => {
  it('assigns each to the caller, audits each, reports the one already closed and the unknown id', async () => {
    const ops = await createPerson('INTEGRATION_OPS');
    const [a, b, closed] = [await open(), await open(), await open()];
    await performExceptionAction({ exceptionId: closed.id, action: 'resolve', note: 'fixed upstream', actor: ops.actor, now: new Date() });
    const unknown = randomUUID();

    const response = await post(ops.bearer, { action: 'assign', exceptionIds: [a.id, b.id, closed.id, unknown, a.id] });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ action: 'assign', assigneeId: ops.user.id, assigned: 2, alreadyDone: 0, failed: 2 });
    expect(body.results.map((r: { id: string; outcome: string; error?: { code: string } }) => [r.id, r.outcome, r.error?.code])).toEqual([
      [a.id, 'assigned', undefined],
      [b.id, 'assigned', undefined],
      [closed.id, 'failed', 'CONFLICT'],
      [unknown, 'failed', 'NOT_FOUND'],
    ]);
    const rows = await db().exception.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(rows.map((r) => [r.status, r.assigneeId])).toEqual([['ASSIGNED', ops.user.id], ['ASSIGNED', ops.user.id]]);
    const audits = await db().auditRecord.findMany({ where: { entityId: { in: [a.id, b.id] }, action: 'exception.assigned' } });
    expect(audits).toHaveLength(2);
    expect(await db().exceptionAction.count({ where: { exceptionId: { in: [a.id, b.id] }, kind: 'ASSIGN', actorId: ops.user.id } })).toBe(2);

    // Again: nothing new, each one already done.
    const again = await (await post(ops.bearer, { action: 'assign', exceptionIds: [a.id, b.id] })).json();
    expect(again).toMatchObject({ assigned: 0, alreadyDone: 2, failed: 0 });
  });

  it('assigns to a colleague; refuses an executive as assignee and a role without triage, changing nothing', async () => {
    const [ops, colleague, executive, finance] = [await createPerson('INTEGRATION_OPS'), await createPerson('INTEGRATION_OPS'), await createPerson('EXECUTIVE'), await createPerson('FINANCE')];
    const e = await open();
    const toColleague = await (await post(ops.bearer, { action: 'assign', exceptionIds: [e.id], assigneeId: colleague.user.id })).json();
    expect(toColleague).toMatchObject({ assigneeId: colleague.user.id, assigned: 1 });

    const badAssignee = await post(ops.bearer, { action: 'assign', exceptionIds: [e.id], assigneeId: executive.user.id });
    expect(badAssignee.status).toBe(400);
    const forbidden = await post(finance.bearer, { action: 'assign', exceptionIds: [e.id] });
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).detail).toMatch(/exceptions:triage/);
    expect((await db().exception.findUniqueOrThrow({ where: { id: e.id } })).assigneeId).toBe(colleague.user.id);
  });

  it('400 for a bad body: no ids, too many, not uuids, another action', async () => {
    const ops = await createPerson('INTEGRATION_OPS');
    for (const body of [
      { action: 'assign', exceptionIds: [] },
      { action: 'assign', exceptionIds: Array.from({ length: 201 }, () => randomUUID()) },
      { action: 'assign', exceptionIds: ['nope'] },
      { action: 'resolve', exceptionIds: [randomUUID()] },
    ]) {
      const response = await post(ops.bearer, body);
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});
