// Days sales outstanding (DESIGN.md §10): AR balance at period end ÷ credit sales in the
// period × days in the period; the period is 90 days unless the caller says otherwise. All
// of Threadline's invoices are credit sales (payment terms, no cash at the counter); credit
// sales are net of voids and credit notes in the period. Totals include tax, as AR does.
import { Decimal, dec, type DecimalInput } from '../money/decimal.ts';
import { roundGroup, type ToGroupCurrency } from './group-currency-conversion.ts';
import { receivablesAt, salesInPeriod, type LedgerApplicationRow, type LedgerInvoiceRow } from './invoice-ledger.ts';
import { DAY_MS, assertPeriod, periodDays, type Period } from './kpi-period.ts';

export const DEFAULT_DSO_DAYS = 90;

/** The formula alone. Null when there were no (net) credit sales: DSO is then undefined, shown "—". */
export function daysSalesOutstanding(options: { arBalance: DecimalInput; creditSales: DecimalInput; daysInPeriod?: DecimalInput }): Decimal | null {
  const days = dec(options.daysInPeriod ?? DEFAULT_DSO_DAYS);
  if (!days.greaterThan(0)) throw new RangeError('Days in the period must be positive');
  const creditSales = dec(options.creditSales);
  // Negative net sales (more credited than sold) would give a negative number of days.
  if (!creditSales.greaterThan(0)) return null;
  return dec(options.arBalance).dividedBy(creditSales).times(days);
}

/** The default DSO window: the `days` days ending at `to` (exclusive). */
export function dsoPeriodEnding(to: Date, days: number = DEFAULT_DSO_DAYS): Period {
  if (!Number.isInteger(days) || days <= 0) throw new RangeError('A DSO period is a whole, positive number of days');
  return { from: new Date(to.getTime() - days * DAY_MS), to };
}

export interface DsoResult {
  /** Days; null when there were no credit sales in the period. */
  value: Decimal | null;
  /** Group currency, rounded to cents. */
  arBalance: Decimal;
  creditSales: Decimal;
  daysInPeriod: Decimal;
}

/** DSO over invoice, credit-note and cash-application rows (see invoice-ledger.ts). */
export function computeDso(options: {
  documents: readonly LedgerInvoiceRow[];
  applications: readonly LedgerApplicationRow[];
  period: Period;
  toGroupCurrency: ToGroupCurrency;
}): DsoResult {
  const { documents, applications, period, toGroupCurrency } = options;
  assertPeriod(period);
  const arBalance = roundGroup(receivablesAt({ documents, applications, instant: period.to, toGroupCurrency }));
  const creditSales = roundGroup(documents.reduce((total, document) => total.plus(salesInPeriod(document, period, toGroupCurrency)), new Decimal(0)));
  const daysInPeriod = periodDays(period);
  return { value: daysSalesOutstanding({ arBalance, creditSales, daysInPeriod }), arBalance, creditSales, daysInPeriod };
}
