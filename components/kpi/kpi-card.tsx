'use client';
// One KPI as a card: its label, the figure (a link to the rows behind it), how it moved
// since the previous period — in words, with a tone that says whether that is good — and
// its monthly trend when it has one.
import Link from 'next/link';
import type { KpiFigure } from '@/lib/http/schemas/kpis';
import { Sparkline } from '@/components/charts/sparkline';
import { compareKpi, formatKpiValue, plotValue } from './kpi-format';

const verdictTone = { better: 'text-accent-strong', worse: 'text-danger', same: 'text-ink-muted', unknown: 'text-ink-muted' } as const;
const arrows = { up: '▲', down: '▼', flat: '■' } as const;

export function KpiCard({ figure, previous, trend, href }: { figure: KpiFigure; previous: string | null | undefined; trend?: (string | null)[]; href: string }) {
  const change = compareKpi(figure.key, figure.value, previous, figure.unit, figure.currency);
  const id = `kpi-${figure.key}`;
  return (
    <article aria-labelledby={id} data-testid={`kpi-card-${figure.key}`} className="flex flex-col rounded-card border border-line bg-surface p-4 shadow-card break-inside-avoid">
      <h3 id={id} className="text-xs font-medium uppercase tracking-wide text-ink-muted">
        {figure.label}
      </h3>
      <p className="mt-2 text-2xl font-semibold tracking-tight">
        <Link href={href} className="money text-ink hover:text-accent-strong hover:underline" data-testid={`kpi-value-${figure.key}`}>
          {formatKpiValue(figure.value, figure.unit, figure.currency)}
          <span className="sr-only">: show the rows behind {figure.label}</span>
        </Link>
      </p>
      <p className={`mt-1 text-xs ${verdictTone[change.verdict]}`} data-testid={`kpi-change-${figure.key}`}>
        {change.verdict === 'unknown' ? null : <span aria-hidden="true">{arrows[change.trend]} </span>}
        {change.sentence}
        {change.verdict === 'better' || change.verdict === 'worse' ? <span className="sr-only"> ({change.verdict})</span> : null}
      </p>
      {figure.warnings?.length ? <p className="mt-1 text-xs text-danger">{figure.warnings.join(' ')}</p> : null}
      <div className="mt-auto pt-3">{trend ? <Sparkline values={trend.map((v) => plotValue(v, figure.unit))} label={`${figure.label}, by month`} /> : <div className="h-10" />}</div>
    </article>
  );
}
