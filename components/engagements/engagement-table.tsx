// The engagements list: one row per engagement with its money in its own currency —
// value, estimated cost, billed, recognized, collected, unbilled and the planned margin
// (value − estimated cost, with its share of value) — then the margin KPI's figures over the
// margin period in the report currency: margin % and its variance against plan (sortable).
import Link from 'next/link';
import type { EngagementSummary } from '@/lib/http/schemas/engagements';
import type { MarginPeriod } from '@/lib/queries/engagements/engagement-margins';
import { dec } from '@/lib/domain/money/decimal';
import { Badge } from '@/components/ui/badge';
import { DataTable, Th } from '@/components/ui/data-table';
import { Money } from '@/components/ui/money';
import { SortHeader } from '@/components/ui/sort-header';
import { billingModelLabels, engagementStatusLabels, engagementStatusTones } from '@/components/cash/money-labels';

/** Planned margin: value − estimated cost, and that as a share of value (one decimal). */
export function plannedMargin(value: string, estimatedCost: string | null): { amount: string; percent: string } | null {
  if (estimatedCost === null) return null;
  const amount = dec(value).minus(dec(estimatedCost));
  const percent = dec(value).isZero() ? null : amount.dividedBy(dec(value)).times(100).toFixed(1);
  return { amount: amount.toFixed(2), percent: percent === null ? '—' : `${percent}%` };
}

/** A ratio (0.125) as percent with one decimal ("12.5%"), or points for a variance ("−3.2 pts"); "—" for null. */
export function ratioPercent(ratio: string | null | undefined, points = false): string {
  if (ratio === null || ratio === undefined) return '—';
  const value = dec(ratio).times(100).toDecimalPlaces(1);
  if (!points) return `${value.toFixed(1)}%`;
  return `${value.isZero() ? '' : value.isNegative() ? '−' : '+'}${value.abs().toFixed(1)} pts`;
}

export function EngagementTable({ items, params, marginPeriod }: { items: EngagementSummary[]; params: URLSearchParams; marginPeriod?: MarginPeriod }) {
  const period = marginPeriod ? ` ${marginPeriod.from} – ${marginPeriod.to}, ${marginPeriod.currency}` : '';
  return (
    <DataTable
      label="Engagements"
      testId="engagement-table"
      head={
        <>
          <Th>Engagement</Th>
          <Th>Client</Th>
          <Th>Entity</Th>
          <Th>Model</Th>
          <SortHeader label="Value" field="value" firstDirection="desc" path="/engagements" params={params} align="right" />
          <Th align="right">Est. cost</Th>
          <Th align="right">Billed</Th>
          <Th align="right">Recognized</Th>
          <Th align="right">Collected</Th>
          <Th align="right">Unbilled</Th>
          <Th align="right">Margin (plan)</Th>
          <Th align="right">
            <span title={`The margin KPI over${period}: (revenue − cost) ÷ revenue`}>Margin %</span>
          </Th>
          <SortHeader label="Variance vs plan" field="marginVariance" firstDirection="asc" path="/engagements" params={params} align="right" />
        </>
      }
    >
      {items.map((e) => {
        const margin = plannedMargin(e.value, e.estimatedCost);
        return (
          <tr key={e.id} data-testid="engagement-row" data-code={e.code} className="hover:bg-canvas">
            <td className="min-w-56 px-3 py-2">
              <Link href={`/engagements/${e.id}`} className="font-medium text-ink hover:text-accent-strong">
                {e.code}
              </Link>
              <div className="text-xs text-ink-muted">{e.name}</div>
              {e.status !== 'ACTIVE' ? <Badge tone={engagementStatusTones[e.status]}>{engagementStatusLabels[e.status]}</Badge> : null}
            </td>
            <td className="px-3 py-2 text-ink-muted">{e.client.name}</td>
            <td className="px-3 py-2 text-ink-muted">{e.legalEntity.code}</td>
            <td className="whitespace-nowrap px-3 py-2 text-ink-muted">{e.billingModel ? billingModelLabels[e.billingModel] : '—'}</td>
            <td className="px-3 py-2 text-right"><Money amount={e.value} currency={e.currency} /></td>
            <td className="px-3 py-2 text-right"><Money amount={e.estimatedCost} currency={e.currency} showCurrency={false} /></td>
            <td className="px-3 py-2 text-right"><Money amount={e.billed} currency={e.currency} showCurrency={false} /></td>
            <td className="px-3 py-2 text-right"><Money amount={e.recognized} currency={e.currency} showCurrency={false} /></td>
            <td className="px-3 py-2 text-right"><Money amount={e.collected} currency={e.currency} showCurrency={false} /></td>
            <td className="px-3 py-2 text-right"><Money amount={e.unbilled} currency={e.currency} showCurrency={false} /></td>
            <td className="whitespace-nowrap px-3 py-2 text-right">
              {margin ? (
                <>
                  <Money amount={margin.amount} currency={e.currency} showCurrency={false} />
                  <div className="text-xs text-ink-muted">{margin.percent}</div>
                </>
              ) : (
                <span className="text-ink-muted">—</span>
              )}
            </td>
            <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums" data-testid="engagement-margin-pct">
              {e.margin ? (
                <>
                  {ratioPercent(e.margin.marginPct)}
                  <div className="text-xs text-ink-muted"><Money amount={e.margin.margin} currency={marginPeriod?.currency ?? 'USD'} /></div>
                </>
              ) : (
                <span className="text-ink-muted">—</span>
              )}
            </td>
            <td
              className={`whitespace-nowrap px-3 py-2 text-right tabular-nums ${e.margin?.marginPctVariance?.startsWith('-') ? 'text-danger' : ''}`}
              data-testid="engagement-margin-variance"
              data-variance={e.margin?.marginPctVariance ?? ''}
            >
              {ratioPercent(e.margin?.marginPctVariance, true)}
              {e.margin?.marginVariance ? <div className="text-xs text-ink-muted"><Money amount={e.margin.marginVariance} currency={marginPeriod?.currency ?? 'USD'} /></div> : null}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
