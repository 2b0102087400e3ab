// The commands Threadline sent (or is sending) to a connected system, newest first:
// what, about which record, its delivery state and attempts, and the last error.
import Link from 'next/link';
import type { ConnectorCommandView } from '@/lib/queries/connectors/list-connector-commands';
import { DataTable } from '@/components/ui/data-table';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { DateText } from '@/components/ui/date-text';
import { formatDuration } from '@/components/ui/format-number';

const statusTone: Record<ConnectorCommandView['status'], BadgeTone> = { PENDING: 'warning', IN_FLIGHT: 'neutral', DELIVERED: 'accent', DEAD: 'danger' };
const statusLabel: Record<ConnectorCommandView['status'], string> = { PENDING: 'Pending', IN_FLIGHT: 'In flight', DELIVERED: 'Delivered', DEAD: 'Dead letter' };

export function ConnectorCommandsTable({ commands }: { commands: ConnectorCommandView[] }) {
  return (
    <DataTable
      testId="commands-table"
      label="Recent commands"
      columns={[{ label: 'Created' }, { label: 'Command' }, { label: 'About' }, { label: 'Status' }, { label: 'Attempts', right: true }, { label: 'Last try', right: true }, { label: 'Last error' }]}
    >
          {commands.map((c) => (
            <tr key={c.id} data-testid="command-row">
              <td className="whitespace-nowrap px-3 py-2 tabular-nums text-ink-muted"><DateText value={c.createdAt} kind="instant" /></td>
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
    </DataTable>
  );
}
