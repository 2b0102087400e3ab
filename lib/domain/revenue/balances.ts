// Contract balances of one engagement on a date (ASC 606-10-45 / IFRS 15.105-107, netted per
// contract): revenue recognised ahead of billing is an unbilled receivable (contract asset),
// billing ahead of revenue is deferred revenue (contract liability). Only one of the two is
// ever non-zero. Billing here is what the firm charged for its work — invoice subtotals
// without tax (tax is never revenue), credit notes negative, a voided invoice either left
// out or offset on its void date.
import { roundToMinor } from '../money/currency.ts';
import { dec, max, ZERO, type Decimal } from '../money/decimal.ts';
import { isIsoDate, type IsoDate } from '../periods/calendar-date.ts';
import type { DatedAmount } from './revenue-types.ts';

export interface ContractBalances {
  recognized: Decimal;
  billed: Decimal;
  /** max(0, recognised − billed). */
  unbilledReceivable: Decimal;
  /** max(0, billed − recognised). */
  deferredRevenue: Decimal;
}

export function contractBalances(options: {
  asOf: IsoDate;
  currency: string;
  /** Revenue entries (any kind) by recognition date. */
  recognized: readonly DatedAmount[];
  /** Invoice subtotals by issue date; credit notes and void offsets negative. */
  billed: readonly DatedAmount[];
}): ContractBalances {
  const { asOf, currency } = options;
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a date (YYYY-MM-DD), got ${asOf}`);
  const recognized = roundToMinor(totalThrough(options.recognized, asOf), currency);
  const billed = roundToMinor(totalThrough(options.billed, asOf), currency);
  return {
    recognized,
    billed,
    unbilledReceivable: max(ZERO, recognized.minus(billed)),
    deferredRevenue: max(ZERO, billed.minus(recognized)),
  };
}

function totalThrough(items: readonly DatedAmount[], asOf: IsoDate): Decimal {
  let total = ZERO;
  for (const item of items) {
    if (!isIsoDate(item.on)) throw new RangeError(`Not a date (YYYY-MM-DD): ${item.on}`);
    if (item.on <= asOf) total = total.plus(dec(item.amount));
  }
  return total;
}
