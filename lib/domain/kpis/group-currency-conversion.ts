// KPIs add money across currencies in the group currency (USD), each amount converted with
// the rate of its own transaction date (DESIGN.md §3). The rate lookup is the caller's —
// these functions stay pure — and group-currency amounts are passed through unconverted.
import { GROUP_CURRENCY, roundToMinor } from '../money/currency.ts';
import { Decimal, dec, type DecimalInput } from '../money/decimal.ts';

/** Converts `amount` in `currency` to the group currency at the rate of `on`. Throws when it cannot. */
export type ToGroupCurrency = (amount: Decimal, currency: string, on: Date) => Decimal;

export function toGroup(convert: ToGroupCurrency, amount: DecimalInput, currency: string, on: Date): Decimal {
  const code = currency.trim().toUpperCase();
  return code === GROUP_CURRENCY ? dec(amount) : convert(dec(amount), code, on);
}

/** Totals are kept exact while adding and rounded half-up to cents once, when reported. */
export function roundGroup(amount: Decimal): Decimal {
  return roundToMinor(amount, GROUP_CURRENCY);
}
