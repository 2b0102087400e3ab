// Fixed fee, percentage of completion (cost-to-cost) over six months of month-end runs on a
// real database: an estimate change and a value change by change orders show up as
// catch-ups in their month, billable expenses are revenue of their own (not progress),
// completion brings revenue to the contract value, and the ledger keeps the invariants.
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { addExpense, addMilestone, addTime, approveChangeOrder, createEngagement, setMilestoneBillable, type TestEngagement } from '../../../test/fixtures/revenue.ts';
import { expectRevenueInvariants, ledgerRows, runThrough } from '../../../test/support/revenue-ledger.ts';

const monthEnds = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30'];

/** 120,000 fixed fee, estimate 100,000; cost 10k, 20k (incl. a 5k non-billable expense), 20k, 25k, 25k, 10k a month. */
async function fixedFeeEngagement() {
  const engagement = await createEngagement({ model: 'FIXED_FEE_MILESTONE', contractValue: '120000', estimatedTotalCost: '100000', acceptedOn: '2026-01-05' });
  await addMilestone(engagement, { ref: 'M1', amount: '50000' });
  await addMilestone(engagement, { ref: 'M2', amount: '70000' });
  const costs: [string, string, string][] = [['2026-01-12', '2026-01-16', '10000'], ['2026-02-09', '2026-02-13', '15000'], ['2026-03-10', '2026-03-13', '20000'], ['2026-04-14', '2026-04-17', '25000'], ['2026-05-11', '2026-05-15', '25000'], ['2026-06-08', '2026-06-12', '10000']];
  for (const [workDate, approvedOn, cost] of costs) await addTime(engagement, { workDate, approvedOn, cost, billable: false });
  await addExpense(engagement, { expenseDate: '2026-02-20', amount: '5000', billable: false });
  const travel = await addExpense(engagement, { expenseDate: '2026-04-20', amount: '1000', billable: true });
  return { engagement, travel };
}

/** What happens in the month before its month-end run. */
async function monthEvents(engagement: TestEngagement, asOf: string) {
  if (asOf === '2026-03-31') await approveChangeOrder(engagement, { externalId: 'CO-1', estimatedCostDelta: '25000', approvedOn: '2026-03-15' });
  if (asOf === '2026-05-31') {
    await approveChangeOrder(engagement, { externalId: 'CO-2', valueDelta: '30000', approvedOn: '2026-05-10' });
    await addMilestone(engagement, { ref: 'M3', amount: '30000' });
  }
  if (asOf === '2026-06-30') for (const [ref, on] of [['M1', '2026-06-05'], ['M2', '2026-06-20'], ['M3', '2026-06-20']]) await setMilestoneBillable(engagement, ref!, on!);
}

const expected = (travelId: string) => [
  ['POC:2026-01:1', 'RECOGNITION', '2026-01', '12000.00', ''],
  ['POC:2026-02:1', 'RECOGNITION', '2026-02', '24000.00', ''],
  // Estimate 100k → 125k on 03-15: 50k of cost is 60% on the old terms (+24,000), 40% on the new (−12,000 catch-up).
  ['POC:2026-03:1', 'RECOGNITION', '2026-03', '24000.00', ''],
  ['POC:2026-03:2', 'ADJUSTMENT', '2026-03', '-12000.00', ''],
  ['POC:2026-04:1', 'RECOGNITION', '2026-04', '24000.00', ''],
  [`EXPENSE:${travelId}:1`, 'RECOGNITION', '2026-04', '1000.00', ''],
  // Value 120k → 150k on 05-10: 80% of it is 120,000; on the old value 96,000 (+24,000) and +24,000 catch-up.
  ['POC:2026-05:1', 'RECOGNITION', '2026-05', '24000.00', ''],
  ['POC:2026-05:2', 'ADJUSTMENT', '2026-05', '24000.00', ''],
  // Every milestone billable on 06-20: complete, so the contract value whatever the cost says.
  ['POC:2026-06:1', 'RECOGNITION', '2026-06', '30000.00', ''],
];

describe('runRevenue — fixed fee, percentage of completion', () => {
  it('six month-end runs: progress, catch-ups for the estimate and value changes, completion at the contract value; repeatable', async () => {
    const { engagement, travel } = await fixedFeeEngagement();
    for (const asOf of monthEnds) {
      await monthEvents(engagement, asOf);
      const summary = await runThrough(asOf, { engagementIds: [engagement.id] });
      expect(summary.engagements).toBe(1);
      // Estimate 125,000 above the value 120,000 until CO-2: a loss contract, flagged (no provision is made here).
      expect(summary.flagCounts).toEqual(asOf === '2026-03-31' || asOf === '2026-04-30' ? { LOSS_CONTRACT: 1 } : {});
      await expectRevenueInvariants(engagement.id, { currency: 'USD', contractValue: asOf >= '2026-05-31' ? '150000' : '120000', complete: asOf === '2026-06-30' });
      const again = await runThrough(asOf, { engagementIds: [engagement.id] });
      expect(again.entriesPosted, `second run through ${asOf}`).toBe(0);
    }
    expect(await ledgerRows(engagement.id)).toEqual(expected(travel.id));

    const march = await db().revenueEntry.findFirstOrThrow({ where: { engagementId: engagement.id, idempotencyKey: { endsWith: 'POC:2026-03:2' } } });
    expect([march.costToDate?.toFixed(2), march.estimatedTotalCost?.toFixed(2), march.percentComplete?.toFixed(6), march.recognitionDate.toISOString().slice(0, 10)]).toEqual(['50000.00', '125000.00', '0.400000', '2026-03-31']);
    const schedules = await db().revenueSchedule.findMany({ where: { engagementId: engagement.id }, orderBy: { treatment: 'asc' } });
    expect(schedules.map((s) => [s.treatment, s.status, s.recognizedToDate.toFixed(2), s.recognizedThrough?.toISOString().slice(0, 10)])).toEqual([
      ['PERCENT_COMPLETE', 'COMPLETED', '150000.00', '2026-06-30'],
      ['POINT_IN_TIME', 'ACTIVE', '1000.00', '2026-06-30'],
    ]);
    // One audit record per run that posted (never one per entry); the repeated runs left none.
    const audits = await db().auditRecord.findMany({ where: { entityId: engagement.id, action: 'revenue.run' } });
    expect(audits).toHaveLength(6);
  });

  it('one run after six months posts what six month-end runs post: value and estimate are dated by approval', async () => {
    const { engagement, travel } = await fixedFeeEngagement();
    for (const asOf of monthEnds) await monthEvents(engagement, asOf);
    const summary = await runThrough('2026-06-30', { engagementIds: [engagement.id] });
    expect(summary).toMatchObject({ engagements: 1, engagementsPosted: 1, entriesPosted: 9, lateEntries: 0, byCurrency: { USD: '151000.00' }, flags: [] });
    expect(await ledgerRows(engagement.id)).toEqual(expected(travel.id));
    await expectRevenueInvariants(engagement.id, { currency: 'USD', contractValue: '150000', complete: true });
  });

  it('a loss contract and a missing estimate are reported in the summary and the audit (no exception code fits them)', async () => {
    const loss = await createEngagement({ model: 'FIXED_FEE_MILESTONE', contractValue: '10000', estimatedTotalCost: '12000', acceptedOn: '2026-02-02' });
    await addTime(loss, { workDate: '2026-02-10', cost: '6000', billable: false });
    const noEstimate = await createEngagement({ model: 'FIXED_FEE_MILESTONE', contractValue: '10000', estimatedTotalCost: null, acceptedOn: '2026-02-02' });
    await addTime(noEstimate, { workDate: '2026-02-10', cost: '6000', billable: false });

    const summary = await runThrough('2026-02-28', { engagementIds: [loss.id, noEstimate.id] });
    expect(summary.flagCounts).toEqual({ LOSS_CONTRACT: 1, NO_ESTIMATE: 1 });
    expect(summary.flags).toContainEqual(expect.objectContaining({ engagementId: loss.id, code: 'LOSS_CONTRACT', exceptionCode: null, period: '2026-02', detail: { expectedLoss: '2000.00' } }));
    expect(summary.exceptionsRaised).toBe(0);
    // 10,000 × 6,000 ÷ 12,000: progress is still recognised on a loss contract.
    expect(await ledgerRows(loss.id)).toEqual([['POC:2026-02:1', 'RECOGNITION', '2026-02', '5000.00', '']]);
    expect(await ledgerRows(noEstimate.id)).toEqual([]);
    const audit = await db().auditRecord.findFirstOrThrow({ where: { entityId: noEstimate.id, action: 'revenue.run' } });
    expect(audit.after).toMatchObject({ asOf: '2026-02-28', entries: 0, flags: [{ code: 'NO_ESTIMATE', exceptionCode: null, period: '2026-02' }] });
  });
});
