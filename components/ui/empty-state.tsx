// The empty state of a widget or page: what will appear here, and where it comes from.
import type { ReactNode } from 'react';

export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-card border border-dashed border-line-strong bg-surface px-6 py-10 text-center" data-testid="empty-state">
      <p className="font-medium text-ink">{title}</p>
      <p className="mx-auto mt-1 max-w-prose text-sm text-ink-muted">{children}</p>
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
