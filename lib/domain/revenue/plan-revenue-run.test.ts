import { describe, expect, it } from 'vitest';
import { sum } from '../money/decimal.ts';
import { addMonths, lastDayOfMonth } from '../periods/calendar-date.ts';
import type { AccountingPeriodInput } from '../periods/posting-period.ts';
import { checkCumulativeEqualsSumOfEntries, checkRecognizedEqualsContractValueAtCompletion, checkRecognizedWithinContractValue } from './invariants.ts';
import { planRevenueRun } from './plan-revenue-run.ts';
import type { PercentCompleteFacts } from './poc.ts';
import type { RevenueFacts } from './revenue-schedule.ts';
import type { PlannedRevenueEntry, PostedRevenueEntry, RevenueTreatment } from './revenue-types.ts';

const ENG = 'eng-1';

/** The books from `from` to `to`, all open except `closed`. */
function books(from: string, to: string, closed: string[] = []): AccountingPeriodInput[] {
  const periods: AccountingPeriodInput[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) periods.push({ period: p, status: closed.includes(p) ? 'CLOSED' : 'OPEN' });
  return periods;
}

/** A ledger that posts what a plan returns, the way the workflow writes RevenueEntry rows. */
function ledger() {
  let posted: PostedRevenueEntry[] = [];
  const all: PlannedRevenueEntry[] = [];
  return {
    post(entries: PlannedRevenueEntry[]) {
      all.push(...entries);
      posted = [
        ...posted,
        ...entries.map((e, i) => ({
          id: `re-${posted.length + i + 1}`,
          idempotencyKey: e.idempotencyKey,
          kind: e.kind,
          period: e.period,
          originalPeriod: e.originalPeriod,
          amount: e.amount.toString(),
          reversesEntryId: e.reversesEntryId,
          invoiceId: e.invoiceId,
        })),
      ];
    },
    get posted() {
      return posted;
    },
    entries: (treatment?: RevenueTreatment) => all.filter((e) => !treatment || e.treatment === treatment),
  };
}

const row = (e: PlannedRevenueEntry) => [e.idempotencyKey, e.kind, e.period, e.amount.toFixed(2), e.late ? `late:${e.originalPeriod}` : ''];

const monthlyCosts = ['777', '1554', '2331', '999', '1221', '3108', '2664', '1887', '777', '1443', '111', '1221']; // Σ 18,093
const fixedFee = (poc: Partial<PercentCompleteFacts> = {}): RevenueFacts => ({
  engagementId: ENG,
  currency: 'USD',
  model: 'FIXED_FEE_MILESTONE',
  percentComplete: {
    contractValues: [{ on: '2026-01-01', amount: '250000.00' }],
    estimatedTotalCosts: [{ on: '2026-01-01', amount: '18093' }],
    costs: monthlyCosts.map((amount, i) => ({ on: `2026-${String(i + 1).padStart(2, '0')}-28`, amount })),
    completedOn: '2026-12-28',
    ...poc,
  },
});

describe('planRevenueRun — percentage of completion', () => {
  it('a year of month-end runs: one recognition a month, repeatable, summing to the contract value', () => {
    const l = ledger();
    const periods = books('2026-01', '2027-01');
    for (let month = '2026-01'; month <= '2026-12'; month = addMonths(month, 1)) {
      const asOf = lastDayOfMonth(month);
      const plan = planRevenueRun({ asOf, facts: fixedFee(), posted: l.posted, periods });
      expect(plan.entries.map((e) => [e.idempotencyKey, e.kind, e.period])).toEqual([[`${ENG}:POC:${month}:1`, 'RECOGNITION', month]]);
      l.post(plan.entries);
      expect(planRevenueRun({ asOf, facts: fixedFee(), posted: l.posted, periods }).entries).toEqual([]); // repeatable
    }
    const entries = l.entries();
    expect(sum(entries.map((e) => e.amount)).toFixed(2)).toBe('250000.00');
    expect(checkRecognizedEqualsContractValueAtCompletion({ entries, contractValue: '250000', currency: 'USD' })).toEqual({ ok: true });
    expect(checkRecognizedWithinContractValue({ entries, contractValue: '250000', currency: 'USD' })).toEqual({ ok: true });
    expect(checkCumulativeEqualsSumOfEntries({ entries })).toEqual({ ok: true });
    expect(entries[0]!.poc).toMatchObject({ status: 'IN_PROGRESS' });
    expect(entries[0]!.poc!.costToDate.toFixed()).toBe('777');
    expect(entries[0]!.poc!.estimatedTotalCost!.toFixed()).toBe('18093');
    expect(entries.at(-1)!.poc!.status).toBe('COMPLETE');
  });

  it('one run after a year of none posts the same months, all at once', () => {
    const monthly = ledger();
    const periods = books('2026-01', '2027-01');
    for (let m = '2026-01'; m <= '2026-12'; m = addMonths(m, 1)) monthly.post(planRevenueRun({ asOf: lastDayOfMonth(m), facts: fixedFee(), posted: monthly.posted, periods }).entries);
    const once = planRevenueRun({ asOf: '2026-12-31', facts: fixedFee(), posted: [], periods });
    expect(once.entries.map(row)).toEqual(monthly.entries().map(row));
  });

  it('Hardhat Construction (Kieso, figures as cited in the brief) through the run: year totals reproduced, the re-estimate shown apart', () => {
    const facts = fixedFee({
      contractValues: [{ on: '2017-07-01', amount: '4500000' }],
      estimatedTotalCosts: [
        { on: '2017-07-01', amount: '4000000' },
        { on: '2018-12-31', amount: '4050000' },
      ],
      costs: [
        { on: '2017-12-31', amount: '1000000' },
        { on: '2018-12-31', amount: '1916000' },
        { on: '2019-10-31', amount: '1134000' },
      ],
      completedOn: '2019-10-31',
    });
    const plan = planRevenueRun({ asOf: '2019-12-31', facts, posted: [], periods: books('2017-07', '2019-12') });
    // 2018: on the old estimate 2,916,000 ÷ 4,000,000 = 72.9% (+2,155,500); the year-end
    // re-estimate to 4,050,000 makes it 72% — a catch-up of −40,500; 2,115,000 for the year.
    expect(plan.entries.map(row)).toEqual([
      [`${ENG}:POC:2017-12:1`, 'RECOGNITION', '2017-12', '1125000.00', ''],
      [`${ENG}:POC:2018-12:1`, 'RECOGNITION', '2018-12', '2155500.00', ''],
      [`${ENG}:POC:2018-12:2`, 'ADJUSTMENT', '2018-12', '-40500.00', ''],
      [`${ENG}:POC:2019-10:1`, 'RECOGNITION', '2019-10', '1260000.00', ''],
    ]);
    const year = (y: string) => sum(plan.entries.filter((e) => e.period.startsWith(y)).map((e) => e.amount)).toFixed(2);
    expect([year('2017'), year('2018'), year('2019')]).toEqual(['1125000.00', '2115000.00', '1260000.00']);
    expect(checkRecognizedEqualsContractValueAtCompletion({ entries: plan.entries, contractValue: '4500000', currency: 'USD' })).toEqual({ ok: true });
    expect(checkCumulativeEqualsSumOfEntries({ entries: plan.entries })).toEqual({ ok: true });
  });

  it('mid-month then month-end: a recognition, then an adjustment in the same period', () => {
    const facts: RevenueFacts = {
      ...fixedFee(),
      percentComplete: { contractValues: [{ on: '2026-03-01', amount: '1000' }], estimatedTotalCosts: [{ on: '2026-03-01', amount: '900' }], costs: [{ on: '2026-03-10', amount: '300' }, { on: '2026-03-25', amount: '300' }] },
    };
    const l = ledger();
    const periods = books('2026-03', '2026-04');
    l.post(planRevenueRun({ asOf: '2026-03-15', facts, posted: l.posted, periods }).entries);
    l.post(planRevenueRun({ asOf: '2026-03-31', facts, posted: l.posted, periods }).entries);
    expect(l.entries().map(row)).toEqual([
      [`${ENG}:POC:2026-03:1`, 'RECOGNITION', '2026-03', '333.33', ''],
      [`${ENG}:POC:2026-03:2`, 'ADJUSTMENT', '2026-03', '333.34', ''],
    ]);
    expect(l.entries().map((e) => e.recognitionDate)).toEqual(['2026-03-15', '2026-03-31']);
  });

  it('a change order: its month shows progress and the catch-up as separate entries; earlier months are untouched', () => {
    const before: PercentCompleteFacts = {
      contractValues: [{ on: '2026-01-01', amount: '120000' }],
      estimatedTotalCosts: [{ on: '2026-01-01', amount: '100000' }],
      costs: ['01', '02', '03', '04'].map((m) => ({ on: `2026-${m}-20`, amount: '10000' })),
    };
    const withChange: PercentCompleteFacts = {
      ...before,
      contractValues: [...before.contractValues, { on: '2026-04-15', amount: '150000' }],
      estimatedTotalCosts: [...before.estimatedTotalCosts, { on: '2026-04-15', amount: '120000' }],
    };
    const l = ledger();
    const periods = books('2026-01', '2026-12');
    l.post(planRevenueRun({ asOf: '2026-03-31', facts: fixedFee(before), posted: l.posted, periods }).entries);
    const april = planRevenueRun({ asOf: '2026-04-30', facts: fixedFee(withChange), posted: l.posted, periods });
    // On the old terms April would be 48,000 cumulative (+12,000); the new terms make it
    // 150,000 × 40,000 ÷ 120,000 = 50,000: a catch-up of 2,000.
    expect(april.entries.map(row)).toEqual([
      [`${ENG}:POC:2026-04:1`, 'RECOGNITION', '2026-04', '12000.00', ''],
      [`${ENG}:POC:2026-04:2`, 'ADJUSTMENT', '2026-04', '2000.00', ''],
    ]);
    expect(april.entries.map((e) => e.cumulativeAmount.toFixed(2))).toEqual(['48000.00', '50000.00']);
  });

  it('an estimate revision that lowers progress posts negative revenue in its month', () => {
    const facts = fixedFee({
      contractValues: [{ on: '2026-01-01', amount: '4500000' }],
      estimatedTotalCosts: [
        { on: '2026-01-01', amount: '4000000' },
        { on: '2026-02-20', amount: '6000000' },
      ],
      costs: [
        { on: '2026-01-31', amount: '1000000' },
        { on: '2026-02-28', amount: '200000' },
      ],
      completedOn: null,
    });
    const plan = planRevenueRun({ asOf: '2026-02-28', facts, posted: [], periods: books('2026-01', '2026-03') });
    // Jan 25% → 1,125,000. Feb: 1,200,000 of the old 4,000,000 would be 30% (+225,000), of
    // the new 6,000,000 it is 20% → 900,000: a catch-up of −450,000, −225,000 for the month.
    expect(plan.entries.map(row)).toEqual([
      [`${ENG}:POC:2026-01:1`, 'RECOGNITION', '2026-01', '1125000.00', ''],
      [`${ENG}:POC:2026-02:1`, 'RECOGNITION', '2026-02', '225000.00', ''],
      [`${ENG}:POC:2026-02:2`, 'ADJUSTMENT', '2026-02', '-450000.00', ''],
    ]);
  });

  it('flags a loss contract and a stale estimate, and holds progress on the latter', () => {
    const facts = fixedFee({
      contractValues: [{ on: '2026-01-01', amount: '1000' }],
      estimatedTotalCosts: [{ on: '2026-01-01', amount: '1100' }],
      costs: [
        { on: '2026-01-15', amount: '550' },
        { on: '2026-02-15', amount: '600' },
      ],
      completedOn: null,
    });
    const plan = planRevenueRun({ asOf: '2026-02-28', facts, posted: [], periods: books('2026-01', '2026-03') });
    expect(plan.entries.map(row)).toEqual([[`${ENG}:POC:2026-01:1`, 'RECOGNITION', '2026-01', '500.00', '']]);
    expect(plan.flags.map((f) => f.code)).toEqual(['LOSS_CONTRACT', 'ESTIMATE_EXCEEDED']);
  });
});

describe('planRevenueRun — closed periods', () => {
  const facts = fixedFee();

  it('amounts of closed months go to the next open month, flagged late', () => {
    const plan = planRevenueRun({ asOf: '2026-03-31', facts, posted: [], periods: books('2026-01', '2026-04', ['2026-01', '2026-02']) });
    expect(plan.entries.map(row)).toEqual([
      [`${ENG}:POC:2026-01:1`, 'ADJUSTMENT', '2026-03', '10736.20', 'late:2026-01'],
      [`${ENG}:POC:2026-02:1`, 'ADJUSTMENT', '2026-03', '21472.39', 'late:2026-02'],
      [`${ENG}:POC:2026-03:1`, 'RECOGNITION', '2026-03', '32208.59', ''],
    ]);
    expect(plan.entries.map((e) => e.recognitionDate)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    const again = planRevenueRun({ asOf: '2026-03-31', facts, posted: ledgerOf(plan.entries), periods: books('2026-01', '2026-04', ['2026-01', '2026-02']) });
    expect(again.entries).toEqual([]);
  });

  it('a cost that arrives for a closed month restates it in the next open one', () => {
    const l = ledger();
    l.post(planRevenueRun({ asOf: '2026-01-31', facts, posted: l.posted, periods: books('2026-01', '2026-03') }).entries);
    const lateCost = fixedFee({ costs: [...facts.percentComplete!.costs, { on: '2026-01-30', amount: '777' }] });
    const plan = planRevenueRun({ asOf: '2026-02-28', facts: lateCost, posted: l.posted, periods: books('2026-01', '2026-03', ['2026-01']) });
    // January is now 1,554 of 18,093 → 21,472.39 cumulative (10,736.20 was posted);
    // February is 3,108 of 18,093 → 42,944.79, less January's 21,472.39.
    expect(plan.entries.map(row)).toEqual([
      [`${ENG}:POC:2026-01:2`, 'ADJUSTMENT', '2026-02', '10736.19', 'late:2026-01'],
      [`${ENG}:POC:2026-02:1`, 'RECOGNITION', '2026-02', '21472.40', ''],
    ]);
    expect(plan.entries.at(-1)!.cumulativeAmount.toFixed(2)).toBe('42944.79');
  });

  it('a month the books do not have, or no open month after a closed one: flagged, left for the next run', () => {
    const missing = planRevenueRun({ asOf: '2026-02-28', facts, posted: [], periods: books('2026-02', '2026-03') });
    expect(missing.entries.map((e) => e.idempotencyKey)).toEqual([`${ENG}:POC:2026-02:1`]);
    expect(missing.flags).toEqual([{ code: 'PERIOD_NOT_FOUND', period: '2026-01', unit: { type: 'POC', ref: '2026-01' } }]);
    const allClosed = planRevenueRun({ asOf: '2026-01-31', facts, posted: [], periods: books('2026-01', '2026-01', ['2026-01']) });
    expect(allClosed.entries).toEqual([]);
    expect(allClosed.flags).toEqual([{ code: 'NO_OPEN_PERIOD', period: '2026-01', unit: { type: 'POC', ref: '2026-01' } }]);
  });

  it('a run dated before one already run changes nothing', () => {
    const plan = planRevenueRun({ asOf: '2026-02-28', facts, posted: [], periods: books('2026-01', '2026-03'), recognizedThrough: '2026-03-31' });
    expect(plan).toEqual({ entries: [], flags: [{ code: 'AS_OF_BEFORE_LAST_RUN', recognizedThrough: '2026-03-31' }] });
  });
});

describe('planRevenueRun — time and materials', () => {
  const tm = (time: RevenueFacts['time'], expenses: RevenueFacts['expenses'] = []): RevenueFacts => ({ engagementId: ENG, currency: 'USD', model: 'TIME_AND_MATERIALS', time, expenses });
  const periods = books('2026-01', '2026-06');

  it('recognises approved billable time in the approval month; a resubmission reverses and replaces it', () => {
    const l = ledger();
    const v1 = [
      { id: 'tt-1', workDate: '2026-01-29', billable: true, approvedOn: '2026-02-02', amount: '1500' },
      { id: 'tt-2', workDate: '2026-01-30', billable: true, approvedOn: '2026-02-02', amount: '1200' },
      { id: 'tt-3', workDate: '2026-01-30', billable: false, approvedOn: '2026-02-02', amount: null },
    ];
    l.post(planRevenueRun({ asOf: '2026-02-28', facts: tm(v1), posted: l.posted, periods }).entries);
    expect(l.entries().map(row)).toEqual([
      [`${ENG}:TIME:tt-1:1`, 'RECOGNITION', '2026-02', '1500.00', ''],
      [`${ENG}:TIME:tt-2:1`, 'RECOGNITION', '2026-02', '1200.00', ''],
    ]);
    // The timesheet is resubmitted on March 4: tt-2 becomes tt-4 with fewer hours.
    const v2 = [v1[0]!, { ...v1[1]!, supersededOn: '2026-03-04' }, v1[2]!, { id: 'tt-4', workDate: '2026-01-30', billable: true, approvedOn: '2026-03-04', amount: '900' }];
    const plan = planRevenueRun({ asOf: '2026-03-31', facts: tm(v2), posted: l.posted, periods });
    expect(plan.entries.map(row)).toEqual([
      [`${ENG}:TIME:tt-2:2`, 'REVERSAL', '2026-03', '-1200.00', ''],
      [`${ENG}:TIME:tt-4:1`, 'RECOGNITION', '2026-03', '900.00', ''],
    ]);
    expect(plan.entries[0]!.reversesEntryId).toBe('re-2');
    expect(plan.entries.map((e) => e.cumulativeAmount.toFixed(2))).toEqual(['1500.00', '2400.00']);
    l.post(plan.entries);
    expect(planRevenueRun({ asOf: '2026-03-31', facts: tm(v2), posted: l.posted, periods }).entries).toEqual([]);
    expect(checkCumulativeEqualsSumOfEntries({ entries: l.entries('AS_DELIVERED') })).toEqual({ ok: true });
  });

  it('time approved in a month that closed before the run is posted late into the next open month', () => {
    const time = [{ id: 'tt-1', workDate: '2026-01-27', billable: true, approvedOn: '2026-01-30', amount: '800' }];
    const plan = planRevenueRun({ asOf: '2026-02-05', facts: tm(time), posted: [], periods: books('2026-01', '2026-03', ['2026-01']) });
    expect(plan.entries.map(row)).toEqual([[`${ENG}:TIME:tt-1:1`, 'ADJUSTMENT', '2026-02', '800.00', 'late:2026-01']]);
    expect(plan.entries[0]!.eligibleOn).toBe('2026-01-30');
  });

  it('billable expenses are revenue at point in time, in the month incurred', () => {
    const expenses = [{ id: 'ex-1', incurredOn: '2026-02-11', billable: true, approvedOn: '2026-02-12', amount: '431.10' }];
    const plan = planRevenueRun({ asOf: '2026-02-28', facts: tm([], expenses), posted: [], periods });
    expect(plan.entries.map((e) => [e.idempotencyKey, e.treatment, e.period, e.amount.toFixed(2)])).toEqual([[`${ENG}:EXPENSE:ex-1:1`, 'POINT_IN_TIME', '2026-02', '431.10']]);
  });

  it('under a fixed fee, time is cost only; expenses are still revenue', () => {
    const facts: RevenueFacts = {
      ...fixedFee(),
      time: [{ id: 'tt-1', workDate: '2026-01-05', billable: true, approvedOn: '2026-01-06', amount: '999' }],
      expenses: [{ id: 'ex-1', incurredOn: '2026-01-09', billable: true, approvedOn: '2026-01-10', amount: '50' }],
    };
    const plan = planRevenueRun({ asOf: '2026-01-31', facts, posted: [], periods });
    expect(plan.entries.map((e) => e.unit.type)).toEqual(['POC', 'EXPENSE']);
  });

  it('leaves alone what the facts no longer mention, and refuses entries it did not key', () => {
    const posted: PostedRevenueEntry[] = [{ id: 're-1', idempotencyKey: `${ENG}:TIME:tt-gone:1`, kind: 'RECOGNITION', period: '2026-01', amount: '100' }];
    expect(planRevenueRun({ asOf: '2026-02-28', facts: tm([]), posted, periods }).entries).toEqual([]);
    const foreign = [{ ...posted[0]!, idempotencyKey: 'RECOGNITION:2026-01' }];
    expect(() => planRevenueRun({ asOf: '2026-02-28', facts: tm([]), posted: foreign, periods })).toThrow(/did not write/);
    const other = [{ ...posted[0]!, idempotencyKey: 'eng-2:TIME:tt-1:1' }];
    expect(() => planRevenueRun({ asOf: '2026-02-28', facts: tm([]), posted: other, periods })).toThrow(/belongs to engagement eng-2/);
  });
});

describe('planRevenueRun — retainer', () => {
  const retainer = (proration: 'DAILY' | 'MONTHLY', usage: NonNullable<RevenueFacts['retainer']>['usage'] = []): RevenueFacts => ({
    engagementId: ENG,
    currency: 'USD',
    model: 'RETAINER_WITH_OVERAGE',
    retainer: { terms: { startMonth: '2026-03', months: 12, monthlyFee: '3100', includedUnits: '100', overageRate: '10' }, usage, proration },
  });
  const periods = books('2026-01', '2026-12');

  it('daily: part of the fee mid-month, the rest at month end', () => {
    const l = ledger();
    l.post(planRevenueRun({ asOf: '2026-03-10', facts: retainer('DAILY'), posted: l.posted, periods }).entries);
    l.post(planRevenueRun({ asOf: '2026-03-31', facts: retainer('DAILY'), posted: l.posted, periods }).entries);
    expect(l.entries().map(row)).toEqual([
      [`${ENG}:FEE:2026-03:1`, 'RECOGNITION', '2026-03', '1000.00', ''],
      [`${ENG}:FEE:2026-03:2`, 'ADJUSTMENT', '2026-03', '2100.00', ''],
    ]);
  });

  it('monthly: the whole fee on the first run of the month, nothing more at its end', () => {
    const l = ledger();
    l.post(planRevenueRun({ asOf: '2026-03-10', facts: retainer('MONTHLY'), posted: l.posted, periods }).entries);
    expect(planRevenueRun({ asOf: '2026-03-31', facts: retainer('MONTHLY'), posted: l.posted, periods }).entries).toEqual([]);
    expect(l.entries().map(row)).toEqual([[`${ENG}:FEE:2026-03:1`, 'RECOGNITION', '2026-03', '3100.00', '']]);
  });

  it('overage in the usage month; usage reported later adjusts that month', () => {
    const l = ledger();
    const first = [{ id: 'u-1', period: '2026-03', units: '120', recordedOn: '2026-03-31' }];
    l.post(planRevenueRun({ asOf: '2026-03-31', facts: retainer('DAILY', first), posted: l.posted, periods }).entries);
    const more = [...first, { id: 'u-2', period: '2026-03', units: '5', recordedOn: '2026-04-02' }];
    const plan = planRevenueRun({ asOf: '2026-04-03', facts: retainer('DAILY', more), posted: l.posted, periods });
    expect(plan.entries.filter((e) => e.unit.type === 'OVERAGE').map(row)).toEqual([[`${ENG}:OVERAGE:2026-03:2`, 'ADJUSTMENT', '2026-03', '50.00', '']]);
    expect(l.entries().filter((e) => e.unit.type === 'OVERAGE').map(row)).toEqual([[`${ENG}:OVERAGE:2026-03:1`, 'RECOGNITION', '2026-03', '200.00', '']]);
  });
});

function ledgerOf(entries: PlannedRevenueEntry[]): PostedRevenueEntry[] {
  const l = ledger();
  l.post(entries);
  return l.posted;
}
