// The one decimal type of Threadline's financial core: decimal.js with 40 significant
// digits and half-up rounding, so intermediate results (rates × hours, FX conversions,
// percentages of completion) are exact enough that only the deliberate rounding at the
// currency's minor unit ever changes a figure.
import DecimalJs from 'decimal.js';

export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

export type DecimalInput = Decimal | string | number | bigint;

/**
 * Reads a decimal. Strings and bigints are exact; a number is accepted only when it is a
 * safe integer, because any other JS number may already have lost the value it meant.
 */
export function dec(value: DecimalInput): Decimal {
  if (value instanceof Decimal) return value;
  if (typeof value === 'bigint') return new Decimal(value.toString());
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`Refusing the float ${value} as money: pass a decimal string`);
    return new Decimal(value);
  }
  if (typeof value === 'object' && value !== null && 'toFixed' in value) return new Decimal(String(value));
  return new Decimal(value);
}

export const ZERO = new Decimal(0);

export function sum(values: readonly DecimalInput[]): Decimal {
  return values.reduce<Decimal>((total, value) => total.plus(dec(value)), ZERO);
}

export function min(a: DecimalInput, b: DecimalInput): Decimal {
  return Decimal.min(dec(a), dec(b));
}

export function max(a: DecimalInput, b: DecimalInput): Decimal {
  return Decimal.max(dec(a), dec(b));
}
