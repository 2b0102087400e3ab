// The revenue a thread's engagement recognised, by period, each entry with "Explain this
// amount" (cost-to-cost inputs, time, fee or usage, down to the events). Bounded per
// period: a T&M month can hold one entry per time entry.
import { loadForPage } from '@/lib/http/load-for-page';
import { getRevenue } from '@/lib/queries/revenue/get-revenue';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { ExplainAmount } from './explain-amount';
import { MoneyText } from './money-text';

const PER_PERIOD = 25;

export async function ThreadRevenue({ engagementId }: { engagementId: string }) {
  const loaded = await loadForPage('thread revenue', () => getRevenue({ engagementRef: engagementId }));
  if (!loaded.ok) return <ErrorState title="Revenue could not be loaded">{loaded.message}</ErrorState>;
  const { periods, currency } = loaded.data;
  if (periods.length === 0) return <EmptyState title="No revenue recognised yet">Revenue appears here after a revenue run recognises this engagement&apos;s work.</EmptyState>;
  return (
    <div className="space-y-2" data-testid="thread-revenue">
      {periods.map((p) => (
        <details key={p.period} className="rounded-card border border-line bg-surface px-4 py-2 shadow-card">
          <summary className="flex cursor-pointer list-item flex-wrap items-baseline gap-3 text-sm">
            <span className="font-medium tabular-nums text-ink">{p.period}</span>
            <span className="text-ink-muted">{p.entries.length} {p.entries.length === 1 ? 'entry' : 'entries'}</span>
            <MoneyText amount={p.amount} currency={currency} className="ml-auto text-ink" />
            <span className="text-xs text-ink-muted">
              cumulative <MoneyText amount={p.cumulative} />
            </span>
          </summary>
          <ul className="mt-2 divide-y divide-line text-sm">
            {p.entries.slice(0, PER_PERIOD).map((e) => (
              <li key={e.id} className="py-2" data-testid="revenue-entry">
                <div className="flex flex-wrap items-baseline gap-3">
                  <span className="text-ink">
                    {e.kind.toLowerCase()} · {e.treatment.toLowerCase().replace(/_/g, ' ')}
                    {e.late ? ` · late for ${e.originalPeriod}` : ''}
                  </span>
                  <MoneyText amount={e.amount} currency={currency} className="ml-auto text-ink" />
                </div>
                <div className="mt-1">
                  <ExplainAmount revenueEntryId={e.id} />
                </div>
              </li>
            ))}
          </ul>
          {p.entries.length > PER_PERIOD ? <p className="py-1 text-xs text-ink-muted">and {p.entries.length - PER_PERIOD} more entries in {p.period}</p> : null}
        </details>
      ))}
    </div>
  );
}
