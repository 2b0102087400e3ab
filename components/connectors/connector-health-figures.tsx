// One connector's health at a glance (DESIGN.md §10): success rate, latency p50/p95,
// backlog in both directions, dead letters and the last event. Backlog and dead-letter
// figures link to the rows behind them.
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { ConnectorHealth } from '@/lib/queries/connectors/connector-health';
import { DateText } from '@/components/ui/date-text';
import { formatCount, formatDuration } from '@/components/ui/format-number';
import { formatRate } from './format-rate';

function Figure({ label, value, hint, href, alarm = false, testId }: { label: string; value: ReactNode; hint: string; href?: string; alarm?: boolean; testId: string }) {
  const shown = <span className={`text-xl font-semibold tabular-nums ${alarm ? 'text-danger' : 'text-ink'}`}>{value}</span>;
  return (
    <div className="rounded-card border border-line bg-surface p-4 shadow-card" data-testid={testId}>
      <dt className="text-xs font-medium uppercase tracking-wide text-ink-subtle">{label}</dt>
      <dd className="mt-1">
        {href ? (
          <Link href={href} className="hover:underline">
            {shown}
          </Link>
        ) : (
          shown
        )}
        <p className="mt-0.5 text-xs text-ink-muted">{hint}</p>
      </dd>
    </div>
  );
}

export function ConnectorHealthFigures({ code, health: h }: { code: string; health: ConnectorHealth }) {
  const inboxBacklog = h.backlog.RECEIVED + h.backlog.FAILED + h.backlog.PARKED + h.backlog.HELD;
  const events = (status?: string) => `/events?connector=${encodeURIComponent(code)}${status ? `&status=${status}` : ''}`;
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <Figure testId="figure-success" label="Success (24 h)" value={formatRate(h.successRate)} hint="processed ÷ processed + failed or held" alarm={h.successRate !== null && h.successRate < 0.95} />
      <Figure testId="figure-latency" label="Latency p50 / p95" value={`${formatDuration(h.p50LatencyMs)} / ${formatDuration(h.p95LatencyMs)}`} hint={`${formatCount(h.processedLastHour)} processed in the last hour`} />
      <Figure
        testId="figure-inbox-backlog"
        label="Inbox backlog"
        value={formatCount(inboxBacklog)}
        hint={`${formatCount(h.backlog.RECEIVED)} waiting · ${formatCount(h.backlog.FAILED)} retrying · ${formatCount(h.backlog.PARKED)} parked · ${formatCount(h.backlog.HELD)} held`}
        href={inboxBacklog > 0 ? events() : undefined}
        alarm={h.backlog.HELD + h.backlog.FAILED > 0}
      />
      <Figure testId="figure-outbox-pending" label="Commands pending" value={formatCount(h.outboxPending)} hint="outbox commands not yet delivered" />
      <Figure
        testId="figure-dead-letters"
        label="Dead letters"
        value={formatCount(h.deadLetters)}
        hint="commands that exhausted their attempts"
        href={h.deadLetters > 0 ? '/exceptions?code=CONNECTOR_DELIVERY_FAILED' : undefined}
        alarm={h.deadLetters > 0}
      />
      <Figure testId="figure-last-event" label="Last event" value={<DateText value={h.lastEventAt} kind="instant" fallback="Never" />} hint={`${formatCount(h.receivedToday)} received today (UTC)`} href={h.lastEventAt ? events() : undefined} />
    </dl>
  );
}
