// Quote versus contract value (DESIGN.md §8): the contract should be worth what the
// accepted quote version says plus the approved change orders in force, and every copy of
// that figure — the contract, the current SOW version, the engagement and its billing
// plan — should agree. A difference within the tolerance (rounding to the currency's minor
// unit, or a configured share of the value) is not a finding; a different currency always is.
import { minorUnits } from '../money/currency.ts';
import { dec, Decimal, max, type DecimalInput } from '../money/decimal.ts';

export type ContractFigure = 'contract' | 'sowVersion' | 'engagement' | 'billingPlan';

export interface ContractValues {
  quoteCurrency: string;
  contractCurrency: string;
  /** The accepted quote version's contract value. */
  quotedValue: DecimalInput;
  /** Σ valueDelta of the approved change orders in force. */
  changeOrderDelta: DecimalInput;
  /** The figures to check; a missing copy (null) is not compared. */
  figures: Record<ContractFigure, DecimalInput | null>;
}

export interface ValueTolerance {
  minorUnits: number;
  ratio: DecimalInput;
}

export interface ValueDifference {
  figure: ContractFigure;
  value: string;
  /** value − expected. */
  difference: string;
}

export type ValueMismatch =
  | { kind: 'CURRENCY'; expected: string; currency: string; quoteCurrency: string; impact: string; differences: [] }
  | { kind: 'VALUE'; expected: string; currency: string; tolerance: string; impact: string; differences: ValueDifference[] };

/** The smallest difference that counts: n minor units, or the ratio of the expected value. */
export function valueTolerance(expected: DecimalInput, currency: string, tolerance: ValueTolerance): Decimal {
  if (tolerance.minorUnits < 0 || dec(tolerance.ratio).isNegative()) throw new RangeError('A tolerance cannot be negative.');
  const unit = dec(tolerance.minorUnits).dividedBy(dec(10).pow(minorUnits(currency)));
  return max(unit, dec(expected).abs().times(dec(tolerance.ratio)));
}

export function findValueMismatch(values: ContractValues, tolerance: ValueTolerance): ValueMismatch | null {
  const expected = dec(values.quotedValue).plus(dec(values.changeOrderDelta));
  const currency = values.contractCurrency.toUpperCase();
  if (values.quoteCurrency.toUpperCase() !== currency) {
    const contract = values.figures.contract ?? expected;
    return { kind: 'CURRENCY', expected: expected.toFixed(), currency, quoteCurrency: values.quoteCurrency.toUpperCase(), impact: dec(contract).abs().toFixed(), differences: [] };
  }
  const limit = valueTolerance(expected, currency, tolerance);
  const differences: ValueDifference[] = [];
  for (const [figure, value] of Object.entries(values.figures) as [ContractFigure, DecimalInput | null][]) {
    if (value === null) continue;
    const difference = dec(value).minus(expected);
    // Strictly below the tolerance is rounding; at the tolerance it is a difference.
    if (difference.abs().greaterThanOrEqualTo(limit) && !difference.isZero()) differences.push({ figure, value: dec(value).toFixed(), difference: difference.toFixed() });
  }
  if (differences.length === 0) return null;
  const impact = differences.reduce((largest, d) => Decimal.max(largest, dec(d.difference).abs()), dec(0));
  return { kind: 'VALUE', expected: expected.toFixed(), currency, tolerance: limit.toFixed(), impact: impact.toFixed(), differences };
}
