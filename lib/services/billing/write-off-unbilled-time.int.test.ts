// FINANCE's decision on UNBILLED_APPROVED_TIME on a real database, with the simulated tax
// engine for the billing runs: approving writes off exactly the overdue entries behind the
// exception (at the amount billing would have invoiced), the next billing run skips them,
// the reconciliation job does not raise them again and revenue leakage counts them as a
// write-off; rejecting keeps them billable for the next run and asks again only after a
// cadence; deciding twice changes nothing. Each test has its own engagement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTaxEngine } from '../../../simulators/tax-engine/server.ts';
import { createEmployee, createEngagement, deliver, deliveryConnectors, startTaxSimulator, timesheet } from '../../../test/fixtures/billing.ts';
import { createPerson } from '../../../test/fixtures/exceptions.ts';
import { exceptionFor, reconcile } from '../../../test/support/reconciliation.ts';
import { db } from '../../db/client.ts';
import { getExceptionWorkspace } from '../../queries/exceptions/get-exception-context.ts';
import { getKpis } from '../../queries/kpis/get-kpis.ts';
import { getLineage } from '../../queries/lineage/get-lineage.ts';
import { timesheetApprovedWorkflow } from '../../workflows/timesheet-approved.ts';
import { performExceptionAction } from '../exceptions/perform-exception-action.ts';
import { loadOverdueTime } from './load-overdue-time.ts';
import { runBilling } from './run-billing.ts';

let engine: RunningTaxEngine;
let finance: Awaited<ReturnType<typeof createPerson>>;
beforeAll(async () => {
  engine = await startTaxSimulator();
  finance = await createPerson('FINANCE');
});
afterAll(async () => engine.stop());

const system = { type: 'SYSTEM', id: 'test' } as const;
// The timesheet is approved on 2026-04-03: week 10's time is overdue from 04-10, week 15's is billable from 04-13.
const FOUND = '2026-04-13T12:00:00Z';
const DECIDED = new Date('2026-04-13T14:00:00Z');

/** Three overdue hours at 100.005 in week 10 (billed: one line, 300.015 → 300.02) and two not yet due in week 15. */
async function engagementWithOverdueTime() {
  const { psa } = await deliveryConnectors();
  const engagement = await createEngagement({ contractRates: [{ role: 'SENIOR_CONSULTANT', rate: '100.005' }] });
  const employee = await createEmployee({ costRate: '80' });
  await deliver(timesheetApprovedWorkflow, psa, timesheet(engagement.code, employee.externalId, [
    { date: '2026-03-02', hours: '1', role: 'SENIOR_CONSULTANT' },
    { date: '2026-03-03', hours: '1', role: 'SENIOR_CONSULTANT' },
    { date: '2026-03-04', hours: '1', role: 'SENIOR_CONSULTANT' },
    { date: '2026-03-05', hours: '4', role: 'SENIOR_CONSULTANT', billable: false },
    { date: '2026-04-06', hours: '2', role: 'SENIOR_CONSULTANT' },
  ]));
  const time = await db().timeTransaction.findMany({ where: { engagementId: engagement.id }, orderBy: { workDate: 'asc' } });
  const overdueIds = time.filter((t) => t.billable && t.workDate < new Date('2026-04-01')).map((t) => t.id);
  const recentIds = time.filter((t) => t.workDate >= new Date('2026-04-01')).map((t) => t.id);
  await reconcile('unbilled-approved-time', FOUND);
  const exception = await exceptionFor('UNBILLED_APPROVED_TIME', engagement.id);
  return { engagement, exception, overdueIds, recentIds };
}

async function aprilLeakage() {
  const kpis = await getKpis({ from: new Date('2026-04-01T00:00:00Z'), to: new Date('2026-05-01T00:00:00Z'), now: new Date('2026-05-01T00:00:00Z') });
  return kpis.kpis.find((k) => k.key === 'revenueLeakage')!.breakdown as Record<'writeOffs' | 'approvedTimeNeverBilled', { rows: number; amount: string }>;
}

const decide = (exceptionId: string, action: 'approve' | 'reject', note = 'Onboarding time: agreed with the client not to bill it.') =>
  performExceptionAction({ exceptionId, action, actor: finance.actor, note, now: DECIDED });

describe('UNBILLED_APPROVED_TIME: approve writes the time off', () => {
  it('the preview names exactly the overdue entries, priced as billing would (rounded once per line)', async () => {
    const { exception, overdueIds } = await engagementWithOverdueTime();
    expect(exception).toMatchObject({ status: 'OPEN', details: expect.objectContaining({ entries: 3 }) });
    const preview = await loadOverdueTime(db(), { exception, now: DECIDED });
    expect(preview?.entryIds.sort()).toEqual([...overdueIds].sort());
    expect(preview?.plan).toMatchObject({ entries: 3, hours: '3.00', amount: '300.02', currency: 'USD', unpriced: [] });
    expect(preview?.plan.lines).toEqual([{ billingPeriodKey: '2026-W10', role: 'SENIOR_CONSULTANT', rate: '100.005', hours: '3', amount: '300.02', entryIds: expect.any(Array) }]);
    // The exception panel shows the same reading while the exception is open, nothing once decided.
    const { context } = await getExceptionWorkspace({ id: exception.id });
    expect(context.writeOff).toMatchObject({ engagementCode: exception.details && (exception.details as { engagementCode: string }).engagementCode, asOf: '2026-04-13T12:00:00.000Z', plan: { entries: 3, amount: '300.02' } });
    await decide(exception.id, 'reject');
    expect((await getExceptionWorkspace({ id: exception.id })).context.writeOff).toBeNull();
  });

  it('writes off those entries and nothing else, billing skips them, reconciliation does not raise them again, leakage counts them', async () => {
    const { engagement, exception, overdueIds, recentIds } = await engagementWithOverdueTime();
    const leakageBefore = await aprilLeakage();
    const decided = await decide(exception.id, 'approve');
    expect(decided).toMatchObject({ alreadyDone: false, exception: { status: 'RESOLVED' } });

    const writeOff = await db().timeWriteOff.findFirstOrThrow({ where: { exceptionId: exception.id } });
    expect(writeOff).toMatchObject({ engagementId: engagement.id, currency: 'USD', entries: 3, unpricedEntries: 0, writtenOffById: finance.user.id, writtenOffAt: DECIDED, note: 'Onboarding time: agreed with the client not to bill it.' });
    expect(writeOff.amount.toFixed(2)).toBe('300.02');
    expect(writeOff.hours.toFixed(2)).toBe('3.00');
    const marked = await db().timeTransaction.findMany({ where: { timeWriteOffId: writeOff.id }, select: { id: true } });
    expect(marked.map((t) => t.id).sort()).toEqual([...overdueIds].sort());
    expect(await db().timeTransaction.count({ where: { engagementId: engagement.id, timeWriteOffId: null } })).toBe(2); // the non-billable and the recent entry

    const action = await db().exceptionAction.findFirstOrThrow({ where: { exceptionId: exception.id, kind: 'APPROVE' } });
    expect(action.data).toMatchObject({ effectsApplied: true, effects: { writtenOff: { timeWriteOffId: writeOff.id, amount: '300.02', entries: 3 } } });
    expect(await db().auditRecord.count({ where: { entityType: 'Engagement', entityId: engagement.id, action: 'time.written-off' } })).toBe(1);
    // The lineage says which time was written off.
    const lineage = await getLineage({ correlationId: engagement.correlationId });
    const timeNodes = lineage.nodes.filter((n) => n.kind === 'TimeTransaction');
    expect(timeNodes.filter((n) => n.label.endsWith('(written off)')).map((n) => n.id).sort()).toEqual([...overdueIds].sort());

    // The next billing run bills week 15 only.
    const run = await runBilling({ asOf: '2026-04-13', engagementIds: [engagement.id], now: new Date('2026-04-13T15:00:00Z'), actor: system });
    expect(run.invoicesIssued).toBe(1);
    const billed = await db().invoiceLineSource.findMany({ where: { invoiceLine: { invoice: { engagementId: engagement.id } }, timeTransactionId: { not: null } }, select: { timeTransactionId: true } });
    expect(billed.map((s) => s.timeTransactionId)).toEqual(recentIds);
    expect(await db().timeTransaction.count({ where: { id: { in: overdueIds }, invoiceLineId: { not: null } } })).toBe(0);

    // Not found again: the exception stays closed, nothing is counted (the job runs over every engagement of this file).
    await reconcile('unbilled-approved-time', '2026-04-20T12:00:00Z');
    expect(await exceptionFor('UNBILLED_APPROVED_TIME', engagement.id)).toMatchObject({ status: 'RESOLVED', occurrences: 1 });

    // Revenue leakage: a write-off of April, no longer approved time never billed (other tests' engagements share the database).
    const leakage = await aprilLeakage();
    expect(leakage.writeOffs).toEqual({ rows: 1, amount: '300.02' });
    // Before: this engagement's 3 entries and the first test's 3 (2 × 300.015, rounded once); after: the first test's only.
    expect(leakageBefore.approvedTimeNeverBilled).toEqual({ rows: 6, amount: '600.03' });
    expect(leakage.approvedTimeNeverBilled).toEqual({ rows: 3, amount: '300.02' });
    const march = await getKpis({ from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z'), now: new Date('2026-05-01T00:00:00Z') });
    expect((march.kpis.find((k) => k.key === 'revenueLeakage')!.breakdown as Record<'writeOffs', { rows: number }>).writeOffs.rows).toBe(0);
  });

  it('deciding again changes nothing (409, one write-off)', async () => {
    const { exception } = await engagementWithOverdueTime();
    await decide(exception.id, 'approve');
    await expect(decide(exception.id, 'approve')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(decide(exception.id, 'reject')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db().timeWriteOff.count({ where: { exceptionId: exception.id } })).toBe(1);
  });

  it('time billed since the finding is not written off; new overdue time after a write-off raises it again', async () => {
    const { engagement, exception, overdueIds } = await engagementWithOverdueTime();
    const [first] = overdueIds;
    // Billed behind the decision's back (a late run): only the two others are left to write off.
    const billedLine = await db().invoice.create({
      data: {
        legalEntityId: engagement.legalEntityId, clientId: engagement.clientId, engagementId: engagement.id, correlationId: engagement.correlationId, currency: 'USD',
        lines: { create: { lineNo: 1, kind: 'TIME', description: 'billed elsewhere', quantity: 1, unitPrice: '100.005', amount: '100.01', currency: 'USD' } },
      },
      select: { lines: { select: { id: true } } },
    });
    await db().timeTransaction.update({ where: { id: first }, data: { invoiceLineId: billedLine.lines[0]!.id } });
    await decide(exception.id, 'approve');
    const writeOff = await db().timeWriteOff.findFirstOrThrow({ where: { exceptionId: exception.id } });
    expect(writeOff.entries).toBe(2);
    expect(writeOff.amount.toFixed(2)).toBe('200.01');

    // Week 15's time, still unbilled a cadence later, is a new finding: the write-off covered only what it wrote off.
    await reconcile('unbilled-approved-time', '2026-04-21T12:00:00Z');
    expect(await exceptionFor('UNBILLED_APPROVED_TIME', engagement.id)).toMatchObject({ status: 'OPEN', details: expect.objectContaining({ entries: 1 }) });
  });
});

describe('UNBILLED_APPROVED_TIME: reject keeps the time billable', () => {
  it('writes nothing off; the next run bills it; still unbilled after a cadence, it is raised again', async () => {
    const first = await engagementWithOverdueTime();
    const decided = await decide(first.exception.id, 'reject', 'Bill it on the next run.');
    expect(decided.exception.status).toBe('RESOLVED');
    expect(await db().timeWriteOff.count({ where: { exceptionId: first.exception.id } })).toBe(0);
    expect(await db().exceptionAction.findFirstOrThrow({ where: { exceptionId: first.exception.id, kind: 'REJECT' } })).toMatchObject({
      data: expect.objectContaining({ effectsApplied: true, effects: { keptBillable: true, recheckFrom: '2026-04-20T14:00:00.000Z' } }),
    });

    // The next run bills the kept time (and week 15).
    const run = await runBilling({ asOf: '2026-04-13', engagementIds: [first.engagement.id], now: new Date('2026-04-13T15:00:00Z'), actor: system });
    expect(run.invoicesIssued).toBe(2);
    expect(await db().timeTransaction.count({ where: { id: { in: first.overdueIds }, invoiceLineId: { not: null } } })).toBe(3);

    // Another engagement whose kept time nobody bills: the decision stands for one weekly cadence, then the job asks again.
    // (Its week-15 entry is withdrawn, so no more money is at stake: only the cadence can reopen it.)
    const second = await engagementWithOverdueTime();
    await db().timeTransaction.updateMany({ where: { id: { in: second.recentIds } }, data: { superseded: true } });
    await decide(second.exception.id, 'reject');
    await reconcile('unbilled-approved-time', '2026-04-20T13:59:59Z');
    expect(await exceptionFor('UNBILLED_APPROVED_TIME', second.engagement.id)).toMatchObject({ status: 'RESOLVED', occurrences: 1 });
    await reconcile('unbilled-approved-time', '2026-04-20T14:00:00Z');
    expect(await exceptionFor('UNBILLED_APPROVED_TIME', second.engagement.id)).toMatchObject({ status: 'OPEN', occurrences: 2 });
  });
});
