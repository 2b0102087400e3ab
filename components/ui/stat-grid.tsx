// A row of labelled figures at the head of a detail page (value, billed, balance…).
import type { ReactNode } from 'react';

export function StatGrid({ label, items }: { label: string; items: { label: string; value: ReactNode; hint?: ReactNode; testId?: string }[] }) {
  return (
    <dl aria-label={label} className="grid grid-cols-2 gap-px overflow-hidden rounded-card border border-line bg-line shadow-card sm:grid-cols-3 xl:grid-cols-6">
      {items.map((item) => (
        <div key={item.label} className="bg-surface px-4 py-3" data-testid={item.testId}>
          <dt className="text-xs font-medium text-ink-muted">{item.label}</dt>
          <dd className="mt-1 text-base font-semibold text-ink">{item.value}</dd>
          {item.hint ? <dd className="mt-0.5 text-xs text-ink-muted">{item.hint}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
