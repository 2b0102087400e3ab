// Amounts in lineage answers: money with the currency's minor units, exact as stored when
// the currency's minor units are unknown (never an error, never a float).
import { isKnownCurrency } from '../../domain/money/currency.ts';
import { exactDecimal, money } from '../shared/decimal-fields.ts';

export function formatAmount(amount: string, currency: string): string {
  return isKnownCurrency(currency) ? money(amount, currency) : exactDecimal(amount);
}
