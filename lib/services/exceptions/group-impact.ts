// The financial impact of an exception in the group currency: loads the candidate FX
// rates for the transaction date through the caller's transaction and lets the pure
// domain choose and convert. A missing rate gives impact 0 and says so in the details.
import type { Prisma } from '../../db/client.ts';
import { calendarDay, GROUP_CURRENCY, isDecimalAmount, toGroupCurrency, type FxRateQuote } from '../../domain/exceptions/group-currency.ts';

export interface ImpactInput {
  amount: string;
  currency: string;
  /** The transaction date whose rate applies. */
  date: Date;
}

export interface GroupImpact {
  financialImpact: string;
  impactAmount: string;
  impactCurrency: string;
  /** Goes into Exception.details.fx, so people see which rate (or that none) was used. */
  fx: Record<string, unknown>;
}

export async function groupImpact(tx: Prisma.TransactionClient, impact: ImpactInput): Promise<GroupImpact> {
  const currency = impact.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new TypeError(`Not an ISO 4217 currency code: ${impact.currency}`);
  if (!isDecimalAmount(impact.amount)) throw new TypeError(`Not a decimal amount: ${impact.amount}`);

  const rates = currency === GROUP_CURRENCY ? [] : await loadCandidateRates(tx, currency, impact.date);
  const converted = toGroupCurrency({ amount: impact.amount, currency, date: impact.date, rates });
  const fx =
    converted.status === 'converted'
      ? { status: 'converted', rate: converted.rate, rateDate: converted.rateDate, inverse: converted.inverse }
      : {
          status: 'rate-missing',
          note: `No ${currency}/${GROUP_CURRENCY} rate on or before ${converted.date}: the financial impact counts as 0 until one is loaded.`,
        };
  return { financialImpact: converted.amount, impactAmount: impact.amount, impactCurrency: currency, fx };
}

// The latest rate on or before the day, for each direction: all the lookup can choose from.
// Both queries walk the (baseCurrency, quoteCurrency, rateDate) unique index backwards.
async function loadCandidateRates(tx: Prisma.TransactionClient, currency: string, date: Date): Promise<FxRateQuote[]> {
  const day = new Date(`${calendarDay(date)}T00:00:00.000Z`);
  const pairs = [
    { baseCurrency: currency, quoteCurrency: GROUP_CURRENCY },
    { baseCurrency: GROUP_CURRENCY, quoteCurrency: currency },
  ];
  const quotes: FxRateQuote[] = [];
  for (const pair of pairs) {
    const row = await tx.fxRate.findFirst({
      where: { ...pair, rateDate: { lte: day } },
      orderBy: { rateDate: 'desc' },
      select: { baseCurrency: true, quoteCurrency: true, rateDate: true, rate: true },
    });
    if (row) quotes.push({ ...row, rate: row.rate.toString() });
  }
  return quotes;
}
