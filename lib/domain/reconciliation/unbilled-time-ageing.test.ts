import { describe, expect, it } from 'vitest';
import { addDays } from '../periods/calendar-date.ts';
import { billableFrom, billingPeriodEnd, daysOverdue, isTimeOverdue, overdueTimeCutoff, type TimeBillingCadence } from './unbilled-time-ageing.ts';

describe('billing period and billable-from day', () => {
  it.each([
    // workDate, cadence, period end, approved on, billable from
    ['2026-03-02', 'WEEKLY', '2026-03-08', null, '2026-03-09'], // Monday → Sunday of its ISO week
    ['2026-03-08', 'WEEKLY', '2026-03-08', null, '2026-03-09'], // Sunday is the last day of its own week
    ['2026-12-31', 'WEEKLY', '2027-01-03', null, '2027-01-04'], // week 53 runs into the next year
    ['2026-03-02', 'WEEKLY', '2026-03-08', '2026-03-20', '2026-03-20'], // approved late: billable from approval
    ['2026-03-02', 'WEEKLY', '2026-03-08', '2026-03-03', '2026-03-09'], // approved early: after the week
    ['2026-02-10', 'MONTHLY', '2026-02-28', null, '2026-03-01'],
    ['2028-02-10', 'MONTHLY', '2028-02-29', null, '2028-03-01'], // leap year
  ] as const)('%s %s → period ends %s; approved %s → billable from %s', (workDate, cadence, end, approvedOn, from) => {
    expect(billingPeriodEnd(workDate, cadence)).toBe(end);
    expect(billableFrom({ workDate, approvedOn }, cadence)).toBe(from);
  });
});

describe('isTimeOverdue: a whole cadence after it became billable', () => {
  it.each([
    // workDate, approvedOn, cadence, asOf, overdue, days overdue
    ['2026-03-02', null, 'WEEKLY', '2026-03-15', false, -1], // billable 03-09, due by 03-16
    ['2026-03-02', null, 'WEEKLY', '2026-03-16', true, 0],
    ['2026-03-08', '2026-03-08', 'WEEKLY', '2026-03-16', true, 0], // same week, same answer
    ['2026-03-02', '2026-03-20', 'WEEKLY', '2026-03-26', false, -1], // late approval restarts the clock
    ['2026-03-02', '2026-03-20', 'WEEKLY', '2026-03-27', true, 0],
    ['2026-03-02', null, 'WEEKLY', '2026-05-01', true, 46],
    ['2026-02-10', null, 'MONTHLY', '2026-03-31', false, -1], // billable 03-01, due by 04-01
    ['2026-02-10', null, 'MONTHLY', '2026-04-01', true, 0],
  ] as const)('%s approved %s, %s, as of %s → %s (%s days)', (workDate, approvedOn, cadence, asOf, overdue, days) => {
    expect(isTimeOverdue({ workDate, approvedOn }, cadence, asOf)).toBe(overdue);
    expect(daysOverdue({ workDate, approvedOn }, cadence, asOf)).toBe(days);
  });
});

describe('overdueTimeCutoff selects exactly the overdue entries', () => {
  it.each([
    ['WEEKLY', '2026-03-16', '2026-03-08', '2026-03-09'],
    ['WEEKLY', '2026-03-15', '2026-03-01', '2026-03-08'],
    ['MONTHLY', '2026-04-01', '2026-02-28', '2026-03-01'],
    ['MONTHLY', '2026-03-31', '2026-01-31', '2026-02-28'],
  ] as const)('%s as of %s: work on or before %s, approved on or before %s', (cadence, asOf, workDate, approved) => {
    expect(overdueTimeCutoff(cadence, asOf)).toEqual({ workDateOnOrBefore: workDate, approvedOnOrBefore: approved });
  });

  // The bounds are what the SQL uses: they must agree with the rule for every day and approval.
  it.each(['WEEKLY', 'MONTHLY'] as const)('agrees with isTimeOverdue over a year of work dates, approvals and run dates (%s)', (cadence: TimeBillingCadence) => {
    const mismatches: string[] = [];
    for (let a = 0; a < 400; a += 11) {
      const asOf = addDays('2026-01-01', a);
      const cutoff = overdueTimeCutoff(cadence, asOf);
      for (let w = -120; w <= 5; w++) {
        const workDate = addDays(asOf, w);
        for (const lag of [null, 0, 4, 9, 40]) {
          const approvedOn = lag === null ? null : addDays(workDate, lag);
          const bySql = workDate <= cutoff.workDateOnOrBefore && (approvedOn === null || approvedOn <= cutoff.approvedOnOrBefore);
          if (bySql !== isTimeOverdue({ workDate, approvedOn }, cadence, asOf)) mismatches.push(`${asOf} ${workDate} ${approvedOn}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
