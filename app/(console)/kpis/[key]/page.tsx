// A KPI's own page (/kpis/<key>): where the dashboard's numbers lead when no list page shows
// their rows — the figure with the dashboard's filters (same URL parameters), its parts, its
// definition and rows query, and for time figures the time itself, paged, with a CSV export.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { pageAccess } from '@/lib/auth/page-access';
import { roleLabels } from '@/lib/auth/permissions';
import { recordToSearchParams } from '@/lib/http/search-params';
import { kpiCatalog, type KpiKey } from '@/lib/queries/kpis/kpi-catalog';
import { isTimeAge, TIME_ROWS_OF_KPI } from '@/lib/queries/kpis/rows/list-kpi-time-rows';
import { parseDashboardParams } from '@/components/kpi/dashboard-params';
import { KpiDetail } from '@/components/kpi/kpi-detail';
import { KpiTimeRows } from '@/components/kpi/kpi-time-rows';
import { AccessDenied } from '@/components/ui/access-denied';
import { BackLink } from '@/components/ui/back-link';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/table-skeleton';

const labelOf = (key: string): string | null => (key === 'collected' ? 'Collected (cash applied)' : key in kpiCatalog ? kpiCatalog[key as KpiKey].label : null);

export async function generateMetadata({ params }: { params: Promise<{ key: string }> }): Promise<Metadata> {
  return { title: labelOf((await params).key) ?? 'KPI' };
}

export default async function KpiPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { principal, allowed } = await pageAccess('kpis:read');
  if (!allowed) return <AccessDenied area="KPIs" roleLabel={roleLabels[principal.role]} />;
  const { key } = await params;
  const label = labelOf(key);
  if (!label) notFound();
  const query = recordToSearchParams(await searchParams);
  const parsed = parseDashboardParams(query, new Date().toISOString().slice(0, 10));
  const rows = TIME_ROWS_OF_KPI[key === 'collected' ? '' : key];
  const ageParam = query.get('age') ?? '';
  const age = rows?.view === 'unbilled' && isTimeAge(ageParam) ? ageParam : rows?.age;
  const back = parsed.ok && parsed.view.dashboardQuery ? `/?${parsed.view.dashboardQuery}` : '/';

  if (!parsed.ok) {
    return (
      <>
        <BackLink href="/">Dashboard</BackLink>
        <PageHeader title={label} />
        <ErrorState title="This view cannot be shown">{parsed.message}</ErrorState>
      </>
    );
  }
  const { view } = parsed;
  const csvQuery = new URLSearchParams(view.kpiQuery);
  csvQuery.delete('currency');
  if (age) csvQuery.set('age', age);
  const through = new Date(view.period.to.getTime() - 86_400_000).toISOString().slice(0, 10);
  const scope = view.filters.legalEntity || (view.filters.region ? `region ${view.filters.region}` : 'all legal entities');
  return (
    <>
      <BackLink href={back}>Dashboard</BackLink>
      <PageHeader
        title={label}
        description={`${view.period.from.toISOString().slice(0, 10)} to ${through} · ${scope}${age ? ` · age ${age.replace('over-30', 'over 30')} days` : ''}`}
        actions={
          rows ? (
            <a href={`/api/v1/kpis/${key}/rows?${csvQuery}`} download className="rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:border-accent" data-testid="rows-csv">
              Export rows (CSV)
            </a>
          ) : undefined
        }
      />
      <Suspense key={`detail:${view.kpiQuery}`} fallback={<TableSkeleton label="Loading the figure" rows={4} />}>
        <KpiDetail kpiKey={key} kpiQuery={view.kpiQuery} />
      </Suspense>
      {rows ? (
        <section aria-labelledby="rows-heading" className="mt-8">
          <h2 id="rows-heading" className="mb-3 text-sm font-semibold text-ink">The time behind it</h2>
          <Suspense key={`rows:${query.toString()}`} fallback={<TableSkeleton label="Loading the rows" rows={8} />}>
            <KpiTimeRows kpiQuery={view.kpiQuery} view={rows.view} age={age} cursor={query.get('cursor') ?? undefined} path={`/kpis/${key}`} params={query} />
          </Suspense>
        </section>
      ) : null}
    </>
  );
}
