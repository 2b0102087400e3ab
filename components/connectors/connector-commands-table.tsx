// The commands Threadline sent (or is sending) to a connected system, newest first:
// what, about which record, its delivery state and attempts, and the last error.
import Link from 'next/link';
import type { ConnectorCommandView } from '@/lib/queries/connectors/list-connector-commands';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/format-date';
import { formatDuration } from '@/components/ui/format-number';

const statusTone: Record<ConnectorCommandView['status'], BadgeTone> = { PENDING: 'warning', IN_FLIGHT: 'neutral', DELIVERED: 'accent', DEAD: 'danger' };
const statusLabel: Record<ConnectorCommandView['status'], string> = { PENDING: 'Pending', IN_FLIGHT: 'In flight', DELIVERED: 'Delivered', DEAD: 'Dead letter' };

export function ConnectorCommandsTable({ commands }: { commands: ConnectorCommandView[] }) {
  const th = 'px-3 py-2 font-medium';
  return (
    <div className="overflow-x-auto rounded-card border border-line bg-surface shadow-card">
      <table className="w-full text-left text-sm" data-testid="commands-table">
        <thead className="border-b border-line text-xs uppercase tracking-wide text-ink-subtle">
          <tr>
            <th scope="col" className={th}>Created</th>
            <th scope="col" className={th}>Command</th>
            <th scope="col" className={th}>About</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={`${th} text-right`}>Attempts</th>
            <th scope="col" className={`${th} text-right`}>Last try</th>
            <th scope="col" className={th}>Last error</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {commands.map((c) => (
            <tr key={c.id} data-testid="command-row">
              <td className="whitespace-nowrap px-3 py-2 tabular-nums text-ink-muted">{formatDateTime(c.createdAt)}</td>
              <td className="px-3 py-2 font-mono text-xs text-ink">{c.kind}</td>
              <td className="px-3 py-2 text-xs text-ink-muted">
                {c.entityType ? <span>{c.entityType} </span> : null}
                {c.correlationId ? (
                  <Link href={`/lineage?correlation=${encodeURIComponent(c.correlationId)}`} className="text-accent hover:text-accent-strong">
                    lineage
                  </Link>
                ) : null}
                {c.causedByEventId ? (
                  <>
                    {c.correlationId ? ' · ' : null}
                    <Link href={`/events/${c.causedByEventId}`} className="text-accent hover:text-accent-strong">
                      cause
                    </Link>
                  </>
                ) : null}
              </td>
              <td className="px-3 py-2">
                <Badge tone={statusTone[c.status]}>{statusLabel[c.status]}</Badge>
              </td>
              <td className="px-3 py-2 text-right tabular-nums text-ink">
                {c.attempts}
                {c.failures > 0 ? <span className="text-xs text-danger"> ({c.failures} failed)</span> : null}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-right text-xs tabular-nums text-ink-muted">
                {c.lastHttpStatus ? `HTTP ${c.lastHttpStatus}` : '—'}
                {c.lastDurationMs !== null ? ` · ${formatDuration(c.lastDurationMs)}` : ''}
              </td>
              <td className="max-w-xs truncate px-3 py-2 text-xs text-ink-muted" title={c.lastError ?? undefined}>
                {c.lastError ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
