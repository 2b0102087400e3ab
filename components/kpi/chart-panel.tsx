// A dashboard chart's frame: title, the headline it explains, a link to the rows behind it,
// and its own empty state when the period has nothing to draw.
import Link from 'next/link';
import type { ReactNode } from 'react';

export function ChartPanel({ title, headline, href, linkLabel, empty, testId, children }: { title: string; headline?: string; href: string; linkLabel: string; empty?: string | null; testId: string; children: ReactNode }) {
  const id = `${testId}-title`;
  return (
    <section aria-labelledby={id} data-testid={testId} className="flex flex-col rounded-card border border-line bg-surface p-5 shadow-card break-inside-avoid">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={id} className="text-sm font-semibold text-ink">{title}</h3>
        {headline ? <p className="money text-sm text-ink-muted">{headline}</p> : null}
      </div>
      {empty ? (
        <p className="rounded-card border border-dashed border-line-strong px-4 py-8 text-center text-sm text-ink-muted" data-testid="chart-empty">
          {empty}
        </p>
      ) : (
        children
      )}
      <p className="mt-3 border-t border-line pt-2 text-sm print:hidden">
        <Link href={href} className="font-medium text-accent hover:text-accent-strong hover:underline">
          {linkLabel}
        </Link>
      </p>
    </section>
  );
}
