// One event's identity and its life in the inbox: when it arrived, how long processing
// took, how often it was tried, when it is tried next or how long it waits for a gap.
import type { InboxEventDetail } from '@/lib/queries/inbox/get-inbox-event';
import { DateText } from '@/components/ui/date-text';
import { formatDuration } from '@/components/ui/format-number';

function Facts({ title, facts, testId }: { title: string; facts: [string, React.ReactNode][]; testId: string }) {
  return (
    <section aria-label={title} className="rounded-card border border-line bg-surface p-5 shadow-card">
      <h2 className="mb-3 text-sm font-semibold text-ink">{title}</h2>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2" data-testid={testId}>
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt className="text-xs font-medium uppercase tracking-wide text-ink-subtle">{term}</dt>
            <dd className="mt-0.5 break-all text-ink tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function EventTimings({ event: e }: { event: InboxEventDetail }) {
  const facts: [string, React.ReactNode][] = [
    ['Event time', <DateText key="event-time" value={e.eventTime} kind="instant" />],
    ['Received', <DateText key="received" value={e.receivedAt} kind="instant" />],
    ['Processed', <DateText key="processed" value={e.processedAt} kind="instant" fallback="Not yet" />],
    ['Latency', formatDuration(e.latencyMs, 'Not processed yet')],
    ['Attempts', String(e.attempts)],
    ...(e.nextAttemptAt ? [['Next attempt', <DateText key="next-attempt" value={e.nextAttemptAt} kind="instant" />] as [string, React.ReactNode]] : []),
    ...(e.parkedUntil ? [['Parked until', <DateText key="parked-until" value={e.parkedUntil} kind="instant" />] as [string, React.ReactNode]] : []),
  ];
  return <Facts title="Timings" facts={facts} testId="event-timings" />;
}

export function EventIdentity({ event: e }: { event: InboxEventDetail }) {
  const mono = (value: string | null) => (value ? <span className="font-mono text-xs">{value}</span> : '—');
  const facts: [string, React.ReactNode][] = [
    ['Event id', mono(e.eventId)],
    ['Source', mono(e.source)],
    ['Connector', e.connector ?? 'Internal (no connector)'],
    ['Subject', mono(e.subject)],
    ['Sequence', e.sequence ?? '—'],
    ['Correlation id', mono(e.correlationId)],
    ['Payload SHA-256', mono(e.payloadHash)],
  ];
  return <Facts title="Identity" facts={facts} testId="event-identity" />;
}
