// ISO 4217 minor units: how many decimals an amount in the currency has. Rounding per
// invoice line happens at this precision, half-up (DESIGN.md §3).
import { Decimal, dec, type DecimalInput } from './decimal.ts';

const MINOR_UNITS: Record<string, number> = {
  USD: 2, EUR: 2, GBP: 2, INR: 2, CHF: 2, CAD: 2, AUD: 2, SGD: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2, ZAR: 2, MXN: 2, BRL: 2, CNY: 2, HKD: 2, NZD: 2,
  JPY: 0, KRW: 0, CLP: 0, ISK: 0, VND: 0,
  BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3,
};

export const GROUP_CURRENCY = 'USD';

export function minorUnits(currency: string): number {
  const units = MINOR_UNITS[currency.toUpperCase()];
  if (units === undefined) throw new RangeError(`Unknown currency ${currency}: add its ISO 4217 minor units`);
  return units;
}

export function isKnownCurrency(currency: string): boolean {
  return currency.toUpperCase() in MINOR_UNITS;
}

/** Rounds half-up (away from zero on .5) to the currency's minor unit. */
export function roundToMinor(amount: DecimalInput, currency: string): Decimal {
  return dec(amount).toDecimalPlaces(minorUnits(currency), Decimal.ROUND_HALF_UP);
}

/** The amount as a fixed-point string with exactly the currency's decimals ("42300.00"). */
export function formatMinor(amount: DecimalInput, currency: string): string {
  return roundToMinor(amount, currency).toFixed(minorUnits(currency));
}

/**
 * Splits `total` into parts proportional to `weights`, each rounded to the minor unit,
 * with the rounding differences given to the largest remainders so that the parts add
 * up to the total exactly.
 */
export function allocate(total: DecimalInput, weights: readonly DecimalInput[], currency: string): Decimal[] {
  const amount = roundToMinor(total, currency);
  const ws = weights.map(dec);
  const weightSum = ws.reduce((s, w) => s.plus(w), dec(0));
  if (ws.length === 0) return [];
  if (weightSum.isZero()) throw new RangeError('Cannot allocate over weights that sum to zero');
  const scale = minorUnits(currency);
  const unit = dec(1).dividedBy(dec(10).pow(scale));
  const exact = ws.map((w) => amount.times(w).dividedBy(weightSum));
  const floored = exact.map((x) => x.toDecimalPlaces(scale, Decimal.ROUND_DOWN));
  let remainder = amount.minus(floored.reduce((s, x) => s.plus(x), dec(0)));
  const order = exact.map((x, i) => ({ i, frac: x.minus(floored[i]!).abs() })).sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  const step = remainder.isNegative() ? unit.negated() : unit;
  for (const { i } of order) {
    if (remainder.isZero()) break;
    floored[i] = floored[i]!.plus(step);
    remainder = remainder.minus(step);
  }
  return floored;
}
