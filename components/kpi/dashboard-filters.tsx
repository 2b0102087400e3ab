'use client';
// The dashboard's filters: a plain GET form, so the view is a URL (shareable, works without
// JavaScript). With JavaScript the custom dates appear only when "Custom dates…" is chosen.
import Link from 'next/link';
import { useState } from 'react';
import { FilterSelect } from '@/components/ui/filter-select';
import type { ReportingEntity } from '@/lib/queries/kpis/list-reporting-entities';
import { CUSTOM, type DashboardFilters as Filters, type PeriodOption } from './dashboard-params';

const field = 'rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-ink';
const labelClass = 'flex flex-col gap-1 text-xs font-medium text-ink-muted';

export function DashboardFilters({ filters, periods, entities, currencies }: { filters: Filters; periods: PeriodOption[]; entities: ReportingEntity[]; currencies: string[] }) {
  const [period, setPeriod] = useState(filters.period);
  const regions = [...new Set(entities.map((e) => e.region))];
  return (
    <form method="get" action="/" aria-label="Filter the KPIs" className="mb-6 flex flex-wrap items-end gap-3 print:hidden" data-testid="dashboard-filters">
      <FilterSelect testId="filter-period" name="period" label="Period" value={filters.period} options={periods.map((p) => [p.value, p.label])} onChange={setPeriod} />
      {period === CUSTOM ? (
        <>
          <label className={labelClass}>
            First day
            <input type="date" name="from" defaultValue={filters.from} required className={field} data-testid="filter-from" />
          </label>
          <label className={labelClass}>
            Last day
            <input type="date" name="through" defaultValue={filters.through} required className={field} data-testid="filter-through" />
          </label>
        </>
      ) : null}
      <FilterSelect testId="filter-legalEntity" name="legalEntity" label="Legal entity" value={filters.legalEntity} options={[['', 'All legal entities'], ...entities.map((e): [string, string] => [e.code, `${e.code} · ${e.name}`])]} />
      <FilterSelect testId="filter-region" name="region" label="Region" value={filters.region} options={[['', 'All regions'], ...regions.map((r): [string, string] => [r, r])]} />
      <FilterSelect testId="filter-currency" name="currency" label="Currency" value={filters.currency} options={[['', 'USD (group)'], ...currencies.filter((c) => c !== 'USD').map((c): [string, string] => [c, c])]} />
      <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent hover:bg-accent-strong" data-testid="filter-apply">
        Apply
      </button>
      <Link href="/" className="px-1 py-1.5 text-sm text-ink-muted hover:text-ink">
        Reset
      </Link>
    </form>
  );
}
