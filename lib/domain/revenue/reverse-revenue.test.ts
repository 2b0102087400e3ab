import { describe, expect, it } from 'vitest';
import { addMonths } from '../periods/calendar-date.ts';
import type { AccountingPeriodInput } from '../periods/posting-period.ts';
import { checkCumulativeEqualsSumOfEntries } from './invariants.ts';
import { planRevenueRun } from './plan-revenue-run.ts';
import type { RevenueFacts } from './revenue-schedule.ts';
import type { PlannedRevenueEntry, PostedRevenueEntry } from './revenue-types.ts';
import { reverseRevenue, type InvoiceRevenueSource } from './reverse-revenue.ts';
import type { TimeRevenueSource } from './time-and-materials.ts';

const ENG = 'eng-1';
const books = (closed: string[] = []): AccountingPeriodInput[] => {
  const periods: AccountingPeriodInput[] = [];
  for (let p = '2026-01'; p <= '2026-12'; p = addMonths(p, 1)) periods.push({ period: p, status: closed.includes(p) ? 'CLOSED' : 'OPEN' });
  return periods;
};

function ledger() {
  const posted: PostedRevenueEntry[] = [];
  const all: PlannedRevenueEntry[] = [];
  return {
    post(entries: PlannedRevenueEntry[]) {
      for (const e of entries) {
        all.push(e);
        posted.push({ id: `re-${posted.length + 1}`, idempotencyKey: e.idempotencyKey, kind: e.kind, period: e.period, originalPeriod: e.originalPeriod, amount: e.amount.toString(), reversesEntryId: e.reversesEntryId, invoiceId: e.invoiceId });
      }
    },
    posted,
    all,
  };
}

const row = (e: PlannedRevenueEntry) => [e.idempotencyKey, e.kind, e.period, e.amount.toFixed(2), e.reversesEntryId, e.invoiceId, e.late ? `late:${e.originalPeriod}` : ''];

describe('reverseRevenue — a voided T&M invoice', () => {
  const time = (billedOn: string | null, extra: Partial<TimeRevenueSource> = {}): TimeRevenueSource[] => [
    { id: 'tt-1', workDate: '2026-02-09', billable: true, approvedOn: '2026-02-13', amount: '1500', billedOn },
    { id: 'tt-2', workDate: '2026-02-10', billable: true, approvedOn: '2026-02-13', amount: '1200', billedOn, ...extra },
  ];
  const facts = (billedOn: string | null, extra: Partial<TimeRevenueSource> = {}): RevenueFacts => ({
    engagementId: ENG,
    currency: 'USD',
    model: 'TIME_AND_MATERIALS',
    time: time(billedOn, extra),
    expenses: [{ id: 'ex-1', incurredOn: '2026-02-11', billable: true, approvedOn: '2026-02-12', amount: '431.10', billedOn }],
  });
  const sources: InvoiceRevenueSource[] = [
    { kind: 'TIME_TRANSACTION', id: 'tt-1' },
    { kind: 'TIME_TRANSACTION', id: 'tt-2' },
    { kind: 'EXPENSE', id: 'ex-1' },
    { kind: 'TIME_REVERSAL', id: 'tt-0' },
  ];

  it('reverses each source entry by entry, holds it until it is billed again, then recognises it anew', () => {
    const l = ledger();
    l.post(planRevenueRun({ asOf: '2026-02-28', facts: facts(null), posted: l.posted, periods: books() }).entries);
    expect(l.posted.map((p) => p.idempotencyKey)).toEqual([`${ENG}:TIME:tt-1:1`, `${ENG}:TIME:tt-2:1`, `${ENG}:EXPENSE:ex-1:1`]);

    const reversal = reverseRevenue({ engagementId: ENG, currency: 'USD', invoiceId: 'inv-1', on: '2026-03-10', sources, posted: l.posted, periods: books() });
    expect(reversal.entries.map(row)).toEqual([
      [`${ENG}:TIME:tt-1:2`, 'REVERSAL', '2026-03', '-1500.00', 're-1', 'inv-1', ''],
      [`${ENG}:TIME:tt-2:2`, 'REVERSAL', '2026-03', '-1200.00', 're-2', 'inv-1', ''],
      [`${ENG}:EXPENSE:ex-1:2`, 'REVERSAL', '2026-03', '-431.10', 're-3', 'inv-1', ''],
    ]);
    expect(reversal.notReversed).toEqual([{ source: { kind: 'TIME_REVERSAL', id: 'tt-0' }, reason: 'FOLLOWS_TIMESHEET' }]);
    l.post(reversal.entries);

    // Repeating the void reverses nothing more.
    const again = reverseRevenue({ engagementId: ENG, currency: 'USD', invoiceId: 'inv-1', on: '2026-03-10', sources, posted: l.posted, periods: books() });
    expect(again.entries).toEqual([]);
    expect(again.notReversed.map((n) => n.reason)).toEqual(['NOTHING_RECOGNIZED', 'NOTHING_RECOGNIZED', 'NOTHING_RECOGNIZED', 'FOLLOWS_TIMESHEET']);

    // Billable again but not yet billed: the run leaves the revenue reversed.
    expect(planRevenueRun({ asOf: '2026-03-31', facts: facts(null), posted: l.posted, periods: books() }).entries).toEqual([]);

    // Billed again on April 6: recognised again, in April.
    const rebilled = planRevenueRun({ asOf: '2026-04-30', facts: facts('2026-04-06'), posted: l.posted, periods: books() });
    expect(rebilled.entries.map(row)).toEqual([
      [`${ENG}:TIME:tt-1:3`, 'RECOGNITION', '2026-04', '1500.00', null, null, ''],
      [`${ENG}:TIME:tt-2:3`, 'RECOGNITION', '2026-04', '1200.00', null, null, ''],
      [`${ENG}:EXPENSE:ex-1:3`, 'RECOGNITION', '2026-04', '431.10', null, null, ''],
    ]);
    l.post(rebilled.entries);
    expect(planRevenueRun({ asOf: '2026-04-30', facts: facts('2026-04-06'), posted: l.posted, periods: books() }).entries).toEqual([]);
    expect(checkCumulativeEqualsSumOfEntries({ entries: l.all.filter((e) => e.treatment === 'AS_DELIVERED') })).toEqual({ ok: true });
  });

  it('a held source that is then superseded stays at nothing', () => {
    const l = ledger();
    l.post(planRevenueRun({ asOf: '2026-02-28', facts: facts(null), posted: l.posted, periods: books() }).entries);
    l.post(reverseRevenue({ engagementId: ENG, currency: 'USD', invoiceId: 'inv-1', on: '2026-03-10', sources, posted: l.posted, periods: books() }).entries);
    const plan = planRevenueRun({ asOf: '2026-03-31', facts: facts(null, { supersededOn: '2026-03-20' }), posted: l.posted, periods: books() });
    expect(plan.entries).toEqual([]);
  });

  it('a void dated in a closed month reverses into the next open one, flagged late', () => {
    const l = ledger();
    l.post(planRevenueRun({ asOf: '2026-02-28', facts: facts(null), posted: l.posted, periods: books() }).entries);
    const reversal = reverseRevenue({ engagementId: ENG, currency: 'USD', invoiceId: 'inv-1', on: '2026-02-27', sources: sources.slice(0, 1), posted: l.posted, periods: books(['2026-02']) });
    expect(reversal.entries.map(row)).toEqual([[`${ENG}:TIME:tt-1:2`, 'REVERSAL', '2026-03', '-1500.00', 're-1', 'inv-1', 'late:2026-02']]);
  });
});

describe('reverseRevenue — what does not follow billing', () => {
  it('milestones (POC) and retainer fees are left alone; overage is reversed once per month', () => {
    const facts: RevenueFacts = {
      engagementId: ENG,
      currency: 'USD',
      model: 'RETAINER_WITH_OVERAGE',
      retainer: {
        terms: { startMonth: '2026-03', months: 12, monthlyFee: '3100', includedUnits: '100', overageRate: '10' },
        usage: [
          { id: 'u-1', period: '2026-03', units: '90', recordedOn: '2026-03-15' },
          { id: 'u-2', period: '2026-03', units: '30', recordedOn: '2026-03-31' },
        ],
      },
    };
    const l = ledger();
    l.post(planRevenueRun({ asOf: '2026-03-31', facts, posted: l.posted, periods: books() }).entries);
    const reversal = reverseRevenue({
      engagementId: ENG,
      currency: 'USD',
      invoiceId: 'inv-9',
      on: '2026-04-08',
      sources: [
        { kind: 'RETAINER_FEE', id: 'plan-1', periodKey: '2026-04' },
        { kind: 'USAGE_RECORD', id: 'u-1', periodKey: '2026-03' },
        { kind: 'USAGE_RECORD', id: 'u-2', periodKey: '2026-03' },
        { kind: 'MILESTONE', id: 'ms-1' },
      ],
      posted: l.posted,
      periods: books(),
    });
    expect(reversal.entries.map(row)).toEqual([[`${ENG}:OVERAGE:2026-03:2`, 'REVERSAL', '2026-04', '-200.00', 're-2', 'inv-9', '']]);
    expect(reversal.notReversed.map((n) => [n.source.kind, n.reason])).toEqual([
      ['RETAINER_FEE', 'NOT_TIED_TO_BILLING'],
      ['MILESTONE', 'NOT_TIED_TO_BILLING'],
    ]);
  });

  it('needs the month of a usage record', () => {
    expect(() =>
      reverseRevenue({ engagementId: ENG, currency: 'USD', invoiceId: 'inv-9', on: '2026-04-08', sources: [{ kind: 'USAGE_RECORD', id: 'u-1' }], posted: [], periods: books() }),
    ).toThrow(/periodKey/);
  });
});
