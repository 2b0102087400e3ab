// The dashboard's filters live in the URL so every view can be shared: period (a preset
// token — 'last-90-days', '2026-11', '2026-Q4', '2026' — or 'custom' with from/through days),
// legalEntity, region and currency. This turns them into the KPI API's query (from/to as
// [from, to) days), the previous period's query (the cards' comparison) and the series'.
import { isKnownCurrency } from '@/lib/domain/money/currency';
import { addMonths, type IsoDate } from '@/lib/domain/periods/calendar-date';
import type { Period } from '@/lib/domain/kpis/kpi-period';
import { customPeriod, LAST_90_DAYS, presetPeriod, previousPeriod } from '@/lib/domain/kpis/reporting-period';

export const CUSTOM = 'custom';
const CODE = /^[A-Z0-9]{2,20}$/;

export interface DashboardFilters {
  period: string;
  from: string;
  through: string;
  legalEntity: string;
  region: string;
  currency: string;
}

export interface DashboardView {
  filters: DashboardFilters;
  period: Period;
  /** Query strings of GET /api/v1/kpis (this period, the previous one) and /api/v1/kpis/series. */
  kpiQuery: string;
  previousQuery: string;
  seriesQuery: string;
  /** The same filters as dashboard URL parameters (for links that keep them). */
  dashboardQuery: string;
}

export type ParsedDashboard = { ok: true; view: DashboardView } | { ok: false; message: string };

const day = (at: Date) => at.toISOString().slice(0, 10);

export function parseDashboardParams(params: URLSearchParams, today: IsoDate): ParsedDashboard {
  const get = (name: string) => (params.get(name) ?? '').trim();
  const filters: DashboardFilters = {
    period: get('period') || LAST_90_DAYS,
    from: get('from'),
    through: get('through'),
    legalEntity: get('legalEntity').toUpperCase(),
    region: get('region').toUpperCase(),
    currency: get('currency').toUpperCase(),
  };
  const period = filters.period === CUSTOM ? customPeriod(filters.from, filters.through) : presetPeriod(filters.period, today);
  if (!period) {
    return { ok: false, message: filters.period === CUSTOM ? 'A custom period needs a first and a last day (the last on or after the first).' : `"${filters.period}" is not a period: choose one from the list.` };
  }
  if (filters.legalEntity && !CODE.test(filters.legalEntity)) return { ok: false, message: `"${filters.legalEntity}" is not a legal entity code.` };
  if (filters.region && !CODE.test(filters.region)) return { ok: false, message: `"${filters.region}" is not a region.` };
  if (filters.currency && !isKnownCurrency(filters.currency)) return { ok: false, message: `"${filters.currency}" is not a currency code.` };

  const scope = (p: Period) => {
    const query = new URLSearchParams({ from: day(p.from), to: day(p.to) });
    if (filters.legalEntity) query.set('legalEntityCode', filters.legalEntity);
    if (filters.region) query.set('region', filters.region);
    if (filters.currency) query.set('currency', filters.currency);
    return query;
  };
  const series = scope(period);
  series.delete('from');
  const dashboard = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value && !(name === 'period' && value === LAST_90_DAYS) && (filters.period === CUSTOM || (name !== 'from' && name !== 'through'))) dashboard.set(name, value);
  return {
    ok: true,
    view: { filters, period, kpiQuery: scope(period).toString(), previousQuery: scope(previousPeriod(period)).toString(), seriesQuery: series.toString(), dashboardQuery: dashboard.toString() },
  };
}

export interface PeriodOption {
  value: string;
  label: string;
}

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthLabel = (month: string) => monthName.format(new Date(`${month}-01T00:00:00Z`));

/** The period choices offered, relative to today; a shared URL's other token is kept as an option. */
export function periodOptions(today: IsoDate, current: string): PeriodOption[] {
  const month = today.slice(0, 7);
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const previousQuarter = quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
  const options: PeriodOption[] = [
    { value: LAST_90_DAYS, label: 'Last 90 days' },
    { value: month, label: `This month (${monthLabel(month)})` },
    { value: addMonths(month, -1), label: `Last month (${monthLabel(addMonths(month, -1))})` },
    { value: `${year}-Q${quarter}`, label: `This quarter (Q${quarter} ${year})` },
    { value: previousQuarter, label: `Last quarter (${previousQuarter.replace(/^(\d{4})-(Q\d)$/, '$2 $1')})` },
    { value: String(year), label: `This year (${year})` },
    { value: String(year - 1), label: `Last year (${year - 1})` },
    { value: CUSTOM, label: 'Custom dates…' },
  ];
  return options.some((o) => o.value === current) ? options : [...options.slice(0, -1), { value: current, label: current }, options.at(-1)!];
}
