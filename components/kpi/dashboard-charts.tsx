'use client';
// The dashboard's charts (issue 6): DSO trend, billed vs collected by month, unbilled
// approved time by age, revenue leakage, invoice timeliness, activation cycle time, margin
// variance and integration health. Each explains a card's figure over time or by part, and
// every part links to its rows. Reads the same hydrated queries as the cards.
import { useQuery } from '@tanstack/react-query';
import type { KpiSeriesResponse } from '@/lib/http/schemas/kpi-series';
import type { KpiFigure } from '@/lib/http/schemas/kpis';
import { ErrorState } from '@/components/ui/error-state';
import { CategoryBars, type Category } from '@/components/charts/category-bars';
import { TrendChart } from '@/components/charts/trend-chart';
import { ChartPanel } from './chart-panel';
import { figuresOf } from './kpi-figures';
import { formatKpiValue, plotValue } from './kpi-format';
import { fetchKpis, fetchKpiSeries, kpiSeriesKey, kpisKey } from './kpi-queries';

export interface ChartLinks {
  kpis: Record<string, string>;
  ageBuckets: Record<string, string>;
  leakage: Record<string, string>;
  engagement: string;
}

type Bucket = { label: string; entries: number; hours: string; amount: string };
type Part = { rows: number; amount: string };
type WorstEngagement = { engagementId: string; code: string; marginPctVariance: string | null };

const LEAKAGE_PARTS: [string, string][] = [
  ['approvedTimeNeverBilled', 'Approved time never billed'],
  ['billedBelowRateCard', 'Billed below rate card'],
  ['approvedMilestonesNotInvoiced', 'Milestones not invoiced'],
  ['writeOffs', 'Write-offs'],
];

const allEmpty = (values: (string | null)[] | undefined) => !values || values.every((v) => v === null || Number(v) === 0);

function trend(series: KpiSeriesResponse, key: keyof KpiSeriesResponse['series'], name: string, unit: KpiFigure['unit'], color: string, currency?: string) {
  const values = series.series[key];
  return { name, values: values.map((v) => plotValue(v, unit)), labels: values.map((v) => formatKpiValue(v, unit, currency)), color };
}

export function DashboardCharts({ kpiQuery, seriesQuery, links }: { kpiQuery: string; seriesQuery: string; links: ChartLinks }) {
  const current = useQuery({ queryKey: kpisKey(kpiQuery), queryFn: () => fetchKpis(kpiQuery) });
  const seriesQ = useQuery({ queryKey: kpiSeriesKey(seriesQuery), queryFn: () => fetchKpiSeries(seriesQuery) });
  if (current.error || seriesQ.error) return <ErrorState title="The charts could not be loaded">{(current.error ?? seriesQ.error)!.message}</ErrorState>;
  if (!current.data || !seriesQ.data) return null;
  const series = seriesQ.data;
  const figures = figuresOf(current.data);
  const fig = (key: string) => figures.get(key)!;
  const shown = (key: string) => formatKpiValue(fig(key).value, fig(key).unit, fig(key).currency);
  const currency = series.currency;
  const months = series.months.map((m) => m.month);
  const breakdown = <T,>(key: string) => fig(key).breakdown as T;

  const buckets = breakdown<{ buckets: Bucket[] }>('unbilledApprovedTime').buckets;
  const ageItems: Category[] = buckets.map((b) => ({
    label: `${b.label} days`, value: Number(b.amount), shown: formatKpiValue(b.amount, 'money', currency), detail: `${b.hours} h`, href: links.ageBuckets[b.label] ?? links.kpis.unbilledApprovedTime!,
  }));
  const leakage = breakdown<Record<string, Part>>('revenueLeakage');
  const leakageItems: Category[] = LEAKAGE_PARTS.map(([key, label]) => ({
    label, value: Number(leakage[key]?.amount ?? 0), shown: formatKpiValue(leakage[key]?.amount ?? '0', 'money', currency), detail: `${leakage[key]?.rows ?? 0} rows`, href: links.leakage[key]!, tone: 'danger',
  }));
  const worst = breakdown<{ worstEngagements: WorstEngagement[] }>('margin').worstEngagements.filter((e) => e.marginPctVariance !== null).slice(0, 8);
  const marginItems: Category[] = worst.map((e) => ({
    label: e.code, value: Math.abs(Number(e.marginPctVariance)) * 100, shown: `${Number(e.marginPctVariance) < 0 ? '−' : '+'}${formatKpiValue(String(Math.abs(Number(e.marginPctVariance))), 'ratio').replace('%', ' pts')}`,
    href: links.engagement.replace('{id}', e.engagementId), tone: Number(e.marginPctVariance) < 0 ? 'danger' : 'accent',
  }));
  const backlog = breakdown<{ outboxPending: number; deadLetters: number }>('backlog');
  const latency = breakdown<{ byConnector: { connector: string; p95Ms: string | null; count: number }[] }>('eventProcessingLatency').byConnector;
  const percentAxis = (v: number) => `${v}%`;

  return (
    <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-2" data-testid="kpi-charts">
      <ChartPanel testId="chart-dso" title="DSO by month" headline={`This period: ${shown('dso')}`} href={links.kpis.dso!} linkLabel="Open receivables behind DSO" empty={allEmpty(series.series.dso) ? 'No credit sales in these months: DSO is not defined.' : null}>
        <TrendChart months={months} series={[trend(series, 'dso', 'DSO', 'days', 'var(--color-accent)')]} caption="Days sales outstanding by month" />
      </ChartPanel>
      <ChartPanel testId="chart-billed-collected" title="Billed vs collected by month" headline={`Billed ${shown('billedAndCollected')}`} href={links.kpis.billedAndCollected!} linkLabel="Invoices issued in the period" empty={allEmpty(series.series.billedAndCollected) && allEmpty(series.series.collected) ? 'Nothing billed or collected in these months.' : null}>
        <TrendChart kind="bar" months={months} series={[trend(series, 'billedAndCollected', 'Billed', 'money', 'var(--color-accent)', currency), trend(series, 'collected', 'Collected', 'money', 'var(--color-ink-subtle)', currency)]} caption={`Billed and collected by month, ${currency}`} />
      </ChartPanel>
      <ChartPanel testId="chart-unbilled-age" title="Unbilled approved time by age" headline={shown('unbilledApprovedTime')} href={links.kpis.unbilledApprovedTime!} linkLabel="All unbilled approved time" empty={buckets.every((b) => b.entries === 0) ? 'No approved time is waiting to be billed.' : null}>
        <CategoryBars items={ageItems} testId="unbilled-age-buckets" />
      </ChartPanel>
      <ChartPanel testId="chart-leakage" title="Revenue leakage" headline={shown('revenueLeakage')} href={links.kpis.revenueLeakage!} linkLabel="Rows behind revenue leakage" empty={leakageItems.every((i) => i.value === 0) ? 'No leakage: earned money is being billed.' : null}>
        <CategoryBars items={leakageItems} testId="leakage-parts" />
      </ChartPanel>
      <ChartPanel testId="chart-timeliness" title="Invoice timeliness by month" headline={`This period: ${shown('invoiceTimeliness')}`} href={links.kpis.invoiceTimeliness!} linkLabel="Invoices eligible in the period" empty={allEmpty(series.series.invoiceTimeliness) && series.series.invoiceTimeliness.every((v) => v === null) ? 'No invoice became billable in these months.' : null}>
        <TrendChart months={months} series={[trend(series, 'invoiceTimeliness', 'Posted within 2 business days', 'ratio', 'var(--color-accent)')]} caption="Share of invoices posted within 2 business days, by month" axisFormat={percentAxis} />
      </ChartPanel>
      <ChartPanel testId="chart-activation" title="Activation cycle time by month (median)" headline={`This period: ${shown('activationCycleTime')}`} href={links.kpis.activationCycleTime!} linkLabel="Engagements activated in the period" empty={series.series.activationCycleTime.every((v) => v === null) ? 'No engagement was activated in these months.' : null}>
        <TrendChart months={months} series={[trend(series, 'activationCycleTime', 'Median days', 'days', 'var(--color-accent)')]} caption="Median days from quote accepted to engagement active, by month" />
      </ChartPanel>
      <ChartPanel testId="chart-margin" title="Margin variance (furthest below plan)" headline={`Margin ${shown('margin')}`} href={links.kpis.margin!} linkLabel="Engagements by margin variance" empty={marginItems.length === 0 ? 'No engagement has both revenue and a plan in this period.' : null}>
        <CategoryBars items={marginItems} testId="margin-variance" />
      </ChartPanel>
      <ChartPanel testId="chart-integration" title="Integration health" headline={`Success ${shown('eventSuccessRate')} · backlog ${shown('backlog')}`} href={links.kpis.backlog!} linkLabel="Connectors, backlog and dead letters">
        {series.series.eventSuccessRate.every((v) => v === null) ? (
          <p className="rounded-card border border-dashed border-line-strong px-4 py-8 text-center text-sm text-ink-muted" data-testid="chart-empty">
            No event finished processing in these months.
          </p>
        ) : (
          <TrendChart months={months} series={[trend(series, 'eventSuccessRate', 'Event success rate', 'ratio', 'var(--color-accent)')]} caption="Share of events processed rather than failed, by month" axisFormat={percentAxis} />
        )}
        <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
          <div><dt className="text-ink-muted">Inbox waiting</dt><dd className="money font-medium">{shown('backlog')}</dd></div>
          <div><dt className="text-ink-muted">Outbox pending</dt><dd className="money font-medium">{formatKpiValue(String(backlog.outboxPending), 'count')}</dd></div>
          <div><dt className="text-ink-muted">Dead letters</dt><dd className={`money font-medium ${backlog.deadLetters > 0 ? 'text-danger' : ''}`}>{formatKpiValue(String(backlog.deadLetters), 'count')}</dd></div>
        </dl>
        {latency.length ? (
          <p className="mt-2 text-xs text-ink-muted">
            p95 latency by connector: {latency.map((c) => `${c.connector} ${formatKpiValue(c.p95Ms, 'ms')}`).join(' · ')}
          </p>
        ) : null}
      </ChartPanel>
    </div>
  );
}
