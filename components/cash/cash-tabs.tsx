// The cash page's three views as tabs: links that set ?view=, so each view is a URL.
import Link from 'next/link';
import type { CASH_VIEWS } from '@/lib/http/schemas/console-money-params';

const labels: Record<(typeof CASH_VIEWS)[number], string> = { workbench: 'Unapplied cash', receipts: 'Receipts', decisions: 'Deductions and disputes' };

export function CashTabs({ current }: { current: (typeof CASH_VIEWS)[number] }) {
  return (
    <nav aria-label="Cash views" className="mb-4 flex gap-1 border-b border-line">
      {(Object.keys(labels) as (keyof typeof labels)[]).map((view) => (
        <Link
          key={view}
          href={view === 'workbench' ? '/cash' : `/cash?view=${view}`}
          aria-current={view === current ? 'page' : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${view === current ? 'border-accent text-accent-strong' : 'border-transparent text-ink-muted hover:text-ink'}`}
        >
          {labels[view]}
        </Link>
      ))}
    </nav>
  );
}
