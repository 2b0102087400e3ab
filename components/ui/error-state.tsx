// The error state of a widget or page: what could not be shown and what to do. The rest
// of the page keeps working; only this part says it failed.
import type { ReactNode } from 'react';

export function ErrorState({ title, children, action }: { title: ReactNode; children: ReactNode; action?: ReactNode }) {
  return (
    <div role="alert" className="rounded-card border border-danger/30 bg-danger-soft px-6 py-8 text-center" data-testid="error-state">
      <p className="font-medium text-danger">{title}</p>
      <p className="mx-auto mt-1 max-w-prose text-sm text-ink-muted">{children}</p>
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
