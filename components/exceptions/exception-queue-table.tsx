// The exception queue as a table (DESIGN.md §7): one row per exception, its money in the
// group currency with tabular figures, sortable by the columns the queue can order by.
// Rendered by the triage queue (a client component): a checkbox per row for bulk actions,
// the keyboard's current row marked, the row shown in the side panel highlighted. Sorting
// changes only the URL (shallow): the queue view fetches the new order from the API.
import Link from 'next/link';
import { UrlLink } from '@/components/ui/url-link';
import type { ExceptionView } from '@/lib/queries/exceptions/exception-view';
import { Badge } from '@/components/ui/badge';
import { useDateFormat } from '@/components/ui/date-format-context';
import { DateText } from '@/components/ui/date-text';
import { formatAge } from '@/components/ui/format-date';
import { formatAmount, formatCount } from '@/components/ui/format-number';
import { pageHref } from '@/components/ui/page-href';
import { SortHeader } from '@/components/ui/sort-header';
import { codeLabel, exceptionStatusLabels, exceptionStatusTones, ownerTeamLabels, recoverabilityLabels } from './exception-labels';

const PATH = '/exceptions';

export interface QueueTableSelection {
  checked: ReadonlySet<string>;
  onCheck: (id: string, checked: boolean) => void;
  onCheckAll: (checked: boolean) => void;
  /** The keyboard's current row. */
  activeId: string | null;
  /** The row shown in the side panel. */
  panelId: string | null;
  onPreview: (id: string) => void;
  /** The side panel is open: fewer columns, so the queue still fits beside it on a laptop. */
  compact: boolean;
}

export function ExceptionQueueTable({ items, params, selection, now }: { items: ExceptionView[]; params: URLSearchParams; selection: QueueTableSelection; now: string }) {
  const dates = useDateFormat();
  const sortable = (label: string, field: string, firstDirection: 'asc' | 'desc', align?: 'right') => (
    <SortHeader label={label} field={field} firstDirection={firstDirection} path={PATH} params={params} align={align} shallow />
  );
  const allChecked = items.length > 0 && items.every((e) => selection.checked.has(e.id));
  const wide = !selection.compact;
  const overdue = (e: ExceptionView) => (e.status === 'OPEN' || e.status === 'ASSIGNED') && e.slaDueAt !== null && e.slaDueAt < now;
  return (
    <div className="overflow-x-auto rounded-card border border-line bg-surface shadow-card">
      <table className="w-full text-left text-sm" data-testid="exception-queue">
        <thead className="border-b border-line text-xs uppercase tracking-wide text-ink-muted">
          <tr>
            <th scope="col" className="w-8 px-3 py-2">
              <input type="checkbox" aria-label="Select every exception on this page" checked={allChecked} onChange={(event) => selection.onCheckAll(event.target.checked)} className="size-4 accent-accent" />
            </th>
            {wide ? <th scope="col" className="hidden px-3 py-2 font-medium 2xl:table-cell">Code</th> : null}
            <th scope="col" className="px-3 py-2 font-medium">Exception</th>
            {wide ? <RecoverabilityHeader params={params} /> : null}
            {wide ? sortable('Owner', 'ownerTeam', 'asc') : null}
            {sortable('Impact (USD)', 'financialImpact', 'desc', 'right')}
            {wide ? sortable('Age', 'firstSeenAt', 'asc') : null}
            <th scope="col" className="px-3 py-2 font-medium">Status</th>
            {wide ? <th scope="col" className="px-3 py-2 font-medium">Assignee</th> : null}
            {sortable('SLA due', 'slaDueAt', 'asc')}
            {wide ? <SortHeader label="Last seen" field="lastSeenAt" firstDirection="desc" path={PATH} params={params} className="hidden 2xl:table-cell" shallow /> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {items.map((e) => {
            const active = selection.activeId === e.id;
            const inPanel = selection.panelId === e.id;
            return (
              <tr
                key={e.id}
                data-testid="exception-row"
                data-exception-id={e.id}
                aria-current={inPanel ? 'true' : undefined}
                className={`${inPanel ? 'bg-accent-soft' : 'hover:bg-canvas'} ${active ? 'outline outline-2 -outline-offset-2 outline-accent' : ''}`}
              >
                <td className="px-3 py-2">
                  <input type="checkbox" aria-label={`Select ${e.title}`} checked={selection.checked.has(e.id)} onChange={(event) => selection.onCheck(e.id, event.target.checked)} className="size-4 accent-accent" data-testid="select-exception" />
                </td>
                {wide ? <td className="hidden px-3 py-2 font-mono text-xs text-ink-muted 2xl:table-cell" title={codeLabel(e.code)}>{e.code}</td> : null}
                <td className="min-w-56 max-w-md px-3 py-2">
                  <Link href={`${PATH}/${e.id}`} className="font-medium text-ink hover:text-accent-strong" data-testid="exception-link">
                    {e.title}
                  </Link>
                  <button type="button" onClick={() => selection.onPreview(e.id)} className="ml-2 text-xs font-medium text-accent hover:text-accent-strong" aria-label={`Preview ${e.title} beside the queue`} data-testid="preview-exception">
                    Preview
                  </button>
                  {/* The code column only fits on wide screens: below them the code sits under the title. */}
                  <div className={`font-mono text-xs text-ink-muted ${wide ? '2xl:hidden' : ''}`}>{wide ? e.code : `${e.code} · ${ownerTeamLabels[e.ownerTeam]}`}</div>
                </td>
                {wide ? <td className="px-3 py-2 text-ink-muted">{recoverabilityLabels[e.recoverability]}</td> : null}
                {wide ? <td className="px-3 py-2 text-ink-muted">{ownerTeamLabels[e.ownerTeam]}</td> : null}
                <td className="money px-3 py-2 text-right text-ink">
                  {formatAmount(e.financialImpact.amount)}
                  {e.financialImpact.currency !== 'USD' ? ` ${e.financialImpact.currency}` : null}
                </td>
                {wide ? <td className="whitespace-nowrap px-3 py-2 tabular-nums text-ink-muted" title={`First seen ${dates.instant(e.firstSeenAt)}, seen ${formatCount(e.occurrences)} time(s)`}>{formatAge(e.firstSeenAt, now)}</td> : null}
                <td className="px-3 py-2">
                  <Badge tone={exceptionStatusTones[e.status]} testId="exception-status">{exceptionStatusLabels[e.status]}</Badge>
                </td>
                {wide ? <td className="px-3 py-2 text-ink-muted">{e.assignee?.name ?? 'Unassigned'}</td> : null}
                <td className={`whitespace-nowrap px-3 py-2 tabular-nums ${overdue(e) ? 'font-medium text-danger' : 'text-ink-muted'}`}>
                  <DateText value={e.slaDueAt} kind="instant" />
                  {overdue(e) ? <span className="ml-1 text-xs">overdue</span> : null}
                </td>
                {wide ? <td className="hidden whitespace-nowrap px-3 py-2 tabular-nums text-ink-muted 2xl:table-cell"><DateText value={e.lastSeenAt} kind="instant" /></td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// Recoverability is the queue's default order (data fixes and decisions by impact, then
// transient, then permanent): its header goes back to that order.
function RecoverabilityHeader({ params }: { params: URLSearchParams }) {
  const current = !params.get('sort') || params.get('sort') === 'default';
  return (
    <th scope="col" aria-sort={current ? 'ascending' : 'none'} className="px-3 py-2 font-medium">
      <UrlLink shallow href={pageHref(PATH, params, { sort: null, cursor: null })} className="inline-flex items-center gap-1 hover:text-ink" data-testid="sort-recoverability">
        Recoverability
        <span aria-hidden="true">{current ? '↑' : '↕'}</span>
      </UrlLink>
    </th>
  );
}
