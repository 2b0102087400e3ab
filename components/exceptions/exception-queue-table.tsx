// The exception queue as a table (DESIGN.md §7): one row per exception, its money in the
// group currency with tabular figures, sortable by the columns the queue can order by.
import Link from 'next/link';
import type { ExceptionView } from '@/lib/queries/exceptions/exception-view';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/format-date';
import { formatAmount, formatCount } from '@/components/ui/format-number';
import { SortHeader } from '@/components/ui/sort-header';
import { codeLabel, exceptionStatusLabels, exceptionStatusTones, ownerTeamLabels, recoverabilityLabels } from './exception-labels';

const PATH = '/exceptions';

export function ExceptionQueueTable({ items, params }: { items: ExceptionView[]; params: URLSearchParams }) {
  const sortable = (label: string, field: string, firstDirection: 'asc' | 'desc', align?: 'right') => (
    <SortHeader label={label} field={field} firstDirection={firstDirection} path={PATH} params={params} align={align} />
  );
  return (
    <div className="overflow-x-auto rounded-card border border-line bg-surface shadow-card">
      <table className="w-full text-left text-sm" data-testid="exception-queue">
        <thead className="border-b border-line text-xs uppercase tracking-wide text-ink-subtle">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Code</th>
            <th scope="col" className="px-3 py-2 font-medium">Exception</th>
            <th scope="col" className="px-3 py-2 font-medium">Recoverability</th>
            <th scope="col" className="px-3 py-2 font-medium">Owner</th>
            {sortable('Impact (USD)', 'financialImpact', 'desc', 'right')}
            {sortable('Seen', 'occurrences', 'desc', 'right')}
            <th scope="col" className="px-3 py-2 font-medium">Status</th>
            <th scope="col" className="px-3 py-2 font-medium">Assignee</th>
            {sortable('SLA due', 'slaDueAt', 'asc')}
            {sortable('Last seen', 'lastSeenAt', 'desc')}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {items.map((e) => (
            <tr key={e.id} data-testid="exception-row" className="hover:bg-canvas">
              <td className="px-3 py-2 font-mono text-xs text-ink-muted" title={codeLabel(e.code)}>{e.code}</td>
              <td className="min-w-64 max-w-md px-3 py-2">
                <Link href={`${PATH}/${e.id}`} className="font-medium text-ink hover:text-accent-strong">
                  {e.title}
                </Link>
              </td>
              <td className="px-3 py-2 text-ink-muted">{recoverabilityLabels[e.recoverability]}</td>
              <td className="px-3 py-2 text-ink-muted">{ownerTeamLabels[e.ownerTeam]}</td>
              <td className="money px-3 py-2 text-right text-ink">
                {formatAmount(e.financialImpact.amount)}
                {e.financialImpact.currency !== 'USD' ? ` ${e.financialImpact.currency}` : null}
              </td>
              <td className="px-3 py-2 text-right tabular-nums text-ink-muted">{formatCount(e.occurrences)}</td>
              <td className="px-3 py-2">
                <Badge tone={exceptionStatusTones[e.status]} testId="exception-status">{exceptionStatusLabels[e.status]}</Badge>
              </td>
              <td className="px-3 py-2 text-ink-muted">{e.assignee?.name ?? 'Unassigned'}</td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums text-ink-muted">{formatDateTime(e.slaDueAt)}</td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums text-ink-muted">{formatDateTime(e.lastSeenAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
