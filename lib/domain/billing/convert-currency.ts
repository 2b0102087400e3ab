// Converting a source amount into the engagement (invoice) currency with the rate of the
// source's date (DESIGN.md §3). The lookup is given by the workflow, which reads FxRate rows
// (stored one way, X → USD) and inverts or crosses them as needed; here it is a pure function.
import { dec, type Decimal, type DecimalInput } from '../money/decimal.ts';
import type { IsoDate } from '../periods/calendar-date.ts';

/** 1 unit of `from` = rate units of `to` on `date`; null when no rate is known. */
export type FxLookup = (query: { from: string; to: string; date: IsoDate }) => DecimalInput | null;

export type ConversionResult =
  | { ok: true; amount: Decimal; fxRate: Decimal | null }
  | { ok: false; code: 'FX_RATE_MISSING'; from: string; to: string; date: IsoDate };

/** amount × rate, unrounded; fxRate is null when no conversion was needed. */
export function convertCurrency(options: { amount: DecimalInput; from: string; to: string; date: IsoDate; fx: FxLookup }): ConversionResult {
  const { amount, date, fx } = options;
  const from = options.from.toUpperCase();
  const to = options.to.toUpperCase();
  if (from === to) return { ok: true, amount: dec(amount), fxRate: null };
  const found = fx({ from, to, date });
  if (found === null) return { ok: false, code: 'FX_RATE_MISSING', from, to, date };
  const rate = dec(found);
  if (!rate.isFinite() || rate.lessThanOrEqualTo(0)) throw new RangeError(`FX rate ${from}→${to} on ${date} must be positive, got ${rate.toString()}`);
  return { ok: true, amount: dec(amount).times(rate), fxRate: rate };
}
