// explainRevenueEntry on ledgers written by real revenue runs: a fixed fee's entry shows
// its cost-to-cost measurement and the costs behind it, a T&M entry the time entry with
// hours × rate and its timesheet, a retainer's overage the usage above the included units.
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { addExpense, addTime, addUsage, createEngagement } from '../../../test/fixtures/revenue.ts';
import { runThrough } from '../../../test/support/revenue-ledger.ts';
import { explainRevenueEntry } from './explain-revenue-entry.ts';

const entryWithKey = async (engagementId: string, unitKey: string) =>
  db().revenueEntry.findFirstOrThrow({ where: { engagementId, idempotencyKey: `${engagementId}:${unitKey}` } });

describe('explainRevenueEntry', () => {
  it('fixed fee: cost to date ÷ estimate, the cumulative arithmetic and the costs by role', async () => {
    const engagement = await createEngagement({ model: 'FIXED_FEE_MILESTONE', contractValue: '120000', estimatedTotalCost: '100000', acceptedOn: '2026-01-05' });
    await addTime(engagement, { workDate: '2026-01-12', approvedOn: '2026-01-16', cost: '10000', billable: false, hours: '80' });
    await addTime(engagement, { workDate: '2026-02-09', approvedOn: '2026-02-13', cost: '10000', billable: false, hours: '80' });
    await addExpense(engagement, { expenseDate: '2026-02-20', amount: '5000', billable: false });
    await runThrough('2026-01-31', { engagementIds: [engagement.id] });
    await runThrough('2026-02-28', { engagementIds: [engagement.id] });
    const february = await entryWithKey(engagement.id, 'POC:2026-02:1');

    const explained = await explainRevenueEntry({ id: february.id });
    expect(explained.entry).toMatchObject({ kind: 'RECOGNITION', treatment: 'PERCENT_COMPLETE', period: '2026-02', amount: '18000.00', cumulativeAmount: '30000.00', engagementCode: engagement.code });
    expect(explained.summary).toContain('12000.00 recognised before + 18000.00 = 30000.00');
    expect(explained.tree.detail).toBe('cumulative 30000.00 − 12000.00 recognised before = 18000.00');
    const [measurement] = explained.tree.children;
    expect(measurement!.detail).toBe('cost to date 25000.00 ÷ estimated total cost 100000.00 = 25 %');
    expect(measurement!.children.map((n) => [n.label, n.amount])).toEqual([
      ['2 approved time entries as CONSULTANT', '20000.00'],
      ['1 non-billable travel expense', '5000.00'],
    ]);
  });

  it('time and materials: the time entry with hours × rate and its timesheet', async () => {
    const engagement = await createEngagement({ model: 'TIME_AND_MATERIALS', contractValue: '50000', acceptedOn: '2026-03-02' });
    const time = await addTime(engagement, { workDate: '2026-03-10', hours: '7.5', amount: '900' });
    await db().timeTransaction.update({ where: { id: time.id }, data: { rateApplied: '120' } });
    await runThrough('2026-03-31', { engagementIds: [engagement.id] });
    const entry = await entryWithKey(engagement.id, `TIME:${time.id}:1`);

    const explained = await explainRevenueEntry({ id: entry.id });
    expect(explained.entry).toMatchObject({ treatment: 'AS_DELIVERED', amount: '900.00' });
    const [source] = explained.tree.children;
    expect(source).toMatchObject({ kind: 'TimeTransaction', id: time.id, detail: '7.50 h × 120.00 = 900.00', system: 'psa' });
    expect(source!.children[0]).toMatchObject({ kind: 'Timesheet', externalId: time.sourceTimesheetId });
  });

  it('retainer overage: units above the included ones at the overage rate, with each usage record', async () => {
    const engagement = await createEngagement({
      model: 'RETAINER_WITH_OVERAGE', legalEntityCode: 'GB01', contractValue: '96000', acceptedOn: '2026-03-20',
      retainer: { monthlyFee: '8000', includedUnits: '1000', overageRate: '4.5', startMonth: '2026-04', months: 12 },
    });
    await addUsage(engagement, { period: '2026-04', units: '1200', recordedOn: '2026-04-30' });
    await runThrough('2026-04-30', { engagementIds: [engagement.id] });

    const overage = await explainRevenueEntry({ id: (await entryWithKey(engagement.id, 'OVERAGE:2026-04:1')).id });
    expect(overage.entry).toMatchObject({ treatment: 'USAGE', currency: 'GBP', amount: '900.00' });
    expect(overage.tree.children[0]).toMatchObject({ detail: '(1200 units − 1000 included) × 4.50 overage rate = 900.00' });
    expect(overage.tree.children[0]!.children).toHaveLength(1);

    const fee = await explainRevenueEntry({ id: (await entryWithKey(engagement.id, 'FEE:2026-04:1')).id });
    expect(fee.tree.children[0]).toMatchObject({ kind: 'BillingPlan', amount: '8000.00' });
  });

  it('refuses an unknown id with NOT_FOUND', async () => {
    await expect(explainRevenueEntry({ id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(explainRevenueEntry({ id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
