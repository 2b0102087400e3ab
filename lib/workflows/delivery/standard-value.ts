// What time for an unknown engagement holds up (the exception's financial impact): its
// billable hours at the firm's group-currency list rates (STD card in USD). "0" when any
// billable entry has no list rate: a partial figure would understate it without saying so.
import { resolveBillRate } from '../../domain/billing/resolve-rate.ts';
import { GROUP_CURRENCY } from '../../domain/money/currency.ts';
import { dec, sum } from '../../domain/money/decimal.ts';
import type { Tx } from '../workflow.ts';
import type { TimesheetEntry } from './price-timesheet.ts';
import { rateCardLines, standardRateCardId } from './rate-card-lines.ts';

export async function valueAtStandardRates(tx: Tx, entries: readonly TimesheetEntry[]): Promise<{ amount: string; currency: string }> {
  const billable = entries.filter((e) => e.billable);
  const zero = { amount: '0', currency: GROUP_CURRENCY };
  if (billable.length === 0) return zero;
  const standardLines = await rateCardLines(tx, await standardRateCardId(tx, { planCardId: null, currency: GROUP_CURRENCY }));
  const values = [];
  for (const entry of billable) {
    const rate = resolveBillRate({ role: entry.role, workDate: entry.date, currency: GROUP_CURRENCY, contractLines: [], standardLines });
    if (!rate.ok) return zero;
    values.push(dec(entry.hours).times(rate.rate));
  }
  return { amount: sum(values).toFixed(2), currency: GROUP_CURRENCY };
}
