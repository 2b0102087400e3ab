// Time and materials on a real database: approved billable time is revenue in the month it
// was approved (not the month worked), a resubmitted timesheet reverses the superseded
// entry's revenue and recognises its replacement, billable expenses are revenue too, and
// unapproved or non-billable time is not.
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { addExpense, addTime, createEngagement, supersedeTime } from '../../../test/fixtures/revenue.ts';
import { expectRevenueInvariants, ledgerRows, runThrough } from '../../../test/support/revenue-ledger.ts';

/** Rows of one period in the order the core posts them: by unit type (TIME before EXPENSE), then id. */
const byUnit = (rows: string[][]) => [...rows].sort((a, b) => (a[0]!.startsWith('TIME') === b[0]!.startsWith('TIME') ? (a[0]! < b[0]! ? -1 : 1) : a[0]!.startsWith('TIME') ? -1 : 1));

describe('runRevenue — time and materials', () => {
  it('recognises time in its approval month, reverses a superseded entry and recognises the resubmitted one', async () => {
    const engagement = await createEngagement({ model: 'TIME_AND_MATERIALS', contractValue: '50000', estimatedTotalCost: '30000', acceptedOn: '2026-03-01' });
    const tt1 = await addTime(engagement, { workDate: '2026-03-02', approvedOn: '2026-03-06', amount: '1600' });
    const tt2 = await addTime(engagement, { workDate: '2026-03-03', approvedOn: '2026-03-06', amount: '1200' });
    // Worked in March, approved in April: April revenue.
    const tt3 = await addTime(engagement, { workDate: '2026-03-30', approvedOn: '2026-04-02', amount: '1600' });
    await addTime(engagement, { workDate: '2026-03-04', billable: false, cost: '400' });
    await addTime(engagement, { workDate: '2026-03-05', approvalStatus: 'SUBMITTED', approvedOn: null, amount: '900' });
    const travel = await addExpense(engagement, { expenseDate: '2026-03-10', approvedOn: '2026-03-12', amount: '450.5', billable: true });

    const march = await runThrough('2026-03-31', { engagementIds: [engagement.id] });
    expect(march).toMatchObject({ entriesPosted: 3, byCurrency: { USD: '3250.50' }, flags: [] });
    expect(await ledgerRows(engagement.id)).toEqual(
      byUnit([
        [`TIME:${tt1.id}:1`, 'RECOGNITION', '2026-03', '1600.00', ''],
        [`TIME:${tt2.id}:1`, 'RECOGNITION', '2026-03', '1200.00', ''],
        [`EXPENSE:${travel.id}:1`, 'RECOGNITION', '2026-03', '450.50', ''],
      ]),
    );
    await expectRevenueInvariants(engagement.id, { currency: 'USD' });

    // On 04-08 the timesheet is resubmitted: tt2 (8h) is superseded by tt2b (7.5h).
    await supersedeTime(tt2.id, '2026-04-08');
    const tt2b = await addTime(engagement, { workDate: '2026-03-03', approvedOn: '2026-04-08', amount: '1500' });
    const april = await runThrough('2026-04-30', { engagementIds: [engagement.id] });
    expect(april).toMatchObject({ entriesPosted: 3, byCurrency: { USD: '1900.00' } });
    const rows = await ledgerRows(engagement.id);
    expect(rows.slice(3)).toEqual(
      byUnit([
        [`TIME:${tt3.id}:1`, 'RECOGNITION', '2026-04', '1600.00', ''],
        [`TIME:${tt2.id}:2`, 'REVERSAL', '2026-04', '-1200.00', ''],
        [`TIME:${tt2b.id}:1`, 'RECOGNITION', '2026-04', '1500.00', ''],
      ]),
    );
    const reversal = await db().revenueEntry.findFirstOrThrow({ where: { engagementId: engagement.id, kind: 'REVERSAL' } });
    const reversed = await db().revenueEntry.findFirstOrThrow({ where: { idempotencyKey: `${engagement.id}:TIME:${tt2.id}:1` } });
    expect(reversal.reversesEntryId).toBe(reversed.id);
    // Revenue of time that was approved on 04-02 became eligible then: recognition lag is measurable.
    const tt3Entry = await db().revenueEntry.findFirstOrThrow({ where: { idempotencyKey: `${engagement.id}:TIME:${tt3.id}:1` } });
    expect(tt3Entry.eligibleAt?.toISOString()).toBe('2026-04-02T00:00:00.000Z');
    await expectRevenueInvariants(engagement.id, { currency: 'USD' });

    expect((await runThrough('2026-04-30', { engagementIds: [engagement.id] })).entriesPosted).toBe(0);
    const schedules = await db().revenueSchedule.findMany({ where: { engagementId: engagement.id }, orderBy: { treatment: 'asc' } });
    expect(schedules.map((s) => [s.treatment, s.recognizedToDate.toFixed(2)])).toEqual([
      ['AS_DELIVERED', '4700.00'],
      ['POINT_IN_TIME', '450.50'],
    ]);
  });
});
