// The frame every console table shares: a scrollable card, one header row and divided rows.
// The header is either a column list (labels, right alignment, screen-reader-only names for
// an actions column) or the caller's own <Th> cells; rows are plain <td>s so each table
// keeps its own cells (links, badges, money).
import type { ReactNode } from 'react';

export interface Column {
  label: string;
  right?: boolean;
  /** Named for screen readers only (an actions column). */
  hidden?: boolean;
  title?: string;
}

interface DataTableProps {
  /** The table's accessible name when it has no visible caption. */
  label?: string;
  caption?: ReactNode;
  columns?: (Column | false | undefined)[];
  head?: ReactNode;
  testId?: string;
  children: ReactNode;
}

export function DataTable({ label, caption, columns, head, testId, children }: DataTableProps) {
  const headCells = columns
    ? columns.filter((c): c is Column => !!c).map((c) => <Th key={c.label} align={c.right ? 'right' : 'left'} title={c.title} hidden={c.hidden}>{c.label}</Th>)
    : head;
  return (
    <div className="overflow-x-auto rounded-card border border-line bg-surface shadow-card">
      <table className="w-full text-left text-sm" data-testid={testId} aria-label={caption ? undefined : label}>
        {caption ? <caption className="px-3 py-2 text-left text-sm font-medium text-ink">{caption}</caption> : null}
        <thead className="border-b border-line text-xs uppercase tracking-wide text-ink-muted">
          <tr>{headCells}</tr>
        </thead>
        <tbody className="divide-y divide-line">{children}</tbody>
      </table>
    </div>
  );
}

export function Th({ children, align = 'left', title, hidden }: { children: ReactNode; align?: 'left' | 'right'; title?: string; hidden?: boolean }) {
  return (
    <th scope="col" title={title} className={`px-3 py-2 font-medium ${align === 'right' ? 'text-right' : ''}`}>
      {hidden ? <span className="sr-only">{children}</span> : children}
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
