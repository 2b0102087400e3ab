// Ownership rules managed by an ADMIN: the services on the real tables (audited,
// repeatable) and /api/v1/ownership-rules with real tokens and roles.
import { describe, expect, it } from 'vitest';
import { DELETE, GET, PUT } from '@/app/api/v1/ownership-rules/route';
import { createPerson } from '../../../test/fixtures/exceptions.ts';
import { db } from '../../db/client.ts';
import { deleteOwnershipRule } from './delete-ownership-rule.ts';
import { setOwnershipRule } from './set-ownership-rule.ts';

const noParams = { params: Promise.resolve({}) };
const req = (path: string, init: RequestInit = {}) => new Request(`http://localhost${path}`, init);
const auditsOf = (entityId: string) => db().auditRecord.findMany({ where: { entityType: 'OwnershipRule', entityId }, orderBy: { at: 'asc' } });

describe('setOwnershipRule / deleteOwnershipRule', () => {
  it('creates, changes, repeats and deletes a rule, auditing each real change once', async () => {
    const { user } = await createPerson('ADMIN');
    const created = await setOwnershipRule({ userId: user.id, domain: 'Expense', field: '*', owningSystem: 'PSA', note: 'Expenses come from the PSA' });
    expect(created).toMatchObject({ changed: true, rule: { domain: 'Expense', field: '*', owningSystem: 'PSA', note: 'Expenses come from the PSA' } });
    expect((await setOwnershipRule({ userId: user.id, domain: 'Expense', field: '*', owningSystem: 'PSA' })).changed).toBe(false);
    const changed = await setOwnershipRule({ userId: user.id, domain: 'Expense', field: '*', owningSystem: 'ERP' });
    expect(changed.rule).toMatchObject({ owningSystem: 'ERP', note: 'Expenses come from the PSA' });

    expect(await deleteOwnershipRule({ userId: user.id, domain: 'Expense', field: '*' })).toEqual({ deleted: true });
    expect(await deleteOwnershipRule({ userId: user.id, domain: 'Expense', field: '*' })).toEqual({ deleted: false });

    const audits = await auditsOf(created.rule.id);
    expect(audits.map((a) => a.action)).toEqual(['ownership_rule.created', 'ownership_rule.updated', 'ownership_rule.deleted']);
    expect(audits[1]).toMatchObject({ actorType: 'USER', actorId: user.id, before: { owningSystem: 'PSA' }, after: { owningSystem: 'ERP' } });
  });

  it('refuses a field the entity does not have; "*" and real columns are fine', async () => {
    const { user } = await createPerson('ADMIN');
    await expect(setOwnershipRule({ userId: user.id, domain: 'Client', field: 'industry', owningSystem: 'CRM' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(setOwnershipRule({ userId: user.id, domain: 'Client', field: 'id', owningSystem: 'CRM' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(setOwnershipRule({ userId: user.id, domain: 'Timesheet', field: 'hours', owningSystem: 'PSA' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await setOwnershipRule({ userId: user.id, domain: 'UsageRecord', field: 'units', owningSystem: 'SERVICE_PLATFORM' })).changed).toBe(true);
  });

  it('concurrent admins setting the same new rule: one row, one creation', async () => {
    const { user } = await createPerson('ADMIN');
    const results = await Promise.all([1, 2, 3, 4].map(() => setOwnershipRule({ userId: user.id, domain: 'RevenueEntry', field: '*', owningSystem: 'ERP' })));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await auditsOf(results[0]!.rule.id)).toHaveLength(1);
  });
});

describe('/api/v1/ownership-rules', () => {
  const json = { 'content-type': 'application/json' };

  it('lets integration ops read the rules and only ADMIN change them', async () => {
    const ops = await createPerson('INTEGRATION_OPS');
    const admin = await createPerson('ADMIN');
    const finance = await createPerson('FINANCE');

    const list = await GET(req('/api/v1/ownership-rules?domain=Employee', { headers: ops.bearer }), noParams);
    expect(list.status).toBe(200);
    expect((await list.json()).rules).toEqual([expect.objectContaining({ domain: 'Employee', field: '*', owningSystem: 'HCM' })]);
    expect((await GET(req('/api/v1/ownership-rules', { headers: finance.bearer }), noParams)).status).toBe(403);

    const body = JSON.stringify({ domain: 'ChangeOrder', field: '*', owningSystem: 'CRM', note: 'Change orders are sold' });
    expect((await PUT(req('/api/v1/ownership-rules', { method: 'PUT', headers: { ...ops.bearer, ...json }, body }), noParams)).status).toBe(403);
    const put = await PUT(req('/api/v1/ownership-rules', { method: 'PUT', headers: { ...admin.bearer, ...json }, body }), noParams);
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ changed: true, rule: { domain: 'ChangeOrder', field: '*', owningSystem: 'CRM' } });

    const bad = await PUT(req('/api/v1/ownership-rules', { method: 'PUT', headers: { ...admin.bearer, ...json }, body: JSON.stringify({ domain: 'Nope', field: '*', owningSystem: 'MAINFRAME' }) }), noParams);
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/domain', '/owningSystem']);

    const removed = await DELETE(req('/api/v1/ownership-rules?domain=ChangeOrder&field=*', { method: 'DELETE', headers: admin.bearer }), noParams);
    expect(removed.status).toBe(204);
    expect(await db().ownershipRule.count({ where: { domain: 'ChangeOrder' } })).toBe(0);
  });
});
