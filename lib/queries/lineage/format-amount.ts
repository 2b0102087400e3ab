// Amounts in lineage answers: money with the currency's minor units, exact as stored when
// the currency's minor units are unknown (never an error, never a float).
import { isKnownCurrency } from '../../domain/money/currency.ts';
import { exactDecimal, money } from '../shared/decimal-fields.ts';

export function formatAmount(amount: string, currency: string): string {
  return isKnownCurrency(currency) ? money(amount, currency) : exactDecimal(amount);
}

/**
 * formatAmount remembering its answers for one graph: a thread repeats the same amounts
 * many times (a time entry's amount is also its BILLED edge's; equal hours at equal rates),
 * and exact decimal formatting is the costliest step of a 5,000-node answer.
 */
export function amountFormatter(): (amount: string, currency: string) => string {
  const cache = new Map<string, string>();
  return (amount, currency) => {
    const key = `${currency}${amount}`;
    let formatted = cache.get(key);
    if (formatted === undefined) cache.set(key, (formatted = formatAmount(amount, currency)));
    return formatted;
  };
}
