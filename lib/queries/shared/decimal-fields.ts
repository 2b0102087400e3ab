// How exact numbers leave the server: money as a string with exactly the currency's minor
// units ("42300.00"), other decimals (rates, quantities, unrounded amounts) exact with
// trailing zeros trimmed, dates as ISO 8601. Never a JS number: a float cannot carry them.
import { dec, type Decimal } from '../../domain/money/decimal.ts';
import { formatMinor, minorUnits } from '../../domain/money/currency.ts';

/** A Prisma Decimal, a decimal.js value or a decimal string. */
export type DecimalLike = { toString(): string } | string;

export function toDecimal(value: DecimalLike): Decimal {
  return dec(typeof value === 'string' ? value : value.toString());
}

/** Rounded half-up to the currency's minor unit: "42300.00". */
export function money(value: DecimalLike, currency: string): string {
  return formatMinor(toDecimal(value), currency);
}

export function moneyOrNull(value: DecimalLike | null | undefined, currency: string): string | null {
  return value === null || value === undefined ? null : money(value, currency);
}

/** Exact, with at least `minScale` decimals and no other trailing zeros: "899.9950" → "899.995". */
export function exactDecimal(value: DecimalLike, minScale = 0): string {
  const d = toDecimal(value);
  return d.toFixed(Math.max(minScale, d.decimalPlaces()));
}

export function exactOrNull(value: DecimalLike | null | undefined, minScale = 0): string | null {
  return value === null || value === undefined ? null : exactDecimal(value, minScale);
}

/** An unrounded amount in a currency: exact, but never fewer decimals than its minor unit. */
export function unroundedMoney(value: DecimalLike, currency: string): string {
  return exactDecimal(value, minorUnits(currency));
}

/** Hours as "7.50". */
export function hoursOrNull(value: DecimalLike | null | undefined): string | null {
  return value === null || value === undefined ? null : toDecimal(value).toFixed(2);
}

export function isoDateTime(value: Date): string;
export function isoDateTime(value: Date | null): string | null;
export function isoDateTime(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

/** A @db.Date column (midnight UTC) as YYYY-MM-DD. */
export function isoDate(value: Date): string;
export function isoDate(value: Date | null): string | null;
export function isoDate(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

// The one UUID check (lib/http/is-uuid.ts), re-exported for the queries that import it from here.
export { isUuid } from '../../http/is-uuid.ts';
