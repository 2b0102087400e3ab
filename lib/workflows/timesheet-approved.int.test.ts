// q2c.timesheet.approved.v1 through the real inbox processor: entries priced at the
// contract rate (then the list rate) and costed at the HCM rate of the work date, with audit
// and lineage; engagementRef by the PSA's own project id; holds for an unknown engagement
// (impact at list rates), an unknown employee and a missing rate — the last completed by
// adding the rate and replaying the held event.
import { describe, expect, it } from 'vitest';
import { addRate, createEmployee, createEngagement, deliver, deliveryConnectors, timesheet, uniqueId } from '../../test/fixtures/billing.ts';
import { putInInbox } from '../../test/support/inbox.ts';
import { db } from '../db/client.ts';
import { requeueHeldEvents } from '../services/exceptions/requeue-held-events.ts';
import { processInboxBatch } from './process-inbox-batch.ts';
import { buildWorkflowResolver } from './registry.ts';
import { deliveryWorkflows } from './registry-delivery.ts';
import { TIMESHEET_APPROVED_V1, timesheetApprovedWorkflow } from './timesheet-approved.ts';

const settings = { batchSize: 50, gapTimeoutMs: 60_000, maxAttempts: 3, resolve: buildWorkflowResolver(deliveryWorkflows), random: () => 0 };
const drain = async () => {
  while ((await processInboxBatch(settings)).claimed > 0);
};

async function submit(connectorId: string, data: ReturnType<typeof timesheet>, sequence = 1) {
  const [written] = await putInInbox(connectorId, [{ type: TIMESHEET_APPROVED_V1, source: '/test/psa', subject: data.timesheetId, sequence, data }]);
  await drain();
  return db().inboxEvent.findUniqueOrThrow({ where: { id: written!.inboxEventId }, include: { exceptions: { include: { exception: true } } } });
}

describe('q2c.timesheet.approved.v1', () => {
  it('records each entry priced, costed and traced; the PSA project id resolves the engagement', async () => {
    const { psa } = await deliveryConnectors();
    const projectId = uniqueId('PSA-P');
    const engagement = await createEngagement({ psaProjectId: projectId, contractRates: [{ role: 'MANAGER', rate: '450' }] });
    const employee = await createEmployee({ costRate: '100', currency: 'GBP', costCenter: 'GB01-ADV' });
    const data = timesheet(projectId, employee.externalId, [
      { date: '2026-04-01', hours: '7.5', role: 'MANAGER' },
      { date: '2026-04-02', hours: '2', role: 'ANALYST' },
      { date: '2026-04-02', hours: '1', role: 'ANALYST', billable: false },
    ]);
    const event = await submit(psa.connectorId, data);
    expect(event.status).toBe('PROCESSED');

    const rows = await db().timeTransaction.findMany({ where: { sourceTimesheetId: data.timesheetId }, orderBy: { entryIndex: 'asc' }, include: { costCenter: true } });
    expect(rows.map((r) => [r.rateApplied?.toString() ?? null, r.amount?.toString() ?? null, r.costRate?.toString(), r.cost?.toString(), r.costCurrency])).toEqual([
      ['450', '3375', '135', '1012.5', 'USD'], // contract rate; cost 100 GBP × 1.35 (rate of 2026-04-01)
      ['175', '350', '135', '270', 'USD'], // list rate of STD-USD
      [null, null, '135', '135', 'USD'], // non-billable: costed, never priced
    ]);
    expect(rows.every((r) => r.engagementId === engagement.id && r.approvedBy === 'pm@example.com' && r.revenueTreatment === 'AS_DELIVERED' && r.costCenter?.code === 'GB01-ADV' && r.sourceSystem === 'psa' && r.sourceTimesheetVersion === 1)).toBe(true);
    expect(await db().auditRecord.count({ where: { entityId: { in: rows.map((r) => r.id) }, action: 'time.recorded', eventId: event.id } })).toBe(3);
    const contains = await db().lineageLink.findMany({ where: { fromId: engagement.id, relation: 'CONTAINS', toType: 'TimeTransaction' } });
    expect(contains.map((l) => l.amount?.toString() ?? null).sort()).toEqual(['3375', '350', null]);

    // The same timesheet sent again without a sequence matches what is recorded: nothing changes.
    expect((await deliver(timesheetApprovedWorkflow, psa, data)).outcome).toMatchObject({ status: 'applied', note: expect.stringContaining('already recorded') });
    expect(await db().timeTransaction.count({ where: { sourceTimesheetId: data.timesheetId } })).toBe(3);
  });

  it('holds time for an unknown engagement with its value at list rates, and for an unknown employee', async () => {
    const { psa } = await deliveryConnectors();
    const employee = await createEmployee();
    const unknown = timesheet('NO-SUCH-ENGAGEMENT', employee.externalId, [{ date: '2026-04-01', hours: '10', role: 'PARTNER' }]);
    const held = await submit(psa.connectorId, unknown);
    expect(held.status).toBe('HELD');
    expect(held.exceptions[0]!.exception).toMatchObject({ code: 'TIME_FOR_UNKNOWN_ENGAGEMENT', entityType: 'Timesheet', entityId: unknown.timesheetId, recoverability: 'DATA_FIX', impactCurrency: 'USD' });
    expect(held.exceptions[0]!.exception.impactAmount?.toString()).toBe('6500'); // 10 h × PARTNER 650

    const engagement = await createEngagement();
    const stranger = await submit(psa.connectorId, timesheet(engagement.code, 'E-NOBODY', [{ date: '2026-04-01', hours: '1', role: 'PARTNER' }]));
    expect(stranger.status).toBe('HELD');
    expect(stranger.exceptions[0]!.exception).toMatchObject({ code: 'UNKNOWN_EMPLOYEE', entityType: 'Employee', entityId: 'E-NOBODY' });
  });

  it('holds T&M time without a rate; adding the rate and replaying records it', async () => {
    const { psa } = await deliveryConnectors();
    const engagement = await createEngagement({ currency: 'EUR', legalEntityCode: 'DE01', taxNexus: 'DE', contractRates: [{ role: 'MANAGER', rate: '400' }] });
    const employee = await createEmployee({ costRate: '70', currency: 'EUR', costCenter: 'DE01-ADV' });
    // The contract does not name consultants and the EUR list rate for them starts only in June.
    await db().rateCardLine.updateMany({ where: { rateCard: { code: 'STD-EUR' }, serviceRole: { code: 'CONSULTANT' } }, data: { effectiveFrom: new Date('2026-06-01T00:00:00Z') } });
    const data = timesheet(engagement.code, employee.externalId, [{ date: '2026-04-01', hours: '8', role: 'CONSULTANT' }]);
    const held = await submit(psa.connectorId, data);
    expect(held.status).toBe('HELD');
    const exception = held.exceptions[0]!.exception;
    expect(exception).toMatchObject({ code: 'RATE_CARD_MISSING', entityType: 'Engagement', entityId: engagement.id, recoverability: 'DATA_FIX' });
    expect(await db().timeTransaction.count({ where: { sourceTimesheetId: data.timesheetId } })).toBe(0);

    await addRate(engagement.contractRateCardId!, 'CONSULTANT', '260', 'EUR');
    await db().$transaction((tx) => requeueHeldEvents(tx, { exceptionId: exception.id, now: new Date() }));
    await drain();
    expect(await db().inboxEvent.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: 'PROCESSED' });
    const [row] = await db().timeTransaction.findMany({ where: { sourceTimesheetId: data.timesheetId } });
    expect([row!.rateApplied?.toString(), row!.amount?.toString(), row!.currency]).toEqual(['260', '2080', 'EUR']);
  });

  it('a withdrawn timesheet supersedes its entries in force; an older or repeated withdrawal changes nothing', async () => {
    const { psa } = await deliveryConnectors();
    const projectId = uniqueId('PSA-P');
    await createEngagement({ psaProjectId: projectId });
    const employee = await createEmployee();
    const data = timesheet(projectId, employee.externalId, [{ date: '2026-04-01', hours: '2', role: 'ANALYST' }]);
    const withdrawal = (version: number) => ({ ...data, entries: [], withdrawn: true, version });
    const inForce = () => db().timeTransaction.count({ where: { sourceTimesheetId: data.timesheetId, superseded: false } });
    await deliver(timesheetApprovedWorkflow, psa, { ...data, version: 5 });
    expect(await inForce()).toBe(1);

    expect((await deliver(timesheetApprovedWorkflow, psa, withdrawal(4))).outcome).toMatchObject({ status: 'ignored', note: expect.stringContaining('older than its recorded v5') });
    expect(await inForce()).toBe(1);

    const { event, outcome } = await deliver(timesheetApprovedWorkflow, psa, withdrawal(6));
    expect(outcome).toMatchObject({ status: 'applied', note: expect.stringContaining('1 entry superseded (0 to reverse') });
    expect(await inForce()).toBe(0);
    expect(await db().auditRecord.count({ where: { eventId: event.inboxEventId, action: 'time.superseded' } })).toBe(1);
    expect((await deliver(timesheetApprovedWorkflow, psa, withdrawal(6))).outcome).toMatchObject({ status: 'applied', note: expect.stringContaining('0 entries superseded') });
  });
});
