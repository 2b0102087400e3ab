// The revenue run's safety properties on a real database: two runs at once post once, a
// missing FX rate holds what it must (and raises FX_RATE_MISSING) without stopping the
// rest, bad requests are refused, and the nightly job runs through the day that ended.
import type { JobHelpers } from 'graphile-worker';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { revenueRunJob } from '../../jobs/revenue-run.ts';
import { runRevenue } from './run-revenue.ts';
import { addExpense, addMilestone, addTime, addUsage, createEngagement } from '../../../test/fixtures/revenue.ts';
import { createFxRate } from '../../../test/fixtures/exceptions.ts';
import { expectRevenueInvariants, runThrough } from '../../../test/support/revenue-ledger.ts';

async function mixedBook() {
  const fixedFee = await createEngagement({ model: 'FIXED_FEE_MILESTONE', contractValue: '90000', estimatedTotalCost: '60000', acceptedOn: '2026-01-05' });
  await addMilestone(fixedFee, { ref: 'M1', amount: '90000' });
  for (const m of ['01', '02', '03']) await addTime(fixedFee, { workDate: `2026-${m}-12`, cost: '10000', billable: false });
  const tm = await createEngagement({ model: 'TIME_AND_MATERIALS', contractValue: '40000', acceptedOn: '2026-01-05' });
  for (const m of ['01', '02', '03']) await addTime(tm, { workDate: `2026-${m}-14`, amount: '2500' });
  const retainer = await createEngagement({ model: 'RETAINER_WITH_OVERAGE', legalEntityCode: 'GB01', contractValue: '36000', acceptedOn: '2026-01-02', retainer: { monthlyFee: '3000', includedUnits: '10', overageRate: '50', startMonth: '2026-01', months: 12 } });
  await addUsage(retainer, { period: '2026-02', units: '14', recordedOn: '2026-02-28' });
  return [fixedFee, tm, retainer];
}

describe('runRevenue — safe to repeat and to run concurrently', () => {
  it('two runs at once post every entry exactly once; a third posts nothing', async () => {
    const book = await mixedBook();
    const engagementIds = book.map((e) => e.id);
    const [a, b] = await Promise.all([runThrough('2026-03-31', { engagementIds, batchSize: 1 }), runThrough('2026-03-31', { engagementIds, batchSize: 2 })]);
    const entries = await db().revenueEntry.findMany({ where: { engagementId: { in: engagementIds } } });
    // 3 POC months + 3 time entries + 3 fee months + February's overage.
    expect(entries).toHaveLength(10);
    expect(a.entriesPosted + b.entriesPosted).toBe(10);
    expect(new Set(entries.map((e) => e.idempotencyKey)).size).toBe(10);
    for (const engagement of book) await expectRevenueInvariants(engagement.id, { currency: engagement.currency, contractValue: engagement.value.toString() });
    expect(await runThrough('2026-03-31', { engagementIds })).toMatchObject({ engagements: 3, entriesPosted: 0, byCurrency: {} });

    // An earlier date would measure lower targets and undo rightly recognised revenue: refused per engagement, unaudited.
    const audits = await db().auditRecord.count({ where: { entityId: { in: engagementIds } } });
    expect(await runThrough('2026-02-28', { engagementIds })).toMatchObject({ entriesPosted: 0, flagCounts: { AS_OF_BEFORE_LAST_RUN: 3 } });
    expect(await db().auditRecord.count({ where: { entityId: { in: engagementIds } } })).toBe(audits);
  });

  it('a missing FX rate holds a fixed fee (its progress would be understated) and leaves a T&M expense out; loading the rate releases both', async () => {
    const fixedFee = await createEngagement({ model: 'FIXED_FEE_MILESTONE', contractValue: '10000', estimatedTotalCost: '5000', acceptedOn: '2026-04-01' });
    await addTime(fixedFee, { workDate: '2026-04-06', cost: '300000', costCurrency: 'JPY', billable: false });
    const tm = await createEngagement({ model: 'TIME_AND_MATERIALS', contractValue: '10000', acceptedOn: '2026-04-01' });
    await addTime(tm, { workDate: '2026-04-07', amount: '800' });
    await addExpense(tm, { expenseDate: '2026-04-08', amount: '15000', currency: 'JPY', billable: true });
    const engagementIds = [fixedFee.id, tm.id];

    const held = await runThrough('2026-04-30', { engagementIds });
    expect(held).toMatchObject({ entriesPosted: 1, flagCounts: { FX_RATE_MISSING: 2 }, exceptionsRaised: 2 });
    expect(held.flags.every((f) => f.exceptionCode === 'FX_RATE_MISSING')).toBe(true);
    const exceptions = await db().exception.findMany({ where: { code: 'FX_RATE_MISSING', entityId: { in: engagementIds } } });
    expect(exceptions.map((e) => [e.entityType, e.ownerTeam, e.impactCurrency])).toEqual([
      ['Engagement', 'FINANCE_AR', 'JPY'],
      ['Engagement', 'FINANCE_AR', 'JPY'],
    ]);

    await createFxRate('JPY', 'USD', '2026-04-01', '0.0066');
    const released = await runThrough('2026-04-30', { engagementIds });
    // 300,000 JPY = 1,980 USD of 5,000: 39.6% of 10,000; the expense at 99.00.
    expect(released).toMatchObject({ entriesPosted: 2, byCurrency: { USD: '4059.00' }, flags: [] });
  });

  it('refuses a date in the future, a malformed date and an unknown legal entity', async () => {
    const now = new Date('2026-06-15T10:00:00Z');
    const actor = { type: 'SYSTEM' as const, id: 'test' };
    await expect(runRevenue({ asOf: '2026-06-16', now, actor })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [{ pointer: '/asOf' }] } });
    await expect(runRevenue({ asOf: '2026-02-30', now, actor })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(runRevenue({ asOf: '2026-06-15', legalEntityCode: 'XX99', now, actor })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [{ pointer: '/legalEntityCode' }] } });
  });

  it('the nightly job recognises through the day before its tick', async () => {
    const tm = await createEngagement({ model: 'TIME_AND_MATERIALS', contractValue: '10000', acceptedOn: '2026-05-04' });
    await addTime(tm, { workDate: '2026-05-29', amount: '700' });
    await addTime(tm, { workDate: '2026-06-01', amount: '900' });
    const helpers = { job: { id: '1' }, logger: { info: () => undefined, error: () => undefined } } as unknown as JobHelpers;
    await revenueRunJob.run({ engagementIds: [tm.id], _cron: { ts: '2026-06-01T02:30:00.000Z' } }, helpers);
    const schedule = await db().revenueSchedule.findFirstOrThrow({ where: { engagementId: tm.id } });
    expect([schedule.recognizedThrough?.toISOString().slice(0, 10), schedule.recognizedToDate.toFixed(2)]).toEqual(['2026-05-31', '700.00']);
  });
});
