// The frame every console table shares: a scrollable card, a header row and striped rows.
// Columns are plain <th>/<td> so each table keeps its own cells (links, badges, money).
import type { ReactNode } from 'react';

export function DataTable({ label, head, children, testId }: { label: string; head: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="overflow-x-auto rounded-card border border-line bg-surface shadow-card">
      <table className="w-full text-left text-sm" data-testid={testId} aria-label={label}>
        <thead className="border-b border-line text-xs uppercase tracking-wide text-ink-muted">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-line">{children}</tbody>
      </table>
    </div>
  );
}

export function Th({ children, align = 'left' }: { children: ReactNode; align?: 'left' | 'right' }) {
  return (
    <th scope="col" className={`px-3 py-2 font-medium ${align === 'right' ? 'text-right' : ''}`}>
      {children}
    </th>
  );
}

export function Section({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="min-w-0">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-sm font-semibold text-ink">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
