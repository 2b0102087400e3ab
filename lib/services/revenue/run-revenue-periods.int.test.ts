// Period close (DESIGN.md §6) in the revenue run: nothing posts into a closed period; a
// late amount goes to the next open period of the legal entity, flagged on the entry; with
// no open period after it, the amount waits and the run says so.
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { addTime, closePeriods, createEngagement } from '../../../test/fixtures/revenue.ts';
import { expectRevenueInvariants, ledgerRows, runThrough } from '../../../test/support/revenue-ledger.ts';

describe('runRevenue — closed periods', () => {
  it('February closed before its revenue ran: the amount posts to March, late, as an adjustment', async () => {
    const engagement = await createEngagement({ model: 'TIME_AND_MATERIALS', legalEntityCode: 'DE01', contractValue: '20000', acceptedOn: '2026-02-02' });
    const time = await addTime(engagement, { workDate: '2026-02-09', approvedOn: '2026-02-13', amount: '2000' });
    await closePeriods(engagement.legalEntityId, { from: '2026-01', to: '2026-02' });

    const summary = await runThrough('2026-03-31', { engagementIds: [engagement.id] });
    expect(summary).toMatchObject({ entriesPosted: 1, lateEntries: 1, byCurrency: { EUR: '2000.00' }, flags: [], exceptionsRaised: 0 });
    expect(await ledgerRows(engagement.id)).toEqual([[`TIME:${time.id}:1`, 'ADJUSTMENT', '2026-03', '2000.00', 'late:2026-02']]);
    const entry = await db().revenueEntry.findFirstOrThrow({ where: { engagementId: engagement.id }, include: { accountingPeriod: true } });
    // Recognised through the end of the month it belongs to, in March's books.
    expect([entry.accountingPeriod.period, entry.recognitionDate.toISOString().slice(0, 10)]).toEqual(['2026-03', '2026-02-28']);
    // Late postings are flagged on the entry, not raised as exceptions.
    expect(await db().exception.count({ where: { entityId: engagement.id } })).toBe(0);
    await expectRevenueInvariants(engagement.id, { currency: 'EUR' });
  });

  it('no open period after a closed month: flagged (summary and audit), posted by the next run once a period opens', async () => {
    const engagement = await createEngagement({ model: 'TIME_AND_MATERIALS', legalEntityCode: 'IN01', contractValue: '900000', acceptedOn: '2026-03-02' });
    const time = await addTime(engagement, { workDate: '2026-03-09', approvedOn: '2026-03-10', amount: '48000' });
    await closePeriods(engagement.legalEntityId, { from: '2025-01', to: '2027-12' });

    const blocked = await runThrough('2026-03-31', { legalEntityCode: 'IN01' });
    expect(blocked).toMatchObject({ engagements: 1, entriesPosted: 0, flagCounts: { NO_OPEN_PERIOD: 1 } });
    expect(blocked.flags[0]).toMatchObject({ engagementId: engagement.id, code: 'NO_OPEN_PERIOD', exceptionCode: null, period: '2026-03', unit: `TIME:${time.id}` });
    const audit = await db().auditRecord.findFirstOrThrow({ where: { entityId: engagement.id, action: 'revenue.run' } });
    expect(audit.after).toMatchObject({ entries: 0, flags: [{ code: 'NO_OPEN_PERIOD', period: '2026-03', unit: `TIME:${time.id}` }] });

    await db().accountingPeriod.update({ where: { legalEntityId_period: { legalEntityId: engagement.legalEntityId, period: '2026-04' } }, data: { status: 'OPEN', closedAt: null } });
    const next = await runThrough('2026-04-30', { legalEntityCode: 'IN01' });
    expect(next).toMatchObject({ entriesPosted: 1, lateEntries: 1, flags: [] });
    expect(await ledgerRows(engagement.id)).toEqual([[`TIME:${time.id}:1`, 'ADJUSTMENT', '2026-04', '48000.00', 'late:2026-03']]);
  });
});
