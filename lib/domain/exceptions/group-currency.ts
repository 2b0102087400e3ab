// Converts an amount to the group currency (USD) for the exception queue's financial
// impact, with exact decimals. Rate lookup: the rate of the transaction's calendar day
// (UTC), else the latest earlier one; a rate of the later day wins over an older one even
// when the older is the direct pair; on the same day the direct pair (from → USD) wins over
// the inverse (USD → from, divided). Rates after the transaction date are never used.
// A missing rate is a result, not an error: the impact is then 0 and the caller says why.
import Decimal from 'decimal.js';

export const GROUP_CURRENCY = 'USD';
const GROUP_MINOR_UNIT_DIGITS = 2;

// Private constructor: 40 significant digits keep a 19-digit amount times (or divided by)
// a 10-decimal rate exact enough that only the final rounding rounds.
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export interface FxRateQuote {
  baseCurrency: string;
  quoteCurrency: string;
  /** The calendar day of the rate ('YYYY-MM-DD', or a Date read as its UTC day). */
  rateDate: string | Date;
  /** 1 baseCurrency = rate × quoteCurrency, as a decimal string. */
  rate: string;
}

/** The candidate rates the caller loaded; the lookup rules above choose among them. */
export type FxRateLookup = readonly FxRateQuote[];

export interface FxRateChoice {
  rate: string;
  rateDate: string;
  /** True when the table had USD → from and the amount was divided by it. */
  inverse: boolean;
}

export type GroupCurrencyAmount =
  | { status: 'converted'; amount: string; currency: typeof GROUP_CURRENCY; rate: string; rateDate: string | null; inverse: boolean }
  | { status: 'rate-missing'; amount: '0.00'; currency: typeof GROUP_CURRENCY; fromCurrency: string; date: string };

export function calendarDay(date: string | Date): string {
  return typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10);
}

/** Rounds half-up (away from zero on a tie, for negative amounts too) to USD cents. */
export function roundGroupAmount(value: Decimal.Value): string {
  const rounded = new Exact(value).toDecimalPlaces(GROUP_MINOR_UNIT_DIGITS, Decimal.ROUND_HALF_UP);
  return (rounded.isZero() ? rounded.abs() : rounded).toFixed(GROUP_MINOR_UNIT_DIGITS);
}

export function findFxRate(rates: FxRateLookup, from: string, to: string, date: string | Date): FxRateChoice | null {
  const day = calendarDay(date);
  let best: FxRateChoice | null = null;
  for (const quote of rates) {
    const base = quote.baseCurrency.toUpperCase();
    const target = quote.quoteCurrency.toUpperCase();
    const inverse = base === to && target === from;
    if (!(base === from && target === to) && !inverse) continue;
    const rateDay = calendarDay(quote.rateDate);
    // A zero or negative rate is a bad row, not a rate: skip it rather than divide by it.
    if (rateDay > day || !new Exact(quote.rate).greaterThan(0)) continue;
    const better = !best || rateDay > best.rateDate || (rateDay === best.rateDate && best.inverse && !inverse);
    if (better) best = { rate: quote.rate, rateDate: rateDay, inverse };
  }
  return best;
}

export function toGroupCurrency(input: { amount: string; currency: string; date: Date | string; rates: FxRateLookup }): GroupCurrencyAmount {
  const from = input.currency.toUpperCase();
  const amount = parseAmount(input.amount);
  if (from === GROUP_CURRENCY) {
    return { status: 'converted', amount: roundGroupAmount(amount), currency: GROUP_CURRENCY, rate: '1', rateDate: null, inverse: false };
  }
  const choice = findFxRate(input.rates, from, GROUP_CURRENCY, input.date);
  if (!choice) return { status: 'rate-missing', amount: '0.00', currency: GROUP_CURRENCY, fromCurrency: from, date: calendarDay(input.date) };
  const converted = choice.inverse ? amount.dividedBy(choice.rate) : amount.times(choice.rate);
  return { status: 'converted', amount: roundGroupAmount(converted), currency: GROUP_CURRENCY, ...choice };
}

/** Plain decimal strings only: decimal.js would also take hex, binary and exponents. */
export function isDecimalAmount(value: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(value);
}

function parseAmount(value: string): Decimal {
  if (!isDecimalAmount(value)) throw new RangeError(`Not a decimal amount: ${value}`);
  return new Exact(value);
}
