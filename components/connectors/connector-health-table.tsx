// Connected systems and how their events are doing: when each last sent, how much today,
// what waits in the inbox (each count links to those events) and how long processing
// takes (p50 and p95 over the last hour), how much of the last day succeeded, and which
// commands to it were given up on.
import Link from 'next/link';
import { BACKLOG_STATUSES } from '@/lib/queries/connectors/backlog-statuses';
import type { ConnectorHealthRow } from '@/lib/queries/connectors/connector-health-rows';
import { Badge } from '@/components/ui/badge';
import { DataTable, type Column } from '@/components/ui/data-table';
import { DateText } from '@/components/ui/date-text';
import { formatCount, formatDuration } from '@/components/ui/format-number';
import { formatRate } from './format-rate';

const backlogLabels = { RECEIVED: 'Received', FAILED: 'Failed', PARKED: 'Parked', HELD: 'Held' } as const;

const columns: Column[] = [
  { label: 'Connector' },
  { label: 'Kind' },
  { label: 'Sources' },
  { label: 'Last event' },
  { label: 'Today (UTC)', right: true },
  ...BACKLOG_STATUSES.map((status) => ({ label: backlogLabels[status], right: true, title: `Backlog: ${status} events` })),
  { label: 'Success (24 h)', right: true, title: 'Processed ÷ (processed + failed + held), events received in the last 24 hours' },
  { label: 'p50 / p95 (1 h)', right: true, title: 'Median and 95th percentile of processedAt − receivedAt, events processed in the last hour' },
  { label: 'Dead letters', right: true, title: 'Commands to this system that exhausted their delivery attempts' },
];

export function ConnectorHealthTable({ rows }: { rows: ConnectorHealthRow[] }) {
  return (
    <DataTable testId="connectors-table" label="Connectors and their health" columns={columns}>
      {rows.map(({ connector: c, health: h }) => (
        <tr key={c.id} data-testid="connector-row">
          <td className="px-3 py-2">
            <Link href={`/connectors/${encodeURIComponent(c.code)}`} className="font-mono font-medium text-accent hover:text-accent-strong">
              {c.code}
            </Link>{' '}
            {c.active ? null : <Badge tone="muted">inactive</Badge>}
            <div className="text-xs text-ink-subtle">{c.name}</div>
          </td>
          <td className="px-3 py-2 text-ink-muted">{c.kind}</td>
          <td className="px-3 py-2 font-mono text-xs text-ink-muted">{c.sources.join(', ')}</td>
          <td className="whitespace-nowrap px-3 py-2 tabular-nums text-ink-muted"><DateText value={h.lastEventAt} kind="instant" fallback="Never" /></td>
          <td className="px-3 py-2 text-right tabular-nums text-ink" data-testid="received-today">{formatCount(h.receivedToday)}</td>
          {BACKLOG_STATUSES.map((status) => (
            <td key={status} className="px-3 py-2 text-right tabular-nums" data-testid={`backlog-${status}`}>
              {h.backlog[status] > 0 ? (
                <Link href={`/events?connector=${encodeURIComponent(c.code)}&status=${status}`} className={status === 'HELD' || status === 'FAILED' ? 'font-medium text-danger hover:underline' : 'text-ink hover:underline'}>
                  {formatCount(h.backlog[status])}
                </Link>
              ) : (
                <span className="text-ink-subtle">0</span>
              )}
            </td>
          ))}
          <td className="px-3 py-2 text-right tabular-nums text-ink-muted" data-testid="success-rate">{formatRate(h.successRate)}</td>
          <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-ink-muted">
            {formatDuration(h.p50LatencyMs, '—')} / {formatDuration(h.p95LatencyMs, '—')}
            {h.processedLastHour > 0 ? <div className="text-xs text-ink-subtle">{formatCount(h.processedLastHour)} {h.processedLastHour === 1 ? 'event' : 'events'}</div> : null}
          </td>
          <td className={`px-3 py-2 text-right tabular-nums ${h.deadLetters > 0 ? 'font-medium text-danger' : 'text-ink-subtle'}`}>{formatCount(h.deadLetters)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
