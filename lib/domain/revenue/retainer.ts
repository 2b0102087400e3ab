// Retainer with overage (DESIGN.md §6): the monthly fee is revenue ratably over its month;
// usage above the month's included units is revenue in the month the usage occurred, at
// the overage rate — whenever the usage record arrives (a March record that arrives in
// April is March revenue, posted late if March has closed).
//
// Proration decides what a run in the middle of a month recognises of that month's fee:
//  - DAILY (the default): fee × days elapsed through asOf ÷ days in the month, so that the
//    deferred revenue of a fee billed in advance is right on any date; the month-end run
//    tops the month up to exactly the fee.
//  - MONTHLY: the whole fee in its month as soon as the month has begun — right for the
//    period, ahead of delivery within it.
// Both agree for a run on a month's last day. The fee is not tied to invoices (billing ≠
// revenue): voiding a fee invoice does not touch it. The overage is, per month.
import { roundToMinor } from '../money/currency.ts';
import { dec, max, ZERO, type Decimal, type DecimalInput } from '../money/decimal.ts';
import { addMonths, firstDayOfMonth, isIsoDate, isYearMonth, lastDayOfMonth, yearMonthOf, type IsoDate, type YearMonth } from '../periods/calendar-date.ts';
import type { RevenueFlag, RevenueTarget } from './revenue-types.ts';

export type RetainerProration = 'DAILY' | 'MONTHLY';

/** The BillingPlan's retainer terms; the fee covers `months` months from `startMonth`. */
export interface RetainerTerms {
  startMonth: YearMonth;
  months: number;
  monthlyFee: DecimalInput;
  includedUnits: DecimalInput;
  overageRate: DecimalInput;
  /** Change orders that change the terms from a month on; earlier months keep the old terms. */
  changes?: readonly RetainerTermsChange[];
}

export interface RetainerTermsChange {
  fromMonth: YearMonth;
  monthlyFee?: DecimalInput;
  includedUnits?: DecimalInput;
  overageRate?: DecimalInput;
  /** New length of the whole term in months, counted from startMonth (extension or early end). */
  months?: number;
}

/** A UsageRecord row. */
export interface UsageRevenueSource {
  id: string;
  period: YearMonth;
  units: DecimalInput;
  recordedOn: IsoDate;
  /** Issue date of the live invoice billing its overage (null = unbilled). */
  billedOn?: IsoDate | null;
}

export interface RetainerFacts {
  terms: RetainerTerms;
  usage: readonly UsageRevenueSource[];
  proration?: RetainerProration;
}

/** The fee revenue of `month` earned through asOf. */
export function retainerFeeRevenue(options: { month: YearMonth; asOf: IsoDate; monthlyFee: DecimalInput; currency: string; proration: RetainerProration }): Decimal {
  const { month, asOf, currency } = options;
  if (!isYearMonth(month)) throw new RangeError(`month must be YYYY-MM, got ${month}`);
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a date (YYYY-MM-DD), got ${asOf}`);
  const fee = dec(options.monthlyFee);
  if (fee.isNegative()) throw new RangeError(`A monthly fee cannot be negative, got ${fee.toString()}`);
  if (asOf < firstDayOfMonth(month)) return roundToMinor(0, currency);
  const lastDay = lastDayOfMonth(month);
  if (asOf >= lastDay || options.proration === 'MONTHLY') return roundToMinor(fee, currency);
  return roundToMinor(fee.times(dayOfMonth(asOf)).dividedBy(dayOfMonth(lastDay)), currency);
}

/** (units − included units, never below zero) × overage rate, rounded to the minor unit. */
export function overageRevenue(options: { units: DecimalInput; includedUnits: DecimalInput; overageRate: DecimalInput; currency: string }): Decimal {
  const rate = dec(options.overageRate);
  if (rate.isNegative()) throw new RangeError(`An overage rate cannot be negative, got ${rate.toString()}`);
  const above = max(ZERO, dec(options.units).minus(options.includedUnits));
  return roundToMinor(above.times(rate), options.currency);
}

export interface RetainerMonthTerms {
  inTerm: boolean;
  monthlyFee: Decimal;
  includedUnits: Decimal;
  overageRate: Decimal;
}

/** The terms in force for a month: the plan's, with every change from that month or before applied in order. */
export function retainerTermsFor(terms: RetainerTerms, month: YearMonth): RetainerMonthTerms {
  if (!isYearMonth(terms.startMonth) || !isYearMonth(month)) throw new RangeError(`Retainer months must be YYYY-MM (${terms.startMonth}, ${month})`);
  const changes = [...(terms.changes ?? [])].filter((c) => c.fromMonth <= month).sort((a, b) => (a.fromMonth < b.fromMonth ? -1 : a.fromMonth > b.fromMonth ? 1 : 0));
  let { monthlyFee, includedUnits, overageRate, months } = terms;
  for (const change of changes) {
    monthlyFee = change.monthlyFee ?? monthlyFee;
    includedUnits = change.includedUnits ?? includedUnits;
    overageRate = change.overageRate ?? overageRate;
    months = change.months ?? months;
  }
  if (!Number.isSafeInteger(months) || months < 0) throw new RangeError(`A retainer runs a whole number of months, got ${months}`);
  const inTerm = month >= terms.startMonth && month < addMonths(terms.startMonth, months);
  return { inTerm, monthlyFee: dec(monthlyFee), includedUnits: dec(includedUnits), overageRate: dec(overageRate) };
}

/**
 * FEE:<month> for every month of the term begun by asOf, OVERAGE:<month> for every month
 * with usage recorded by asOf. A month that a change order took out of the term is
 * withdrawn (what it recognised is reversed); usage outside the term is flagged, not priced.
 */
export function retainerTargets(options: { asOf: IsoDate; currency: string; retainer: RetainerFacts }): { targets: RevenueTarget[]; flags: RevenueFlag[] } {
  const { asOf, currency, retainer } = options;
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a date (YYYY-MM-DD), got ${asOf}`);
  const proration = retainer.proration ?? 'DAILY';
  const lastPeriod = yearMonthOf(asOf);
  const targets: RevenueTarget[] = [];
  const flags: RevenueFlag[] = [];

  for (let month = retainer.terms.startMonth; month <= lastPeriod; month = addMonths(month, 1)) {
    const terms = retainerTermsFor(retainer.terms, month);
    const unit = { type: 'FEE' as const, ref: month };
    const cutoff = lastDayOfMonth(month) < asOf ? lastDayOfMonth(month) : asOf;
    if (!terms.inTerm) {
      targets.push({ unit, amount: ZERO, period: month, eligibleOn: null, withdrawn: { on: asOf } });
      continue;
    }
    const amount = retainerFeeRevenue({ month, asOf, monthlyFee: terms.monthlyFee, currency, proration });
    targets.push({ unit, amount, period: month, eligibleOn: cutoff });
  }

  for (const [month, records] of usageByMonth(retainer.usage, asOf)) {
    const units = records.reduce((total, r) => total.plus(r.units), ZERO);
    const terms = retainerTermsFor(retainer.terms, month);
    if (!terms.inTerm) {
      flags.push({ code: 'USAGE_OUTSIDE_TERM', period: month, units });
      continue;
    }
    const billed = records.map((r) => r.billedOn ?? null).filter((d): d is IsoDate => d !== null && d <= asOf);
    targets.push({
      unit: { type: 'OVERAGE', ref: month },
      amount: overageRevenue({ units, includedUnits: terms.includedUnits, overageRate: terms.overageRate, currency }),
      period: month,
      eligibleOn: records.map((r) => r.recordedOn).sort()[0]!,
      billedOn: billed.sort().at(-1) ?? null,
    });
  }
  return { targets, flags };
}

/** Usage known by asOf, for months begun by asOf, by month in order. */
function usageByMonth(usage: readonly UsageRevenueSource[], asOf: IsoDate): [YearMonth, UsageRevenueSource[]][] {
  const byMonth = new Map<YearMonth, UsageRevenueSource[]>();
  for (const record of usage) {
    if (!isYearMonth(record.period) || !isIsoDate(record.recordedOn)) throw new RangeError(`Usage ${record.id} needs a YYYY-MM period and a recordedOn date`);
    if (record.recordedOn > asOf || firstDayOfMonth(record.period) > asOf) continue;
    byMonth.set(record.period, [...(byMonth.get(record.period) ?? []), record]);
  }
  return [...byMonth.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}

function dayOfMonth(date: IsoDate): number {
  return Number(date.slice(8, 10));
}
