// Retainer with overage on a real database: the monthly fee is recognised day by day (a
// mid-month run recognises the days elapsed, the month-end run tops it up to the fee),
// usage above the included units is revenue in the month it occurred — also when it is
// recorded later — and usage outside the term is flagged, not priced.
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { addUsage, createEngagement } from '../../../test/fixtures/revenue.ts';
import { expectRevenueInvariants, ledgerRows, runThrough } from '../../../test/support/revenue-ledger.ts';

describe('runRevenue — retainer with overage', () => {
  it('daily ratable fee, overage in its usage month (late usage adjusts it), repeatable', async () => {
    const engagement = await createEngagement({
      model: 'RETAINER_WITH_OVERAGE',
      legalEntityCode: 'GB01',
      contractValue: '96000',
      acceptedOn: '2026-03-20',
      retainer: { monthlyFee: '8000', includedUnits: '1000', overageRate: '4.5', startMonth: '2026-04', months: 12 },
    });
    expect((await runThrough('2026-03-31', { engagementIds: [engagement.id] })).entriesPosted).toBe(0);

    // 15 of April's 30 days.
    const mid = await runThrough('2026-04-15', { engagementIds: [engagement.id] });
    expect(mid).toMatchObject({ entriesPosted: 1, byCurrency: { GBP: '4000.00' } });

    await addUsage(engagement, { period: '2026-04', units: '1200', recordedOn: '2026-04-30' });
    await runThrough('2026-04-30', { engagementIds: [engagement.id] });
    await addUsage(engagement, { period: '2026-05', units: '900', recordedOn: '2026-05-31' });
    // 300 more April units, recorded in May: April's overage grows, in April (still open).
    await addUsage(engagement, { period: '2026-04', units: '300', recordedOn: '2026-05-20' });
    const may = await runThrough('2026-05-31', { engagementIds: [engagement.id] });
    expect(may.byCurrency).toEqual({ GBP: '9350.00' });
    expect(await runThrough('2026-05-31', { engagementIds: [engagement.id] })).toMatchObject({ entriesPosted: 0, byCurrency: {} });

    expect(await ledgerRows(engagement.id)).toEqual([
      ['FEE:2026-04:1', 'RECOGNITION', '2026-04', '4000.00', ''],
      ['FEE:2026-04:2', 'ADJUSTMENT', '2026-04', '4000.00', ''],
      // 200 units above the 1,000 included, at 4.50.
      ['OVERAGE:2026-04:1', 'RECOGNITION', '2026-04', '900.00', ''],
      ['OVERAGE:2026-04:2', 'ADJUSTMENT', '2026-04', '1350.00', ''],
      // May's 900 units are within the included 1,000: no overage.
      ['FEE:2026-05:1', 'RECOGNITION', '2026-05', '8000.00', ''],
    ]);
    const schedules = await db().revenueSchedule.findMany({ where: { engagementId: engagement.id }, orderBy: { treatment: 'asc' } });
    expect(schedules.map((s) => [s.treatment, s.currency, s.recognizedToDate.toFixed(2), s.startDate?.toISOString().slice(0, 10), s.endDate?.toISOString().slice(0, 10)])).toEqual([
      ['RATABLE', 'GBP', '16000.00', '2026-04-01', '2027-03-31'],
      ['USAGE', 'GBP', '2250.00', undefined, undefined],
    ]);
    await expectRevenueInvariants(engagement.id, { currency: 'GBP' });
  });

  it('usage for a month outside the term is flagged in the summary, not priced', async () => {
    const engagement = await createEngagement({
      model: 'RETAINER_WITH_OVERAGE',
      legalEntityCode: 'GB01',
      contractValue: '16000',
      acceptedOn: '2026-05-20',
      retainer: { monthlyFee: '8000', includedUnits: '100', overageRate: '2', startMonth: '2026-06', months: 2 },
    });
    await addUsage(engagement, { period: '2026-05', units: '500', recordedOn: '2026-06-02' });
    const summary = await runThrough('2026-06-30', { engagementIds: [engagement.id] });
    expect(summary.flags).toEqual([expect.objectContaining({ code: 'USAGE_OUTSIDE_TERM', exceptionCode: null, period: '2026-05', detail: { units: '500' } })]);
    expect(await ledgerRows(engagement.id)).toEqual([['FEE:2026-06:1', 'RECOGNITION', '2026-06', '8000.00', '']]);
  });
});
