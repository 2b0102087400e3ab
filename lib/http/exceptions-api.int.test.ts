// The exceptions API end to end on a real database: real Requests with personal API
// tokens against the route handlers, problem+json for every refusal.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GET as listRoute } from '@/app/api/v1/exceptions/route';
import { GET as detailRoute } from '@/app/api/v1/exceptions/[id]/route';
import { POST as actionRoute } from '@/app/api/v1/exceptions/[id]/actions/route';
import { db } from '../db/client.ts';
import type { ExceptionCode } from '../db/generated/enums.ts';
import { raiseException } from '../services/exceptions/raise-exception.ts';
import { createInboxEvent, createPerson, entityId } from '../../test/fixtures/exceptions.ts';

const noParams = { params: Promise.resolve({}) };
const withId = (id: string) => ({ params: Promise.resolve({ id }) });
const req = (path: string, init: RequestInit = {}) => new Request(`http://localhost${path}`, init);
const post = (headers: Record<string, string>, body: unknown) =>
  ({ method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }) satisfies RequestInit;

async function openException(code: ExceptionCode, correlationId: string, inboxEventId?: string) {
  return db().$transaction((tx) =>
    raiseException(tx, { code, entityType: 'Quote', entityId: entityId(), correlationId, inboxEventId, impact: { amount: '1200.00', currency: 'USD', date: new Date() }, now: new Date() }),
  );
}

async function problem(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return response.json();
}

describe('GET /api/v1/exceptions', () => {
  it('401 without a token, 403 for an executive, the queue for integration ops', async () => {
    const correlationId = `corr-${randomUUID()}`;
    await openException('UNMAPPED_SERVICE_SKU', correlationId);
    expect((await listRoute(req('/api/v1/exceptions'), noParams)).status).toBe(401);
    const executive = await createPerson('EXECUTIVE');
    const denied = await listRoute(req('/api/v1/exceptions', { headers: executive.bearer }), noParams);
    expect(denied.status).toBe(403);
    expect((await problem(denied)).code).toBe('FORBIDDEN');

    const ops = await createPerson('INTEGRATION_OPS');
    const response = await listRoute(req(`/api/v1/exceptions?correlationId=${correlationId}&status=OPEN,ASSIGNED`, { headers: ops.bearer }), noParams);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.nextCursor).toBeNull();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ code: 'UNMAPPED_SERVICE_SKU', status: 'OPEN', financialImpact: { amount: '1200.00', currency: 'USD' }, ownerTeam: 'SALES_OPS' });
  });

  it('pages with nextCursor; assignee=me; bad parameters and cursors are 400', async () => {
    const correlationId = `corr-${randomUUID()}`;
    const ops = await createPerson('INTEGRATION_OPS');
    for (let i = 0; i < 3; i++) await openException('SHORT_PAY_DEDUCTION', correlationId);
    const get = (query: string) => listRoute(req(`/api/v1/exceptions?correlationId=${correlationId}&${query}`, { headers: ops.bearer }), noParams);

    const first = await (await get('sort=-lastSeenAt&limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = await (await get(`sort=-lastSeenAt&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((i: { id: string }) => i.id)).size).toBe(3);

    expect((await (await get('assignee=me')).json()).items).toEqual([]);

    for (const query of ['cursor=nonsense', `sort=lastSeenAt&cursor=${first.nextCursor}`, 'status=CLOSED', 'limit=201', 'sort=title', 'code=NOPE']) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      expect((await problem(response)).errors, query).toEqual([expect.objectContaining({ parameter: expect.any(String), message: expect.any(String) })]);
    }
  });
});

describe('GET /api/v1/exceptions/{id}', () => {
  it('the exception with its actions and linked events; 404 for unknown and malformed ids', async () => {
    const finance = await createPerson('FINANCE');
    const held = await createInboxEvent('HELD');
    const exception = await openException('UNAPPLIED_CASH', `corr-${randomUUID()}`, held.id);
    const response = await detailRoute(req(`/api/v1/exceptions/${exception.id}`, { headers: finance.bearer }), withId(exception.id));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: exception.id, code: 'UNAPPLIED_CASH', actionCount: 1, eventCount: 1 });
    expect(body.actions).toMatchObject([{ kind: 'OPEN', actorType: 'SYSTEM' }]);
    expect(body.events).toMatchObject([{ id: held.id, status: 'HELD', type: held.type }]);

    expect((await detailRoute(req('/x', { headers: finance.bearer }), withId(randomUUID()))).status).toBe(404);
    expect((await detailRoute(req('/x', { headers: finance.bearer }), withId('42'))).status).toBe(404);
  });
});

describe('POST /api/v1/exceptions/{id}/actions', () => {
  it('role checks: executive 403 at the door, delivery 403 from the service, ops and finance allowed', async () => {
    const exception = await openException('SHORT_PAY_DEDUCTION', `corr-${randomUUID()}`);
    const act = (headers: Record<string, string>, body: unknown) => actionRoute(req(`/api/v1/exceptions/${exception.id}/actions`, post(headers, body)), withId(exception.id));
    const [executive, delivery, ops, finance] = await Promise.all([createPerson('EXECUTIVE'), createPerson('DELIVERY'), createPerson('INTEGRATION_OPS'), createPerson('FINANCE')]);

    expect((await act(executive.bearer, { action: 'assign' })).status).toBe(403);
    const refused = await act(delivery.bearer, { action: 'assign' });
    expect(refused.status).toBe(403);
    expect((await problem(refused)).detail).toContain('exceptions:triage');
    expect((await act(ops.bearer, { action: 'approve' })).status).toBe(403);

    const assigned = await act(ops.bearer, { action: 'assign', assigneeId: finance.user.id });
    expect(assigned.status).toBe(200);
    expect((await assigned.json()).exception).toMatchObject({ status: 'ASSIGNED', assignee: { id: finance.user.id, name: 'FINANCE person' } });

    const approved = await act(finance.bearer, { action: 'approve', note: 'Agreed deduction' });
    expect(approved.status).toBe(200);
    const body = await approved.json();
    expect(body.action).toMatchObject({ id: expect.any(String), alreadyDone: false });
    expect(body.exception).toMatchObject({ status: 'RESOLVED', resolution: 'Agreed deduction' });
    expect(body.exception.actions.map((a: { kind: string }) => a.kind)).toEqual(['OPEN', 'ASSIGN', 'APPROVE']);

    const audit = await db().auditRecord.findMany({ where: { entityId: exception.id }, orderBy: { at: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['exception.assigned', ops.user.id],
      ['exception.approved', finance.user.id],
    ]);
  });

  it('400 for a missing note or an unknown action, 409 for an invalid transition, 422 for push-correction of a code fixed in Threadline, 404 for an unknown id', async () => {
    const ops = await createPerson('INTEGRATION_OPS');
    const exception = await openException('UNMAPPED_SERVICE_SKU', `corr-${randomUUID()}`);
    const act = (body: unknown, id = exception.id) => actionRoute(req(`/api/v1/exceptions/${id}/actions`, post(ops.bearer, body)), withId(id));

    const noNote = await act({ action: 'resolve' });
    expect(noNote.status).toBe(400);
    expect((await problem(noNote)).errors).toEqual([{ pointer: '/note', message: 'Required.' }]);
    expect((await act({ action: 'explode' })).status).toBe(400);

    const push = await act({ action: 'push-correction' });
    expect(push.status).toBe(422);
    expect((await problem(push)).detail).toMatch(/UNMAPPED_SERVICE_SKU is not corrected in a connected system: fix the data or mapping in Threadline/);

    expect((await act({ action: 'resolve', note: 'Mapped the SKU' })).status).toBe(200);
    const again = await act({ action: 'resolve', note: 'Mapped the SKU' });
    expect(again.status).toBe(200);
    expect((await again.json()).action).toEqual({ id: null, alreadyDone: true });
    const conflict = await act({ action: 'suppress', reason: 'noise' });
    expect(conflict.status).toBe(409);
    expect((await problem(conflict)).code).toBe('CONFLICT');

    expect((await act({ action: 'assign' }, randomUUID())).status).toBe(404);
  });

  it('replay answers which events went back to the inbox', async () => {
    const ops = await createPerson('INTEGRATION_OPS');
    const held = await createInboxEvent('HELD');
    const exception = await openException('UNMAPPED_SERVICE_SKU', `corr-${randomUUID()}`, held.id);
    const response = await actionRoute(req(`/api/v1/exceptions/${exception.id}/actions`, post(ops.bearer, { action: 'replay' })), withId(exception.id));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.action.requeuedEventIds).toEqual([held.id]);
    expect(body.exception.events).toMatchObject([{ id: held.id, status: 'RECEIVED' }]);
  });
});
