// The console's data tables: one card, one header row (columns may be right-aligned, or
// named for screen readers only, like an actions column), the rows the caller renders.
import type { ReactNode } from 'react';

export interface Column {
  label: string;
  right?: boolean;
  /** Named for screen readers only (an actions column). */
  hidden?: boolean;
  title?: string;
}

export function DataTable({ testId, columns, caption, children }: { testId?: string; columns: (Column | false | undefined)[]; caption?: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-card border border-line bg-surface shadow-card">
      <table className="w-full text-left text-sm" data-testid={testId}>
        {caption ? <caption className="px-3 py-2 text-left text-sm font-medium text-ink">{caption}</caption> : null}
        <thead className="border-b border-line text-xs uppercase tracking-wide text-ink-subtle">
          <tr>
            {columns.filter((c): c is Column => !!c).map((c) => (
              <th key={c.label} scope="col" title={c.title} className={`px-3 py-2 font-medium ${c.right ? 'text-right' : ''}`}>
                {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">{children}</tbody>
      </table>
    </div>
  );
}
