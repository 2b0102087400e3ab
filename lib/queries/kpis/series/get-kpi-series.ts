// GET /api/v1/kpis/series: the dashboard's trends — per calendar month, the headline of the
// KPIs that have one over time, each point equal to GET /api/v1/kpis for that month (its
// asOf and reporting-currency rate). One set-based statement per trend over the whole range
// (facts summed by month, or rows grouped by month), never the KPI computation per month.
import type { KpiSeriesResponse } from '../../../http/schemas/kpi-series.ts';
import { kpiPeriodOf } from '../kpi-scope.ts';
import { ledgerSeries } from './ledger-series.ts';
import { cashAccuracySeries, marginSeries } from './fact-ratio-series.ts';
import { activationSeries, billingExceptionSeries, successRateSeries, timelinessSeries } from './row-series.ts';
import { resolveSeriesRange } from './series-range.ts';

export const DEFAULT_SERIES_MONTHS = 12;

export interface GetKpiSeriesInput {
  to?: Date;
  months?: number;
  legalEntityCode?: string;
  region?: string;
  currency?: string;
  now: Date;
}

export async function getKpiSeries(input: GetKpiSeriesInput): Promise<KpiSeriesResponse> {
  // The same default end as the KPIs: through today.
  const { to } = kpiPeriodOf(input);
  const range = await resolveSeriesRange({ ...input, to, months: input.months ?? DEFAULT_SERIES_MONTHS });
  const [ledger, margin, cashApplicationAccuracy, activationCycleTime, eventSuccessRate, billingExceptionVolume, invoiceTimeliness] = await Promise.all([
    ledgerSeries(range),
    marginSeries(range),
    cashAccuracySeries(range),
    activationSeries(range),
    successRateSeries(range),
    billingExceptionSeries(range),
    timelinessSeries(range),
  ]);
  return {
    legalEntityCode: range.scope.legalEntityCode,
    region: range.scope.region,
    currency: range.scope.currency,
    months: range.months.map(({ month, scope }) => ({ month, from: scope.period.from.toISOString(), to: scope.period.to.toISOString() })),
    series: { ...ledger, margin, cashApplicationAccuracy, activationCycleTime, eventSuccessRate, billingExceptionVolume, invoiceTimeliness },
  };
}
