// The landing page is the executive dashboard (DESIGN.md §10, issue 6): every KPI for the
// URL's period, legal entity, region and currency as cards compared with the previous period,
// with monthly trends and charts; every number links to the rows behind it; CSV export and
// a print layout. The KPIs are computed once per request and hydrated into TanStack Query;
// the cards and the charts stream in their own Suspense boundaries.
import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { pageAccess } from '@/lib/auth/page-access';
import { can, roleLabels, type Permission } from '@/lib/auth/permissions';
import { AGE_BUCKETS } from '@/lib/domain/kpis/unbilled-time';
import { recordToSearchParams } from '@/lib/http/search-params';
import { listReportingEntities } from '@/lib/queries/kpis/list-reporting-entities';
import { DashboardCharts, type ChartLinks } from '@/components/kpi/dashboard-charts';
import { DashboardFilters } from '@/components/kpi/dashboard-filters';
import { parseDashboardParams, periodOptions, type DashboardView } from '@/components/kpi/dashboard-params';
import { Prefetched } from '@/components/kpi/dashboard-prefetch';
import { KpiCards } from '@/components/kpi/kpi-cards';
import { drillDownHref, kpiPageHref, writeOffsHref } from '@/components/kpi/kpi-links';
import { kpiKeys } from '@/lib/queries/kpis/kpi-catalog';
import { ChartsSkeleton, CardsSkeleton } from '@/components/kpi/kpi-skeletons';
import { PrintButton } from '@/components/kpi/print-button';
import { AccessDenied } from '@/components/ui/access-denied';
import { ErrorState } from '@/components/ui/error-state';
import { DateText } from '@/components/ui/date-text';

export const metadata: Metadata = { title: 'Dashboard' };

function chartLinks(view: DashboardView, kpiLinks: Record<string, string>): ChartLinks {
  return {
    kpis: kpiLinks,
    ageBuckets: Object.fromEntries(AGE_BUCKETS.map((b) => [b.label, kpiPageHref('unbilledApprovedTime', view, { age: b.label })])),
    leakage: {
      approvedTimeNeverBilled: kpiPageHref('unbilledApprovedTime', view, { age: 'over-30' }),
      billedBelowRateCard: kpiPageHref('revenueLeakage', view),
      approvedMilestonesNotInvoiced: kpiPageHref('revenueLeakage', view),
      writeOffs: writeOffsHref(view),
    },
    engagement: '/engagements/{id}',
  };
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { principal, allowed } = await pageAccess('kpis:read');
  if (!allowed) return <AccessDenied area="Dashboard" roleLabel={roleLabels[principal.role]} />;
  const params = recordToSearchParams(await searchParams);
  const today = new Date().toISOString().slice(0, 10);
  const parsed = parseDashboardParams(params, today);
  const entities = await listReportingEntities();

  const header = (subtitle: ReactNode) => (
    <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">Welcome, {principal.name}</h1>
        <p className="mt-1 text-sm text-ink-muted">
          {roleLabels[principal.role]} · {subtitle}
        </p>
      </div>
      {parsed.ok ? (
        <div className="flex gap-2 print:hidden">
          <a href={`/api/v1/kpis/export?${parsed.view.kpiQuery}`} download className="rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:border-accent" data-testid="export-csv">
            Export CSV
          </a>
          <PrintButton />
        </div>
      ) : null}
    </header>
  );

  if (!parsed.ok) {
    return (
      <>
        {header('Key figures')}
        <ErrorState title="This view cannot be shown" action={<Link href="/" className="text-sm font-medium text-accent hover:text-accent-strong">Show the last 90 days</Link>}>
          {parsed.message}
        </ErrorState>
      </>
    );
  }
  const { view } = parsed;
  const allowedTo = (permission: Permission) => can(principal.role, permission);
  const keys = [...kpiKeys, 'collected'];
  const kpiLinks = Object.fromEntries(keys.map((key) => [key, drillDownHref(key, view, allowedTo)]));
  const through = new Date(view.period.to.getTime() - 86_400_000);
  const scope = view.filters.legalEntity || (view.filters.region ? `region ${view.filters.region}` : 'all legal entities');
  const subtitle = (
    <>
      <DateText value={view.period.from} kind="business-date" /> – <DateText value={through} kind="business-date" /> · {scope} · {view.filters.currency || 'USD'}
    </>
  );

  return (
    <>
      {header(subtitle)}
      <DashboardFilters filters={view.filters} periods={periodOptions(today, view.filters.period)} entities={entities} currencies={[...new Set(['USD', ...entities.map((e) => e.baseCurrency)])]} />
      <Suspense key={`cards:${view.kpiQuery}`} fallback={<CardsSkeleton />}>
        <Prefetched what="KPIs" prefetch={{ kpis: [view.kpiQuery, view.previousQuery], series: view.seriesQuery }}>
          <KpiCards kpiQuery={view.kpiQuery} previousQuery={view.previousQuery} seriesQuery={view.seriesQuery} links={kpiLinks} />
        </Prefetched>
      </Suspense>
      <section aria-labelledby="charts-heading" className="print:break-before-page">
        <h2 id="charts-heading" className="mb-3 text-sm font-semibold text-ink">Trends and breakdowns</h2>
        <Suspense key={`charts:${view.kpiQuery}`} fallback={<ChartsSkeleton />}>
          <Prefetched what="charts" prefetch={{ kpis: [view.kpiQuery], series: view.seriesQuery }}>
            <DashboardCharts kpiQuery={view.kpiQuery} seriesQuery={view.seriesQuery} links={chartLinks(view, kpiLinks)} />
          </Prefetched>
        </Suspense>
      </section>
    </>
  );
}
