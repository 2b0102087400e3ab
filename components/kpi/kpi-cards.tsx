'use client';
// The dashboard's cards: every KPI of DESIGN.md §10 for the period, compared with the
// previous one, with its monthly trend — business figures first, then integration health.
// Reads the hydrated queries (the server prefetched them); a failed refetch shows the error.
import { useQuery } from '@tanstack/react-query';
import type { KpiSeriesKey } from '@/lib/http/schemas/kpi-series';
import { ErrorState } from '@/components/ui/error-state';
import { KpiCard } from './kpi-card';
import { figuresOf } from './kpi-figures';
import { fetchKpis, fetchKpiSeries, kpiSeriesKey, kpisKey } from './kpi-queries';

const BUSINESS = [
  'dso', 'billedAndCollected', 'collected', 'unbilledApprovedTime', 'revenueLeakage', 'invoiceTimeliness', 'activationCycleTime',
  'margin', 'cashApplicationAccuracy', 'unappliedCash', 'utilization', 'revenueRecognitionLag', 'unapprovedTime', 'billingExceptionVolume',
];
const TECHNICAL = ['eventSuccessRate', 'eventProcessingLatency', 'backlog', 'throughput'];

export function KpiCards({ kpiQuery, previousQuery, seriesQuery, links }: { kpiQuery: string; previousQuery: string; seriesQuery: string; links: Record<string, string> }) {
  const current = useQuery({ queryKey: kpisKey(kpiQuery), queryFn: () => fetchKpis(kpiQuery) });
  const previous = useQuery({ queryKey: kpisKey(previousQuery), queryFn: () => fetchKpis(previousQuery) });
  const series = useQuery({ queryKey: kpiSeriesKey(seriesQuery), queryFn: () => fetchKpiSeries(seriesQuery) });
  if (current.error) return <ErrorState title="The KPIs could not be loaded">{current.error.message}</ErrorState>;
  const now = figuresOf(current.data);
  const before = figuresOf(previous.data);
  const trends = series.data?.series as Partial<Record<string, (string | null)[]>> | undefined;
  const group = (title: string, keys: string[], testId: string) => (
    <section aria-labelledby={`${testId}-heading`} className="mb-8" data-testid={testId}>
      <h2 id={`${testId}-heading`} className="mb-3 text-sm font-semibold text-ink">{title}</h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4 print:grid-cols-3">
        {keys.map((key) => {
          const figure = now.get(key);
          return figure ? <KpiCard key={key} figure={figure} previous={previous.data ? before.get(key)?.value ?? null : undefined} trend={trends?.[key as KpiSeriesKey]} href={links[key] ?? '#'} /> : null;
        })}
      </div>
    </section>
  );
  return (
    <>
      {group('Business', BUSINESS, 'kpi-business')}
      {group('Integration health', TECHNICAL, 'kpi-technical')}
    </>
  );
}
