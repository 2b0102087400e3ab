// The employee's hourly cost rate on a work date (HCM cost-rate history, DESIGN.md §10
// margin), in the engagement currency: converted with the rate of the work date when the
// employee is paid in another currency.
import type { DecimalInput } from '../money/decimal.ts';
import type { IsoDate } from '../periods/calendar-date.ts';
import { convertCurrency, type FxLookup } from './convert-currency.ts';
import { decimalText } from './invoice-draft.ts';

/** One EmployeeCostRate row: in effect from effectiveFrom until the next row starts. */
export interface CostRateInput {
  effectiveFrom: IsoDate;
  costRate: DecimalInput;
  currency: string;
}

export type CostRateResult =
  | {
      ok: true;
      /** In the engagement currency, unrounded. */
      costRate: string;
      currency: string;
      /** The HCM's figure and currency, and the rate used when they differ. */
      sourceCostRate: string;
      sourceCurrency: string;
      fxRate: string | null;
      effectiveFrom: IsoDate;
    }
  | { ok: false; code: 'COST_RATE_MISSING'; workDate: IsoDate }
  | { ok: false; code: 'FX_RATE_MISSING'; workDate: IsoDate; from: string; to: string };

export function resolveCostRate(options: { workDate: IsoDate; history: readonly CostRateInput[]; currency: string; fx: FxLookup }): CostRateResult {
  const { workDate, fx } = options;
  const currency = options.currency.toUpperCase();
  const inEffect = options.history
    .filter((r) => r.effectiveFrom <= workDate)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0))[0];
  if (!inEffect) return { ok: false, code: 'COST_RATE_MISSING', workDate };

  const converted = convertCurrency({ amount: inEffect.costRate, from: inEffect.currency, to: currency, date: workDate, fx });
  if (!converted.ok) return { ok: false, code: 'FX_RATE_MISSING', workDate, from: converted.from, to: converted.to };
  return {
    ok: true,
    costRate: decimalText(converted.amount),
    currency,
    sourceCostRate: decimalText(inEffect.costRate),
    sourceCurrency: inEffect.currency.toUpperCase(),
    fxRate: converted.fxRate ? decimalText(converted.fxRate) : null,
    effectiveFrom: inEffect.effectiveFrom,
  };
}
