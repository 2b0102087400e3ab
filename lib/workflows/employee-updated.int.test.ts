// q2c.employee.updated.v1 on a real database: creation through the crosswalk, cost-rate
// history, idempotent replays, the unknown-cost-center hold, stewardship and concurrency.
import { describe, expect, it } from 'vitest';
import { auditsOf, createTestConnector, runWorkflow, uniqueId } from '../../test/fixtures/master-data.ts';
import { db } from '../db/client.ts';
import type { EmployeeUpdatedData } from '../ingest/schemas/employee-updated.ts';
import type { WorkflowSender } from './workflow.ts';
import { employeeUpdatedWorkflow } from './employee-updated.ts';
import { WorkflowHold } from './workflow.ts';

const jan = new Date('2026-01-15T10:00:00Z');
const mar = new Date('2026-03-01T08:00:00Z');
const day = (d: Date) => d.toISOString().slice(0, 10);

function employee(overrides: Partial<EmployeeUpdatedData> = {}): EmployeeUpdatedData {
  return { employeeId: uniqueId('E'), name: 'Ada Lovelace', costRate: '95.5', currency: 'USD', costCenter: 'US01-ADV', ...overrides };
}

const run = (sender: WorkflowSender | null, data: EmployeeUpdatedData, time = jan) => runWorkflow(employeeUpdatedWorkflow, { sender, data, time });

async function employeeFor(system: string, externalId: string) {
  const ref = await db().externalRef.findUniqueOrThrow({ where: { system_entityType_externalId: { system, entityType: 'Employee', externalId } } });
  return db().employee.findUniqueOrThrow({ where: { id: ref.entityId }, include: { costCenter: true, legalEntity: true, costRates: { orderBy: { effectiveFrom: 'asc' } } } });
}

describe('q2c.employee.updated.v1', () => {
  it('creates a new employee with its crosswalk link, cost center, legal entity and first cost rate', async () => {
    const hcm = await createTestConnector('HCM');
    const data = employee();
    const { outcome, inboxEventId } = await run(hcm, data);
    expect(outcome).toEqual({ status: 'applied', note: 'Employee created.' });

    const row = await employeeFor(hcm.code, data.employeeId);
    expect(row).toMatchObject({ name: 'Ada Lovelace', sourceSystem: hcm.code, externalId: data.employeeId, costCurrency: 'USD' });
    expect(row.costRate?.toString()).toBe('95.5');
    expect(row.costCenter?.code).toBe('US01-ADV');
    expect(row.legalEntity?.code).toBe('US01');
    expect(row.costRates.map((r) => ({ from: day(r.effectiveFrom), rate: r.costRate.toString(), currency: r.currency }))).toEqual([{ from: '2026-01-15', rate: '95.5', currency: 'USD' }]);

    const audits = await auditsOf(row.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'employee.created', actorType: 'CONNECTOR', actorId: hcm.connectorId, entityType: 'Employee', eventId: inboxEventId, before: null });
    expect(audits[0]!.after).toMatchObject({ name: 'Ada Lovelace', costRate: '95.5', costCenterCode: 'US01-ADV', externalId: data.employeeId });
  });

  it('a replay of the same event changes nothing and writes no audit', async () => {
    const hcm = await createTestConnector('HCM');
    const data = employee();
    await run(hcm, data);
    expect((await run(hcm, data)).outcome).toEqual({ status: 'applied', note: 'No change.' });
    expect((await run(hcm, { ...data, costRate: '95.50' }, mar)).outcome).toEqual({ status: 'applied', note: 'No change.' });
    const row = await employeeFor(hcm.code, data.employeeId);
    expect(row.costRates).toHaveLength(1);
    expect(await auditsOf(row.id)).toHaveLength(1);
  });

  it('a new cost rate starts a new history entry from the event date; the same day corrects it', async () => {
    const hcm = await createTestConnector('HCM');
    const data = employee();
    await run(hcm, data);
    await run(hcm, { ...data, costRate: '110' }, mar);
    await run(hcm, { ...data, costRate: '112.25' }, new Date('2026-03-01T17:00:00Z'));

    const row = await employeeFor(hcm.code, data.employeeId);
    expect(row.costRate?.toString()).toBe('112.25');
    expect(row.costRates.map((r) => [day(r.effectiveFrom), r.costRate.toString()])).toEqual([['2026-01-15', '95.5'], ['2026-03-01', '112.25']]);
    const audits = await auditsOf(row.id);
    expect(audits.map((a) => a.action)).toEqual(['employee.created', 'employee.updated', 'employee.updated']);
    expect(audits[1]).toMatchObject({ before: { costRate: '95.5', costCurrency: 'USD' }, after: { costRate: '110', costCurrency: 'USD', costRateHistory: { costRate: '110', effectiveFrom: '2026-03-01T00:00:00.000Z' } } });

    // A late event dated in January with January's rate is already in the history.
    expect((await run(hcm, data, new Date('2026-02-01T00:00:00Z'))).outcome).toEqual({ status: 'applied', note: 'No change.' });
  });

  it('moves the employee to another cost center and its legal entity; audits only what changed', async () => {
    const hcm = await createTestConnector('HCM');
    const data = employee();
    await run(hcm, data);
    await run(hcm, { ...data, name: 'Ada King', costCenter: 'GB01-TRF' }, mar);
    const row = await employeeFor(hcm.code, data.employeeId);
    expect([row.name, row.costCenter?.code, row.legalEntity?.code, row.costRates.length]).toEqual(['Ada King', 'GB01-TRF', 'GB01', 1]);
    const [, moved] = await auditsOf(row.id);
    expect(Object.keys(moved!.after as object).sort()).toEqual(['costCenterCode', 'costCenterId', 'legalEntityId', 'name']);
    expect(moved!.before).toMatchObject({ name: 'Ada Lovelace', costCenterCode: 'US01-ADV' });
  });

  it('holds the event on an unknown cost center (UNKNOWN_EMPLOYEE, DATA_FIX) and writes nothing', async () => {
    const hcm = await createTestConnector('HCM');
    const data = employee({ costCenter: 'NOPE-42' });
    const error = await run(hcm, data).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowHold);
    expect((error as WorkflowHold).exception).toMatchObject({ code: 'UNKNOWN_EMPLOYEE', entityType: 'Employee', entityId: data.employeeId, details: { reason: 'UNKNOWN_COST_CENTER', costCenter: 'NOPE-42' } });
    expect(await db().employee.count({ where: { externalId: data.employeeId } })).toBe(0);

    // After the cost center is created, the replay completes.
    await db().costCenter.create({ data: { code: 'NOPE-42', name: 'Created by data stewardship' } });
    expect((await run(hcm, data)).outcome).toEqual({ status: 'applied', note: 'Employee created.' });
  });

  it('a system that does not own employees changes nothing and raises OWNERSHIP_VIOLATION linked to the event', async () => {
    const hcm = await createTestConnector('HCM');
    const psa = await createTestConnector('PSA');
    const data = employee();

    const unknown = await run(psa, data);
    expect(unknown.outcome).toMatchObject({ status: 'ignored' });
    expect(await db().employee.count({ where: { externalId: data.employeeId } })).toBe(0);
    const onCreate = await db().exception.findUniqueOrThrow({ where: { code_entityType_entityId: { code: 'OWNERSHIP_VIOLATION', entityType: 'Employee', entityId: data.employeeId } }, include: { events: true } });
    expect(onCreate.events.map((e) => e.inboxEventId)).toEqual([unknown.inboxEventId]);
    expect(onCreate.details).toMatchObject({ sender: psa.code, senderKind: 'PSA', refused: [{ field: '*', owner: 'HCM' }] });

    // The PSA knows the same person under its own id: its cost-rate change is refused.
    await run(hcm, data);
    const row = await employeeFor(hcm.code, data.employeeId);
    await db().externalRef.create({ data: { system: psa.code, entityType: 'Employee', externalId: 'PSA-77', entityId: row.id } });
    const change = await run(psa, { ...data, employeeId: 'PSA-77', costRate: '1' }, mar);
    expect(change.outcome).toMatchObject({ status: 'ignored' });
    const unchanged = await employeeFor(hcm.code, data.employeeId);
    expect([unchanged.costRate?.toString(), unchanged.costRates.length]).toEqual(['95.5', 1]);
    const violation = await db().exception.findUniqueOrThrow({ where: { code_entityType_entityId: { code: 'OWNERSHIP_VIOLATION', entityType: 'Employee', entityId: row.id } } });
    expect(violation.details).toMatchObject({ refused: [{ field: 'costRate', owner: 'HCM' }, { field: 'costCurrency', owner: 'HCM' }] });
    expect(await auditsOf(row.id)).toHaveLength(1);

    // The same values from the PSA are no change at all: nothing to refuse.
    expect((await run(psa, { ...data, employeeId: 'PSA-77' }, mar)).outcome).toEqual({ status: 'applied', note: 'No change.' });
  });

  it('two transactions mastering the same new employee at once: one employee, one link, one creation audit', async () => {
    const hcm = await createTestConnector('HCM');
    const data = employee();
    const outcomes = await Promise.all([run(hcm, data), run(hcm, data), run(hcm, data)]);
    expect(outcomes.map((o) => o.outcome).filter((o) => o?.note === 'Employee created.')).toHaveLength(1);
    expect(await db().employee.count({ where: { sourceSystem: hcm.code, externalId: data.employeeId } })).toBe(1);
    expect(await db().externalRef.count({ where: { system: hcm.code, externalId: data.employeeId } })).toBe(1);
    const row = await employeeFor(hcm.code, data.employeeId);
    expect(row.costRates).toHaveLength(1);
    expect(await auditsOf(row.id)).toHaveLength(1);
  });
});
