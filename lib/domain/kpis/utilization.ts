// Utilization (DESIGN.md §10): billable hours ÷ available hours, per employee and overall,
// over approved, current (not superseded) time worked in the period. Available hours are an
// input — from capacity planning, or availableHoursFromWeekly() on Employee's standard
// week. The overall figure only counts employees with available hours, so time booked by
// someone without a capacity does not inflate it.
import type { ApprovalStatus } from '../../db/generated/enums.ts';
import { ZERO, dec, type Decimal, type DecimalInput } from '../money/decimal.ts';
import { countBusinessDays, holidaySet } from './business-days.ts';
import { assertPeriod, inPeriod, type Period } from './kpi-period.ts';
import { ratio } from './kpi-value.ts';

export interface UtilizationTimeRow {
  employeeId: string;
  hours: DecimalInput;
  billable: boolean;
  approvalStatus: ApprovalStatus;
  superseded: boolean;
  workDate: Date;
}

export interface AvailableHoursRow {
  employeeId: string;
  availableHours: DecimalInput;
}

export interface UtilizationFigure {
  billableHours: Decimal;
  workedHours: Decimal;
  availableHours: Decimal;
  /** billable ÷ available; null without available hours. */
  utilization: Decimal | null;
}

/** Standard weekly hours spread over the business days of the period (a fifth a day). */
export function availableHoursFromWeekly(options: { standardWeeklyHours: DecimalInput; period: Period; holidays?: readonly string[] }): Decimal {
  assertPeriod(options.period);
  return dec(options.standardWeeklyHours).dividedBy(5).times(countBusinessDays(options.period.from, options.period.to, holidaySet(options.holidays)));
}

export function utilization(options: { time: readonly UtilizationTimeRow[]; available: readonly AvailableHoursRow[]; period: Period }): {
  employees: ({ employeeId: string } & UtilizationFigure)[];
  total: UtilizationFigure;
} {
  const { time, available, period } = options;
  assertPeriod(period);
  const figures = new Map<string, { billableHours: Decimal; workedHours: Decimal; availableHours: Decimal }>();
  const of = (id: string) => figures.get(id) ?? figures.set(id, { billableHours: ZERO, workedHours: ZERO, availableHours: ZERO }).get(id)!;
  for (const row of available) of(row.employeeId).availableHours = of(row.employeeId).availableHours.plus(dec(row.availableHours));
  for (const row of time) {
    if (row.approvalStatus !== 'APPROVED' || row.superseded || !inPeriod(row.workDate, period)) continue;
    const figure = of(row.employeeId);
    figure.workedHours = figure.workedHours.plus(dec(row.hours));
    if (row.billable) figure.billableHours = figure.billableHours.plus(dec(row.hours));
  }
  const employees = [...figures.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([employeeId, f]) => ({ employeeId, ...f, utilization: ratio(f.billableHours, f.availableHours) }));
  const withCapacity = employees.filter((e) => e.availableHours.greaterThan(0));
  const billableHours = withCapacity.reduce((h, e) => h.plus(e.billableHours), ZERO);
  const availableHours = withCapacity.reduce((h, e) => h.plus(e.availableHours), ZERO);
  return {
    employees,
    total: { billableHours, workedHours: withCapacity.reduce((h, e) => h.plus(e.workedHours), ZERO), availableHours, utilization: ratio(billableHours, availableHours) },
  };
}
