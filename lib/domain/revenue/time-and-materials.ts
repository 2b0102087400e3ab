// Time-and-materials revenue (DESIGN.md §6: "revenue as the time is approved"), and billable
// expenses, which are revenue gross (the firm is principal) when incurred.
//
// Time is recognised in the period it is approved — strictly, on the later of its work date
// and its approval date: hours are not a fact the firm can book until someone approves
// them, and they cannot be revenue before they are worked. Time approved after its month
// closed therefore lands in the approval month, not as a late restatement of the work month.
// Non-billable time is cost only. Each time entry is its own unit, rounded to the minor unit
// on its own (as an invoice line billing it alone would be): reversals then undo exactly
// what one entry recognised. A superseded entry (resubmitted timesheet) is withdrawn: its
// revenue is reversed in the period of the resubmission and the new entries recognised.
import { roundToMinor } from '../money/currency.ts';
import { ZERO, type DecimalInput } from '../money/decimal.ts';
import { isIsoDate, yearMonthOf, type IsoDate } from '../periods/calendar-date.ts';
import type { RevenueTarget } from './revenue-types.ts';

/** A TimeTransaction row, dates as calendar dates. */
export interface TimeRevenueSource {
  id: string;
  workDate: IsoDate;
  billable: boolean;
  /** null while submitted, or once rejected. */
  approvedOn: IsoDate | null;
  /** hours × rate applied in the engagement currency, unrounded; null for non-billable time. */
  amount: DecimalInput | null;
  /** A resubmitted timesheet replaced it on that date. */
  supersededOn?: IsoDate | null;
  /** Issue date of the live invoice billing it (null = unbilled): releases revenue held after a void. */
  billedOn?: IsoDate | null;
}

/** An Expense row; `amount` already in the engagement currency (converted at the expense date). */
export interface ExpenseRevenueSource {
  id: string;
  incurredOn: IsoDate;
  billable: boolean;
  approvedOn: IsoDate | null;
  amount: DecimalInput;
  billedOn?: IsoDate | null;
}

export function timeRevenueTargets(options: { asOf: IsoDate; currency: string; time: readonly TimeRevenueSource[] }): RevenueTarget[] {
  const { asOf, currency } = options;
  assertDate(asOf, 'asOf');
  const targets: RevenueTarget[] = [];
  for (const entry of options.time) {
    if (!entry.billable || entry.amount === null) continue;
    assertDate(entry.workDate, `workDate of time ${entry.id}`);
    const unit = { type: 'TIME' as const, ref: entry.id };
    const eligibleOn = entry.approvedOn === null ? null : later(entry.workDate, entry.approvedOn);
    const supersededOn = entry.supersededOn ?? null;
    if (supersededOn !== null && supersededOn <= asOf) {
      targets.push(withdrawn(unit, supersededOn, eligibleOn));
    } else if (entry.approvedOn === null) {
      // Rejected (or back to submitted) after having been approved: undo whatever it recognised.
      targets.push(withdrawn(unit, asOf, null));
    } else if (eligibleOn !== null && eligibleOn <= asOf) {
      const amount = roundToMinor(entry.amount, currency);
      targets.push({ unit, amount, period: yearMonthOf(eligibleOn), eligibleOn, billedOn: entry.billedOn ?? null });
    }
    // Approved after asOf: not yet revenue as of that date — and not withdrawn either.
  }
  return targets;
}

/** Billable expenses: revenue gross in the month incurred, once approved (late if that month closed). */
export function expenseRevenueTargets(options: { asOf: IsoDate; currency: string; expenses: readonly ExpenseRevenueSource[] }): RevenueTarget[] {
  const { asOf, currency } = options;
  assertDate(asOf, 'asOf');
  const targets: RevenueTarget[] = [];
  for (const expense of options.expenses) {
    if (!expense.billable) continue;
    assertDate(expense.incurredOn, `incurredOn of expense ${expense.id}`);
    const unit = { type: 'EXPENSE' as const, ref: expense.id };
    if (expense.approvedOn === null) {
      targets.push(withdrawn(unit, asOf, null));
      continue;
    }
    const eligibleOn = later(expense.incurredOn, expense.approvedOn);
    if (eligibleOn > asOf) continue;
    const amount = roundToMinor(expense.amount, currency);
    targets.push({ unit, amount, period: yearMonthOf(expense.incurredOn), eligibleOn, billedOn: expense.billedOn ?? null });
  }
  return targets;
}

function withdrawn(unit: RevenueTarget['unit'], on: IsoDate, eligibleOn: IsoDate | null): RevenueTarget {
  return { unit, amount: ZERO, period: yearMonthOf(on), eligibleOn, withdrawn: { on } };
}

function later(a: IsoDate, b: IsoDate): IsoDate {
  assertDate(b, 'date');
  return a > b ? a : b;
}

function assertDate(value: string, what: string): void {
  if (!isIsoDate(value)) throw new RangeError(`${what} must be a date (YYYY-MM-DD), got ${value}`);
}
