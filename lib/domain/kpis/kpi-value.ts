// How KPI figures are made and shown: ratios are exact Decimals (0..1), and a ratio over
// nothing is null — not 0, which would claim a perfect or a failing score — displayed "—".
import { GROUP_CURRENCY, formatMinor } from '../money/currency.ts';
import { Decimal, dec, sum, type DecimalInput } from '../money/decimal.ts';

export const NO_VALUE = '—';

/** numerator ÷ denominator, or null when the denominator is zero. */
export function ratio(numerator: DecimalInput, denominator: DecimalInput): Decimal | null {
  const d = dec(denominator);
  return d.isZero() ? null : dec(numerator).dividedBy(d);
}

export function mean(values: readonly DecimalInput[]): Decimal | null {
  return values.length === 0 ? null : sum(values).dividedBy(values.length);
}

export function maximum(values: readonly DecimalInput[]): Decimal | null {
  return values.length === 0 ? null : Decimal.max(...values.map(dec));
}

/** A ratio as a percentage for display, half-up: 0.8755 → "87.6%"; null → "—". */
export function formatPercent(value: Decimal | null, decimals = 1): string {
  return value === null ? NO_VALUE : `${value.times(100).toFixed(decimals, Decimal.ROUND_HALF_UP)}%`;
}

/** A plain figure (days, hours, counts per second) for display; null → "—". */
export function formatFigure(value: Decimal | null, decimals = 1): string {
  return value === null ? NO_VALUE : value.toFixed(decimals, Decimal.ROUND_HALF_UP);
}

/** A group-currency amount for display ("1234.50 USD"); null → "—". */
export function formatGroupAmount(value: Decimal | null): string {
  return value === null ? NO_VALUE : `${formatMinor(value, GROUP_CURRENCY)} ${GROUP_CURRENCY}`;
}

