// The money of an accepted quote, computed exactly (decimal.js, never floats): each line's
// amount (quantity × unit price, rounded half-up to the currency's minor unit, like an
// invoice line), the subtotal, the quoted milestones' total and the contract value —
// fixed fee: the milestones; T&M: the priced lines (an estimate, billed as time is
// approved); retainer: the committed fees (monthly fee × months). Pure.
import { isKnownCurrency, roundToMinor } from '../../domain/money/currency.ts';
import { Decimal, dec, sum, type DecimalInput } from '../../domain/money/decimal.ts';
import type { QuoteAcceptedData } from '../../ingest/schemas/quote-accepted.ts';

export interface QuoteFigures {
  lineAmounts: string[];
  subtotal: string;
  milestonesTotal: string | null;
  contractValue: string;
}

/** Rounds to the currency's minor unit; an unknown currency (held later) keeps the column's 4 places. */
function rounder(currency: string): (value: DecimalInput) => Decimal {
  return isKnownCurrency(currency) ? (value) => roundToMinor(value, currency) : (value) => dec(value).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
}

export function quoteFigures(data: Pick<QuoteAcceptedData, 'currency' | 'billingModel' | 'lines' | 'milestones' | 'retainer'>): QuoteFigures {
  const round = rounder(data.currency);
  const lineAmounts = data.lines.map((line) => round(dec(line.quantity).times(dec(line.unitPrice))));
  const subtotal = sum(lineAmounts);
  const milestonesTotal = data.milestones?.length ? sum(data.milestones.map((m) => m.amount)) : null;
  let contractValue = subtotal;
  if (data.billingModel === 'FIXED_FEE_MILESTONE' && milestonesTotal) contractValue = milestonesTotal;
  if (data.billingModel === 'RETAINER_WITH_OVERAGE' && data.retainer) contractValue = round(dec(data.retainer.monthlyFee).times(data.retainer.months));
  return {
    lineAmounts: lineAmounts.map(String),
    subtotal: subtotal.toString(),
    milestonesTotal: milestonesTotal?.toString() ?? null,
    contractValue: contractValue.toString(),
  };
}

/** Budget hours: the quantities of the hourly lines, or null when nothing is sold by the hour. */
export function budgetHours(quantities: readonly string[]): string | null {
  if (quantities.length === 0) return null;
  return sum(quantities).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();
}
