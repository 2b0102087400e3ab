// Revenue leakage (DESIGN.md §10): money earned that is not (fully) being billed, by
// component and in total, in the group currency.
// - approved time never billed: billable, approved, current time with no invoice line,
//   worked more than `graceDays` (30) days before asOf — past the weekly cadence and the
//   next run, i.e. the 31+ day buckets of unbilled approved time;
// - billed below rate card: invoiced time in the period whose rate applied is under the
//   rate card's rate for the role on the work date: (card − applied) × hours;
// - approved milestones not invoiced: approved by the PM more than `graceDays` days before
//   asOf, not cancelled and with no invoice line;
// - write-offs: credit notes with reason WRITE_OFF issued in the period, and approved time
//   written off in the period (TimeWriteOff: the amount billing would have invoiced).
import type { CreditNoteReason, MilestoneStatus } from '../../db/generated/enums.ts';
import { ZERO, dec, type Decimal, type DecimalInput } from '../money/decimal.ts';
import { roundGroup, toGroup, type ToGroupCurrency } from './group-currency-conversion.ts';
import { assertPeriod, before, calendarDaysBetween, inPeriod, type Period } from './kpi-period.ts';
import { isUnbilledApproved, type TimeRow } from './unbilled-time.ts';

export const DEFAULT_LEAKAGE_GRACE_DAYS = 30;

export interface BilledTimeRow {
  id: string;
  hours: DecimalInput;
  rateApplied: DecimalInput;
  /** The rate card's rate for the role on the work date; null when the card has none. */
  rateCardRate: DecimalInput | null;
  currency: string;
  /** When the invoice carrying it was issued. */
  invoicedAt: Date;
}

export interface LeakageMilestoneRow {
  id: string;
  status: MilestoneStatus;
  approvedAt: Date | null;
  invoiceLineId: string | null;
  amount: DecimalInput;
  currency: string;
}

export interface LeakageCreditNoteRow {
  id: string;
  creditNoteReason: CreditNoteReason | null;
  total: DecimalInput;
  currency: string;
  issuedAt: Date | null;
  voidedAt: Date | null;
}

export interface LeakageTimeWriteOffRow {
  id: string;
  amount: DecimalInput;
  currency: string;
  writtenOffAt: Date;
}

export interface LeakageComponent {
  rows: number;
  amount: Decimal;
}

export interface RevenueLeakage {
  approvedTimeNeverBilled: LeakageComponent;
  billedBelowRateCard: LeakageComponent;
  approvedMilestonesNotInvoiced: LeakageComponent;
  writeOffs: LeakageComponent;
  total: Decimal;
}

export function revenueLeakage(options: {
  time: readonly TimeRow[];
  billedTime: readonly BilledTimeRow[];
  milestones: readonly LeakageMilestoneRow[];
  creditNotes: readonly LeakageCreditNoteRow[];
  timeWriteOffs?: readonly LeakageTimeWriteOffRow[];
  period: Period;
  toGroupCurrency: ToGroupCurrency;
  /** Default: the period's end. */
  asOf?: Date;
  graceDays?: number;
}): RevenueLeakage {
  const { period, toGroupCurrency: fx, asOf = options.period.to, graceDays = DEFAULT_LEAKAGE_GRACE_DAYS } = options;
  assertPeriod(period);
  if (!Number.isInteger(graceDays) || graceDays < 0) throw new RangeError('Grace days are a whole number ≥ 0');
  const component = () => ({ rows: 0, amount: ZERO });
  const add = (c: LeakageComponent, amount: Decimal) => {
    c.rows++;
    c.amount = c.amount.plus(amount);
  };
  const time = component();
  const belowCard = component();
  const milestones = component();
  const writeOffs = component();

  for (const row of options.time) {
    if (isUnbilledApproved(row) && calendarDaysBetween(row.workDate, asOf) > graceDays) add(time, toGroup(fx, row.amount ?? 0, row.currency, row.workDate));
  }
  for (const row of options.billedTime) {
    if (row.rateCardRate === null || !inPeriod(row.invoicedAt, period)) continue;
    const shortfall = dec(row.rateCardRate).minus(dec(row.rateApplied));
    if (shortfall.greaterThan(0)) add(belowCard, toGroup(fx, shortfall.times(dec(row.hours)), row.currency, row.invoicedAt));
  }
  for (const row of options.milestones) {
    const open = row.status !== 'CANCELLED' && row.status !== 'INVOICED' && row.invoiceLineId === null;
    if (open && row.approvedAt && calendarDaysBetween(row.approvedAt, asOf) > graceDays) add(milestones, toGroup(fx, row.amount, row.currency, row.approvedAt));
  }
  for (const note of options.creditNotes) {
    if (note.creditNoteReason !== 'WRITE_OFF' || !inPeriod(note.issuedAt, period) || before(note.voidedAt, period.to)) continue;
    add(writeOffs, toGroup(fx, dec(note.total).abs(), note.currency, note.issuedAt));
  }
  for (const row of options.timeWriteOffs ?? []) {
    if (inPeriod(row.writtenOffAt, period)) add(writeOffs, toGroup(fx, row.amount, row.currency, row.writtenOffAt));
  }

  const rounded = (c: LeakageComponent) => ({ rows: c.rows, amount: roundGroup(c.amount) });
  const result = { approvedTimeNeverBilled: rounded(time), billedBelowRateCard: rounded(belowCard), approvedMilestonesNotInvoiced: rounded(milestones), writeOffs: rounded(writeOffs) };
  return { ...result, total: Object.values(result).reduce((sum, c) => sum.plus(c.amount), ZERO) };
}
