// Around an exception (issue 6): the engagement it concerns with a link to its lineage,
// the payloads of its latest events (pretty-printed, as received) and its audit trail.
// Shared by the queue's side panel and the exception page.
import Link from 'next/link';
import type { ExceptionContext as Context } from '@/lib/queries/exceptions/get-exception-context';
import { EventPayload } from '@/components/events/event-payload';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { DateText } from '@/components/ui/date-text';

const engagementTones: Record<NonNullable<Context['engagement']>['status'], BadgeTone> = { SHELL: 'warning', ACTIVE: 'accent', CLOSED: 'muted' };
const engagementLabels: Record<NonNullable<Context['engagement']>['status'], string> = { SHELL: 'Waiting for activation', ACTIVE: 'Active', CLOSED: 'Closed' };

function Heading({ id, children }: { id: string; children: React.ReactNode }) {
  return <h2 id={id} className="mb-2 text-sm font-semibold text-ink">{children}</h2>;
}

export function ExceptionEntity({ context, idPrefix, entity }: { context: Context; idPrefix: string; entity: string }) {
  const { engagement, correlationId } = context;
  return (
    <section aria-labelledby={`${idPrefix}-entity`} className="rounded-card border border-line bg-surface p-4 text-sm shadow-card" data-testid="exception-entity">
      <Heading id={`${idPrefix}-entity`}>Entity and lineage</Heading>
      <p className="break-words text-ink-muted">Concerns <span className="font-mono text-ink">{entity}</span></p>
      {engagement ? (
        <p className="mt-2 flex flex-wrap items-center gap-2" data-testid="exception-engagement">
          <span className="text-ink-muted">Engagement</span>
          <Link href={`/engagements/${engagement.id}`} className="font-medium text-accent hover:text-accent-strong">{engagement.code}</Link>
          <Badge tone={engagementTones[engagement.status]} testId="engagement-status">{engagementLabels[engagement.status]}</Badge>
        </p>
      ) : (
        <p className="mt-2 text-ink-muted">No engagement yet{context.fix ? ': it is created once the fix is replayed.' : '.'}</p>
      )}
      {correlationId ? (
        <p className="mt-2">
          <Link href={`/lineage?correlationId=${encodeURIComponent(correlationId)}`} className="text-accent hover:text-accent-strong">
            Trace the lineage of <span className="font-mono">{correlationId}</span>
          </Link>
        </p>
      ) : null}
    </section>
  );
}

export function EventPayloads({ payloads, idPrefix }: { payloads: Context['payloads']; idPrefix: string }) {
  if (payloads.length === 0) return null;
  return (
    <section aria-labelledby={`${idPrefix}-payloads`} data-testid="exception-payloads">
      <Heading id={`${idPrefix}-payloads`}>Event payloads</Heading>
      <div className="space-y-2">
        {payloads.map((event, index) => (
          <details key={event.id} open={index === 0} className="rounded-card border border-line bg-surface shadow-card">
            <summary className="cursor-pointer px-3 py-2 text-sm text-ink">
              <span className="font-medium">{event.type}</span> <span className="font-mono text-xs text-ink-muted">{event.source} · {event.eventId}</span>
            </summary>
            <div className="px-3 pb-3">
              <EventPayload payload={event.payload} label={`Payload of ${event.type} ${event.eventId}`} />
            </div>
          </details>
        ))}
      </div>
    </section>
  );
}

const actorLabel = (a: Context['audit'][number], names: Map<string, string>) =>
  a.actorType === 'USER' ? (a.actorId ? (names.get(a.actorId) ?? 'A former user') : 'Someone') : a.actorType === 'CONNECTOR' ? 'A connected system' : 'Threadline';

export function AuditTrail({ context, names, idPrefix }: { context: Context; names: Map<string, string>; idPrefix: string }) {
  return (
    <section aria-labelledby={`${idPrefix}-audit`}>
      <Heading id={`${idPrefix}-audit`}>Audit trail</Heading>
      {context.audit.length === 0 ? (
        <p className="rounded-card border border-line bg-surface p-4 text-sm text-ink-muted shadow-card">Nobody has acted on this exception yet.</p>
      ) : (
        <div className="rounded-card border border-line bg-surface shadow-card">
          {context.auditCount > context.audit.length ? <p className="border-b border-line px-4 py-2 text-xs text-ink-muted">The latest {context.audit.length} of {context.auditCount} records.</p> : null}
          <ol className="divide-y divide-line text-sm" data-testid="audit-trail">
            {context.audit.map((a) => (
              <li key={a.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2">
                <span className="font-mono text-xs text-ink">{a.action}</span>
                <span className="text-ink-muted">by {actorLabel(a, names)}</span>
                <span className="ml-auto whitespace-nowrap text-xs tabular-nums text-ink-muted"><DateText value={a.at} kind="instant" /></span>
                {a.before !== null || a.after !== null ? <AuditChange before={a.before} after={a.after} /> : null}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

// status OPEN → ASSIGNED, assigneeId … : only the fields that changed.
function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));
  const changed = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((key) => show(b[key]) !== show(a[key]));
  if (changed.length === 0) return null;
  return (
    <dl className="w-full text-xs text-ink-muted">
      {changed.map((key) => (
        <div key={key} className="break-words">
          <dt className="inline font-medium">{key}: </dt>
          <dd className="inline">{key in b ? `${show(b[key])} → ` : ''}{show(a[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
