import { describe, expect, it } from 'vitest';
import { expenseRevenueTargets, timeRevenueTargets, type ExpenseRevenueSource, type TimeRevenueSource } from './time-and-materials.ts';

const time = (overrides: Partial<TimeRevenueSource>): TimeRevenueSource => ({
  id: 'tt-1',
  workDate: '2026-01-28',
  billable: true,
  approvedOn: '2026-02-03',
  amount: '1200',
  ...overrides,
});

const summary = (targets: ReturnType<typeof timeRevenueTargets>) =>
  targets.map((t) => ({ ref: t.unit.ref, amount: t.amount.toFixed(), period: t.period, eligibleOn: t.eligibleOn, withdrawn: t.withdrawn?.on ?? null }));

describe('timeRevenueTargets', () => {
  it.each([
    {
      name: 'recognised in the approval month, not the work month',
      entry: time({}),
      expected: [{ ref: 'tt-1', amount: '1200', period: '2026-02', eligibleOn: '2026-02-03', withdrawn: null }],
    },
    {
      name: 'never before the work date (approved ahead of a planned day)',
      entry: time({ workDate: '2026-02-10', approvedOn: '2026-02-06' }),
      expected: [{ ref: 'tt-1', amount: '1200', period: '2026-02', eligibleOn: '2026-02-10', withdrawn: null }],
    },
    { name: 'non-billable time is cost only', entry: time({ billable: false, amount: null }), expected: [] },
    { name: 'approved after asOf: not yet revenue', entry: time({ approvedOn: '2026-03-01' }), expected: [] },
    {
      name: 'not (or no longer) approved: withdrawn',
      entry: time({ approvedOn: null }),
      expected: [{ ref: 'tt-1', amount: '0', period: '2026-02', eligibleOn: null, withdrawn: '2026-02-28' }],
    },
    {
      name: 'superseded by a resubmission: withdrawn in the month it was replaced',
      entry: time({ supersededOn: '2026-02-20' }),
      expected: [{ ref: 'tt-1', amount: '0', period: '2026-02', eligibleOn: '2026-02-03', withdrawn: '2026-02-20' }],
    },
    {
      name: 'superseded only after asOf: still revenue as of asOf',
      entry: time({ supersededOn: '2026-03-02' }),
      expected: [{ ref: 'tt-1', amount: '1200', period: '2026-02', eligibleOn: '2026-02-03', withdrawn: null }],
    },
    {
      name: 'hours × an odd rate rounds half-up per entry',
      entry: time({ amount: '154.32098625' }), // 1.25 h × 123.456789
      expected: [{ ref: 'tt-1', amount: '154.32', period: '2026-02', eligibleOn: '2026-02-03', withdrawn: null }],
    },
    { name: 'a half cent rounds up', entry: time({ amount: '10.005' }), expected: [{ ref: 'tt-1', amount: '10.01', period: '2026-02', eligibleOn: '2026-02-03', withdrawn: null }] },
  ])('$name', ({ entry, expected }) => {
    expect(summary(timeRevenueTargets({ asOf: '2026-02-28', currency: 'USD', time: [entry] }))).toEqual(expected);
  });

  it('rounds to whole yen', () => {
    const [target] = timeRevenueTargets({ asOf: '2026-02-28', currency: 'JPY', time: [time({ amount: '18562.5' })] });
    expect(target!.amount.toFixed()).toBe('18563');
  });

  it('refuses a malformed date', () => {
    expect(() => timeRevenueTargets({ asOf: '2026-02-28', currency: 'USD', time: [time({ workDate: '2026-02-30' })] })).toThrow(RangeError);
  });
});

describe('expenseRevenueTargets', () => {
  const expense = (overrides: Partial<ExpenseRevenueSource>): ExpenseRevenueSource => ({
    id: 'ex-1',
    incurredOn: '2026-01-20',
    billable: true,
    approvedOn: '2026-02-02',
    amount: '431.10',
    ...overrides,
  });

  it.each([
    { name: 'gross, in the month incurred (even when approved later)', e: expense({}), expected: [{ ref: 'ex-1', amount: '431.1', period: '2026-01', eligibleOn: '2026-02-02', withdrawn: null }] },
    { name: 'non-billable: cost only', e: expense({ billable: false }), expected: [] },
    { name: 'approved after asOf: not yet', e: expense({ approvedOn: '2026-03-05' }), expected: [] },
    { name: 'not approved: withdrawn', e: expense({ approvedOn: null }), expected: [{ ref: 'ex-1', amount: '0', period: '2026-02', eligibleOn: null, withdrawn: '2026-02-28' }] },
  ])('$name', ({ e, expected }) => {
    expect(summary(expenseRevenueTargets({ asOf: '2026-02-28', currency: 'USD', expenses: [e] }))).toEqual(expected);
  });
});
