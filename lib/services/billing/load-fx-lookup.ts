// The FX lookup the billing core takes (convert-currency.ts), built from FxRate rows:
// the rate of the date or the latest earlier one (findFxRate's rules), inverted when only
// the opposite pair is stored, and crossed through USD when neither is (rows are stored
// X → USD, so GBP → EUR goes GBP → USD → EUR). Rows are loaded once per batch, not per call.
import type { Prisma } from '../../db/client.ts';
import type { FxLookup } from '../../domain/billing/convert-currency.ts';
import { findFxRate, GROUP_CURRENCY, type FxRateQuote } from '../../domain/exceptions/group-currency.ts';
import { dec } from '../../domain/money/decimal.ts';
import type { IsoDate } from '../../domain/periods/calendar-date.ts';

/** A lookup over the rates between `currencies` (and USD) dated on or before `through`. */
export async function loadFxLookup(tx: Prisma.TransactionClient, options: { currencies: Iterable<string>; through: IsoDate }): Promise<FxLookup> {
  const currencies = [...new Set([...options.currencies].map((c) => c.toUpperCase()))];
  if (currencies.length === 0 || (currencies.length === 1 && currencies[0] === GROUP_CURRENCY)) return fxLookupFrom([]);
  const involved = [...new Set([...currencies, GROUP_CURRENCY])];
  const rows = await tx.fxRate.findMany({
    where: { baseCurrency: { in: involved }, quoteCurrency: { in: involved }, rateDate: { lte: new Date(`${options.through}T00:00:00Z`) } },
    select: { baseCurrency: true, quoteCurrency: true, rateDate: true, rate: true },
  });
  return fxLookupFrom(rows.map((r) => ({ ...r, rate: r.rate.toString() })));
}

export function fxLookupFrom(rates: readonly FxRateQuote[]): FxLookup {
  const direct = (from: string, to: string, date: IsoDate) => {
    const choice = findFxRate(rates, from, to, date);
    if (!choice) return null;
    return choice.inverse ? dec(1).dividedBy(choice.rate) : dec(choice.rate);
  };
  return ({ from, to, date }) => {
    if (from === to) return dec(1);
    const rate = direct(from, to, date);
    if (rate) return rate;
    if (from === GROUP_CURRENCY || to === GROUP_CURRENCY) return null;
    const toGroup = direct(from, GROUP_CURRENCY, date);
    const fromGroup = direct(GROUP_CURRENCY, to, date);
    return toGroup && fromGroup ? toGroup.times(fromGroup) : null;
  };
}
