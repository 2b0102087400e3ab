// The inbox, newest first: where each event stands, how often it was tried, how long it
// took (processedAt − receivedAt) and what went wrong last.
import Link from 'next/link';
import type { InboxEventView } from '@/lib/queries/inbox/inbox-event-view';
import { DateText } from '@/components/ui/date-text';
import { formatDuration } from '@/components/ui/format-number';
import { EventStatusBadge } from './event-status-badge';

export function InboxTable({ items }: { items: InboxEventView[] }) {
  return (
    <div className="overflow-x-auto rounded-card border border-line bg-surface shadow-card">
      <table className="w-full text-left text-sm" data-testid="inbox-table">
        <thead className="border-b border-line text-xs uppercase tracking-wide text-ink-subtle">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Received</th>
            <th scope="col" className="px-3 py-2 font-medium">Event</th>
            <th scope="col" className="px-3 py-2 font-medium">Connector</th>
            <th scope="col" className="px-3 py-2 font-medium">Subject</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Seq.</th>
            <th scope="col" className="px-3 py-2 font-medium">Status</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Attempts</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Latency</th>
            <th scope="col" className="px-3 py-2 font-medium">Last error or note</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {items.map((e) => (
            <tr key={e.id} data-testid="inbox-row" className="hover:bg-canvas">
              <td className="whitespace-nowrap px-3 py-2 tabular-nums text-ink-muted"><DateText value={e.receivedAt} kind="instant" /></td>
              <td className="px-3 py-2">
                <Link href={`/events/${e.id}`} className="font-medium text-ink hover:text-accent-strong">{e.type}</Link>
                <div className="font-mono text-xs text-ink-subtle">{e.source}</div>
              </td>
              <td className="px-3 py-2 font-mono text-xs text-ink-muted">{e.connector ?? 'internal'}</td>
              <td className="px-3 py-2 font-mono text-xs text-ink">{e.subject ?? '—'}</td>
              <td className="px-3 py-2 text-right tabular-nums text-ink-muted">{e.sequence ?? '—'}</td>
              <td className="px-3 py-2">
                <EventStatusBadge status={e.status} />
                {e.exceptionIds.length > 0 ? <span className="ml-1 text-xs text-danger" title="Linked exceptions">⚑ {e.exceptionIds.length}</span> : null}
              </td>
              <td className="px-3 py-2 text-right tabular-nums text-ink-muted">{e.attempts}</td>
              <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-ink-muted">{formatDuration(e.latencyMs)}</td>
              <td className="max-w-xs truncate px-3 py-2 text-ink-muted" title={e.lastError ?? undefined}>{e.lastError ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
