// What happened to an exception, oldest first: raised, seen again, assigned, replayed,
// decided, resolved — by whom, when, and with which note.
import type { ExceptionDetail } from '@/lib/queries/exceptions/get-exception';
import { DateText } from '@/components/ui/date-text';
import { codeLabel } from './exception-labels';

export function ActionHistory({ actions, total, names }: { actions: ExceptionDetail['actions']; total: number; names: Map<string, string> }) {
  const actor = (a: ExceptionDetail['actions'][number]) =>
    a.actorType === 'USER' ? (a.actorId ? (names.get(a.actorId) ?? 'A former user') : 'Someone') : a.actorType === 'CONNECTOR' ? 'A connected system' : 'Threadline';
  return (
    <div className="rounded-card border border-line bg-surface shadow-card">
      {total > actions.length ? <p className="border-b border-line px-4 py-2 text-xs text-ink-muted">Showing the latest {actions.length} of {total} actions.</p> : null}
      <ol className="divide-y divide-line text-sm" data-testid="action-history">
        {actions.map((a) => (
          <li key={a.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2">
            <span className="font-medium text-ink">{a.kind === 'RECUR' ? 'Seen again' : a.kind === 'OPEN' ? 'Raised' : codeLabel(a.kind)}</span>
            <span className="text-ink-muted">by {actor(a)}</span>
            {a.approvalStatus !== 'NOT_REQUIRED' ? <span className="text-xs text-ink-muted">({a.approvalStatus.toLowerCase()})</span> : null}
            <span className="ml-auto whitespace-nowrap text-xs tabular-nums text-ink-muted"><DateText value={a.at} kind="instant" /></span>
            {a.note ? <p className="w-full text-ink-muted">{a.note}</p> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
