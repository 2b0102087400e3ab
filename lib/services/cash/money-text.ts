// Amounts as they are written to audit, exceptions and commands: the currency's minor
// unit ("125.50"), or every decimal when the stored figure has more (a payer's 0.005 is
// kept, never rounded away on the way out).
import { minorUnits } from '../../domain/money/currency.ts';
import { dec, type DecimalInput } from '../../domain/money/decimal.ts';

export function moneyText(amount: DecimalInput, currency: string): string {
  const value = dec(amount);
  const units = minorUnits(currency);
  return value.decimalPlaces() <= units ? value.toFixed(units) : value.toFixed();
}
