// Percentage of completion, cost-to-cost (DESIGN.md §6; the input method of ASC 606-10-55-20
// and IFRS 15.B18): cumulative revenue = contract value × cost to date ÷ estimated total
// cost, period revenue = cumulative − already recognised. A change of value or estimate
// is a cumulative catch-up in the period it takes effect: earlier periods are never restated.
//
// Rounding happens in one place: the cumulative revenue of each measurement is rounded
// half-up to the currency's minor unit, and a period's revenue is the difference of two
// rounded cumulatives. Periods therefore telescope — their sum is the last cumulative,
// which at completion is the contract value to the cent (or yen), thirds or not.
import { minorUnits, roundToMinor } from '../money/currency.ts';
import { Decimal, dec, max, min, ZERO, type DecimalInput } from '../money/decimal.ts';
import { addMonths, isIsoDate, lastDayOfMonth, yearMonthOf, type IsoDate, type YearMonth } from '../periods/calendar-date.ts';
import type { DatedAmount, RevenueFlag, RevenueTarget } from './revenue-types.ts';

/**
 * IN_PROGRESS: measured by cost-to-cost. COMPLETE: 100%, whatever the costs.
 * ESTIMATE_EXCEEDED: cost to date is above the estimated total cost before completion — the
 * estimate is stale, and recognising 100% while work remains would overstate revenue, so
 * progress is held at the previous measurement until the estimate is revised (the revision
 * then catches up). NO_ESTIMATE: no usable estimate; held the same way.
 */
export type PocStatus = 'IN_PROGRESS' | 'COMPLETE' | 'ESTIMATE_EXCEEDED' | 'NO_ESTIMATE';

export interface PocMeasurement {
  status: PocStatus;
  /** cost to date ÷ estimated total cost, exact, capped at 1 (1 at completion); null while held. */
  percentComplete: Decimal | null;
  /** Revenue earned through this measurement, rounded to the minor unit: the one rounding point. */
  cumulativeRevenue: Decimal;
  /** cumulativeRevenue − recognizedToDate; negative when progress or the value fell. */
  periodRevenue: Decimal;
  /** The expected total cost (estimate, or cost to date when higher) exceeds the contract value. */
  lossContract: boolean;
  /** Expected total cost − contract value when a loss contract, else zero. Not provisioned here. */
  expectedLoss: Decimal;
}

export function measurePercentComplete(options: {
  contractValue: DecimalInput;
  costToDate: DecimalInput;
  estimatedTotalCost: DecimalInput | null;
  /** The performance obligation is satisfied (see fixedFeeCompletedOn). */
  complete?: boolean;
  /** Cumulative revenue of the previous measurement (minor units). */
  recognizedToDate: DecimalInput;
  currency: string;
}): PocMeasurement {
  const value = dec(options.contractValue);
  const cost = dec(options.costToDate);
  const estimate = options.estimatedTotalCost === null ? null : dec(options.estimatedTotalCost);
  const recognized = dec(options.recognizedToDate);
  minorUnits(options.currency);
  if (value.isNegative()) throw new RangeError(`A contract value cannot be negative, got ${value.toString()}`);
  if (cost.isNegative()) throw new RangeError(`Cost to date cannot be negative, got ${cost.toString()}`);
  if (estimate?.isNegative()) throw new RangeError(`An estimated total cost cannot be negative, got ${estimate.toString()}`);

  const roundedValue = roundToMinor(value, options.currency);
  const expectedTotalCost = max(estimate ?? ZERO, cost);
  const lossContract = expectedTotalCost.greaterThan(value);
  const loss = { lossContract, expectedLoss: lossContract ? expectedTotalCost.minus(value) : ZERO };
  const at = (status: PocStatus, percentComplete: Decimal | null, cumulativeRevenue: Decimal): PocMeasurement => ({
    status,
    percentComplete,
    cumulativeRevenue,
    periodRevenue: cumulativeRevenue.minus(recognized),
    ...loss,
  });

  if (options.complete) return at('COMPLETE', dec(1), roundedValue);
  // Held: nothing new is earned, but a value cut below what is recognised still comes back.
  const held = min(recognized, roundedValue);
  if (estimate === null || !estimate.greaterThan(0)) return at('NO_ESTIMATE', null, held);
  if (cost.greaterThan(estimate)) return at('ESTIMATE_EXCEEDED', null, held);
  // value × cost ÷ estimate in one expression (40 digits), not via a rounded percentage.
  return at('IN_PROGRESS', cost.dividedBy(estimate), roundToMinor(value.times(cost).dividedBy(estimate), options.currency));
}

export interface PercentCompleteFacts {
  /** The contract value in force from each date: the quote's at acceptance, then each approved change order's valueAfter, dated on its approval. */
  contractValues: readonly DatedAmount[];
  /** The estimated total cost in force from each date (quote estimate, change orders, PM re-estimates). */
  estimatedTotalCosts: readonly DatedAmount[];
  /**
   * Cost incurred (time × cost rate + expenses, engagement currency), dated when it entered
   * the books. Approval dates keep past measurements stable; work dates are allowed, and a
   * cost that arrives for a past month then restates that month (rolled forward if closed).
   */
  costs: readonly DatedAmount[];
  completedOn?: IsoDate | null;
}

/**
 * One target per month from the first fact through asOf's month: month m's amount is its
 * cumulative (measured at its last day, or asOf) minus the previous month's. The last
 * month's measurement raises LOSS_CONTRACT / ESTIMATE_EXCEEDED / NO_ESTIMATE.
 */
export function percentCompleteTargets(options: { asOf: IsoDate; currency: string; facts: PercentCompleteFacts }): {
  targets: RevenueTarget[];
  flags: RevenueFlag[];
} {
  const { asOf, currency, facts } = options;
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a date (YYYY-MM-DD), got ${asOf}`);
  const values = byDate(facts.contractValues);
  const estimates = byDate(facts.estimatedTotalCosts);
  const costs = byDate(facts.costs);
  const firstDate = [values[0]?.on, estimates[0]?.on, costs[0]?.on].filter((d): d is string => d !== undefined).sort()[0];
  if (firstDate === undefined || firstDate > asOf) return { targets: [], flags: [] };

  const targets: RevenueTarget[] = [];
  const lastPeriod = yearMonthOf(asOf);
  let previous = ZERO;
  let costToDate = ZERO;
  let costIndex = 0;
  let measurement: PocMeasurement | null = null;
  let estimate: Decimal | null = null;
  let before: { contractValue: Decimal; estimate: Decimal | null } | null = null;
  for (let period = yearMonthOf(firstDate); period <= lastPeriod; period = addMonths(period, 1)) {
    const cutoff = lastDayOfMonth(period) < asOf ? lastDayOfMonth(period) : asOf;
    for (; costIndex < costs.length && costs[costIndex]!.on <= cutoff; costIndex++) costToDate = costToDate.plus(costs[costIndex]!.amount);
    const contractValue = inForce(values, cutoff) ?? ZERO;
    estimate = inForce(estimates, cutoff);
    const complete = facts.completedOn != null && facts.completedOn <= cutoff;
    const measure = (v: Decimal, e: Decimal | null) =>
      measurePercentComplete({ contractValue: v, costToDate, estimatedTotalCost: e, complete, recognizedToDate: previous, currency });
    measurement = measure(contractValue, estimate);
    // The catch-up: what the month's change of value or estimate adds to (or takes from)
    // the cumulative, against measuring this month's costs on last month's terms.
    const changed = before !== null && (!before.contractValue.eq(contractValue) || !sameEstimate(before.estimate, estimate));
    const catchUp = changed ? measurement.cumulativeRevenue.minus(measure(before!.contractValue, before!.estimate).cumulativeRevenue) : ZERO;
    before = { contractValue, estimate };
    targets.push({
      unit: { type: 'POC', ref: period },
      amount: measurement.periodRevenue,
      catchUp,
      period,
      eligibleOn: cutoff,
      poc: {
        status: measurement.status,
        contractValue,
        costToDate,
        estimatedTotalCost: estimate,
        percentComplete: measurement.percentComplete,
        cumulativeRevenue: measurement.cumulativeRevenue,
      },
    });
    previous = measurement.cumulativeRevenue;
  }
  return { targets, flags: measurement ? flagsOf(measurement, lastPeriod, costToDate, estimate) : [] };
}

function sameEstimate(a: Decimal | null, b: Decimal | null): boolean {
  return a === null || b === null ? a === b : a.eq(b);
}

function flagsOf(m: PocMeasurement, period: YearMonth, costToDate: Decimal, estimate: Decimal | null): RevenueFlag[] {
  const flags: RevenueFlag[] = [];
  if (m.lossContract) flags.push({ code: 'LOSS_CONTRACT', period, expectedLoss: m.expectedLoss });
  if (m.status === 'ESTIMATE_EXCEEDED' && estimate) flags.push({ code: 'ESTIMATE_EXCEEDED', period, costToDate, estimatedTotalCost: estimate });
  if (m.status === 'NO_ESTIMATE') flags.push({ code: 'NO_ESTIMATE', period });
  return flags;
}

interface Dated {
  on: IsoDate;
  amount: Decimal;
}

/** Sorted by date; stable, so of two facts on one day the later one in the input wins. */
function byDate(items: readonly DatedAmount[]): Dated[] {
  return items
    .map((item) => {
      if (!isIsoDate(item.on)) throw new RangeError(`Not a date (YYYY-MM-DD): ${item.on}`);
      return { on: item.on, amount: dec(item.amount) };
    })
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

function inForce(items: readonly Dated[], cutoff: IsoDate): Decimal | null {
  let found: Decimal | null = null;
  for (const item of items) {
    if (item.on > cutoff) break;
    found = item.amount;
  }
  return found;
}
