// The inbox events an exception concerns or holds, with where each one stands; each
// links to its event page (payload, timings, error).
import Link from 'next/link';
import type { ExceptionDetail } from '@/lib/queries/exceptions/get-exception';
import { EventStatusBadge } from '@/components/events/event-status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { DateText } from '@/components/ui/date-text';

export function LinkedEventsTable({ events, total }: { events: ExceptionDetail['events']; total: number }) {
  if (events.length === 0) {
    return <EmptyState title="No linked events">This exception was raised by a check or a job, not by a received event.</EmptyState>;
  }
  return (
    <div className="overflow-x-auto rounded-card border border-line bg-surface shadow-card">
      <table className="w-full text-left text-sm" data-testid="linked-events">
        <thead className="border-b border-line text-xs uppercase tracking-wide text-ink-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Event</th>
            <th scope="col" className="px-3 py-2 font-medium">Status</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Attempts</th>
            <th scope="col" className="px-3 py-2 font-medium">Last error or note</th>
            <th scope="col" className="px-3 py-2 font-medium">Received</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {events.map((e) => (
            <tr key={e.id}>
              <td className="px-3 py-2">
                <Link href={`/events/${e.id}`} className="font-medium text-ink hover:text-accent-strong">{e.type}</Link>
                <div className="font-mono text-xs text-ink-muted">
                  {e.source} · {e.eventId}
                </div>
              </td>
              <td className="px-3 py-2"><EventStatusBadge status={e.status} /></td>
              <td className="px-3 py-2 text-right tabular-nums text-ink-muted">{e.attempts}</td>
              <td className="max-w-sm px-3 py-2 text-ink-muted">{e.lastError ?? '—'}</td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums text-ink-muted"><DateText value={e.receivedAt} kind="instant" /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > events.length ? <p className="border-t border-line px-3 py-2 text-xs text-ink-muted">Showing the latest {events.length} of {total} events.</p> : null}
    </div>
  );
}
