import { describe, expect, it } from 'vitest';
import { formatPercent } from './kpi-value.ts';
import { availableHoursFromWeekly, utilization, type UtilizationTimeRow } from './utilization.ts';

const period = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') }; // 22 business days
const t = (employeeId: string, hours: string, billable: boolean, fields: Partial<UtilizationTimeRow> = {}): UtilizationTimeRow => ({
  employeeId,
  hours,
  billable,
  approvalStatus: 'APPROVED',
  superseded: false,
  workDate: new Date('2026-03-10T00:00:00Z'),
  ...fields,
});

describe('availableHoursFromWeekly', () => {
  it.each([
    ['40', [], '176'],
    ['40', ['2026-03-17'], '168'],
    ['37.5', [], '165'],
  ])('%s h/week in March 2026, holidays %j → %s', (weekly, holidays, expected) => {
    expect(availableHoursFromWeekly({ standardWeeklyHours: weekly, period, holidays }).toString()).toBe(expected);
  });
});

describe('utilization', () => {
  it.each([
    { name: 'no one', time: [], available: [], employees: [], total: ['0', '0', '—'] },
    {
      name: 'billable ÷ available per employee and overall',
      time: [
        t('ann', '120', true),
        t('ann', '20', false),
        t('bob', '88', true),
        t('bob', '10', true, { superseded: true }),
        t('bob', '10', true, { approvalStatus: 'SUBMITTED' }),
        t('bob', '10', true, { workDate: new Date('2026-04-01T00:00:00Z') }),
        t('cy', '50', true), // no capacity given: listed, left out of the total
      ],
      available: [
        { employeeId: 'ann', availableHours: '160' },
        { employeeId: 'bob', availableHours: '176' },
        { employeeId: 'dee', availableHours: '0' },
      ],
      employees: [
        ['ann', '120', '75.0%'],
        ['bob', '88', '50.0%'],
        ['cy', '50', '—'],
        ['dee', '0', '—'],
      ],
      total: ['208', '336', '61.9%'],
    },
  ])('$name', ({ time, available, employees, total }) => {
    const r = utilization({ time, available, period });
    expect(r.employees.map((e) => [e.employeeId, e.billableHours.toString(), formatPercent(e.utilization)])).toEqual(employees);
    expect([r.total.billableHours.toString(), r.total.availableHours.toString(), formatPercent(r.total.utilization)]).toEqual(total);
  });
});
