// Prices and costs one time entry when it is recorded (TimeTransaction.rateApplied, amount,
// costRate, cost). Both figures stay unrounded: rounding happens once, per invoice line.
// Non-billable time is costed (margin, utilization) but never priced.
import { dec, type DecimalInput } from '../money/decimal.ts';
import type { IsoDate } from '../periods/calendar-date.ts';
import type { FxLookup } from './convert-currency.ts';
import { decimalText } from './invoice-draft.ts';
import { resolveCostRate, type CostRateInput, type CostRateResult } from './resolve-cost-rate.ts';
import { resolveBillRate, type BillRateResult, type RateCardLineInput } from './resolve-rate.ts';

export interface PricedTimeEntry {
  /** null for non-billable time. */
  billRate: BillRateResult | null;
  /** hours × rate in the engagement currency, unrounded; null when non-billable or without a rate. */
  amount: string | null;
  costRate: CostRateResult;
  /** hours × cost rate in the engagement currency, unrounded; null without a cost rate. */
  cost: string | null;
}

export function priceTimeEntry(options: {
  role: string;
  workDate: IsoDate;
  hours: DecimalInput;
  billable: boolean;
  /** The engagement currency. */
  currency: string;
  contractLines: readonly RateCardLineInput[];
  standardLines: readonly RateCardLineInput[];
  costHistory: readonly CostRateInput[];
  fx: FxLookup;
}): PricedTimeEntry {
  const hours = dec(options.hours);
  if (hours.isNegative()) throw new RangeError('Hours cannot be negative');
  const billRate = options.billable ? resolveBillRate(options) : null;
  const costRate = resolveCostRate({ workDate: options.workDate, history: options.costHistory, currency: options.currency, fx: options.fx });
  return {
    billRate,
    amount: billRate?.ok ? decimalText(hours.times(billRate.rate)) : null,
    costRate,
    cost: costRate.ok ? decimalText(hours.times(costRate.costRate)) : null,
  };
}
