// A KPI's own page body: the figure for the dashboard's period and scope, the previous
// period's, its parts, its definition and the rows it was computed from (the query, word for
// word from docs/KPIS.md).
import { loadForPage } from '@/lib/http/load-for-page';
import { kpiQuerySchema } from '@/lib/http/schemas/kpis';
import { searchParamsToObject } from '@/lib/http/search-params';
import { getKpisWithPrevious } from '@/lib/queries/kpis/get-kpis-with-previous';
import { ErrorState } from '@/components/ui/error-state';
import { Breakdown } from './kpi-breakdown';
import { withParameterMessage } from './dashboard-prefetch';
import { figuresOf } from './kpi-figures';
import { compareKpi, formatKpiValue } from './kpi-format';

export async function KpiDetail({ kpiKey, kpiQuery }: { kpiKey: string; kpiQuery: string }) {
  const loaded = await loadForPage('KPI', () => withParameterMessage(() => getKpisWithPrevious({ ...kpiQuerySchema.parse(searchParamsToObject(new URLSearchParams(kpiQuery))), now: new Date() })));
  if (!loaded.ok) return <ErrorState title="This KPI could not be loaded">{loaded.message}</ErrorState>;
  const figure = figuresOf(loaded.data.current).get(kpiKey)!;
  const previous = figuresOf(loaded.data.previous).get(kpiKey)?.value ?? null;
  const change = compareKpi(kpiKey, figure.value, previous, figure.unit, figure.currency);
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <section aria-labelledby="figure-heading" className="rounded-card border border-line bg-surface p-5 shadow-card">
        <h2 id="figure-heading" className="text-sm font-semibold text-ink">This period</h2>
        <p className="money mt-2 text-3xl font-semibold tracking-tight text-ink" data-testid="kpi-detail-value">
          {formatKpiValue(figure.value, figure.unit, figure.currency)}
        </p>
        <p className="mt-1 text-sm text-ink-muted">{change.sentence} (previous period)</p>
        {figure.warnings?.length ? <p className="mt-2 text-sm text-danger">{figure.warnings.join(' ')}</p> : null}
        <h3 className="mt-5 text-xs font-medium uppercase tracking-wide text-ink-muted">Definition</h3>
        <p className="mt-1 text-sm text-ink-muted">
          {figure.scope === 'installation' ? 'For the whole installation (technical KPIs ignore the legal entity). ' : null}
          See <code className="text-xs">{figure.docs}</code>.
        </p>
        <h3 className="mt-4 text-xs font-medium uppercase tracking-wide text-ink-muted">Rows behind it</h3>
        <p className="mt-1 break-words font-mono text-xs text-ink" data-testid="kpi-rows-description">{figure.rows.description}</p>
      </section>
      <section aria-labelledby="parts-heading" className="rounded-card border border-line bg-surface p-5 shadow-card lg:col-span-2">
        <h2 id="parts-heading" className="mb-3 text-sm font-semibold text-ink">Parts of the figure</h2>
        {figure.breakdown ? <Breakdown value={figure.breakdown} /> : <p className="text-sm text-ink-muted">This figure has no parts.</p>}
      </section>
    </div>
  );
}
