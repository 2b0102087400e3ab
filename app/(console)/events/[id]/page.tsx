// One inbox event: its status and last error, timings and attempts, the exceptions it is
// linked to, and the payload as received.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { pageAccess } from '@/lib/auth/page-access';
import { roleLabels } from '@/lib/auth/permissions';
import { loadForPage } from '@/lib/http/load-for-page';
import { getInboxEvent } from '@/lib/queries/inbox/get-inbox-event';
import { consoleArea } from '@/components/layout/console-areas';
import { EventIdentity, EventTimings } from '@/components/events/event-facts';
import { EventPayload } from '@/components/events/event-payload';
import { EventStatusBadge } from '@/components/events/event-status-badge';
import { exceptionStatusLabels, exceptionStatusTones } from '@/components/exceptions/exception-labels';
import { AccessDenied } from '@/components/ui/access-denied';
import { BackLink } from '@/components/ui/back-link';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';

const area = consoleArea('events');

export const metadata: Metadata = { title: 'Event' };

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const { principal, allowed } = await pageAccess(area.permission);
  if (!allowed) return <AccessDenied area={area.label} roleLabel={roleLabels[principal.role]} />;
  const { id } = await params;
  const loaded = await loadForPage('inbox event', () => getInboxEvent({ id }));
  if (!loaded.ok && loaded.code === 'NOT_FOUND') notFound();
  if (!loaded.ok) {
    return (
      <>
        <BackLink href="/events">Inbox</BackLink>
        <ErrorState title="This event could not be loaded">{loaded.message}</ErrorState>
      </>
    );
  }
  const e = loaded.data;
  return (
    <>
      <BackLink href="/events">Inbox</BackLink>
      <PageHeader
        title={e.type}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <EventStatusBadge status={e.status} />
            <span>
              from <span className="font-mono text-xs">{e.source}</span>
              {e.subject ? <> about <span className="font-mono text-xs">{e.subject}</span></> : null}
            </span>
          </span>
        }
      />
      {e.lastError ? (
        <p className={`mb-6 rounded-card border p-4 text-sm ${e.status === 'PROCESSED' ? 'border-line bg-surface text-ink-muted' : 'border-danger/30 bg-danger-soft text-danger'}`} data-testid="event-error">
          <span className="font-medium">{e.status === 'PROCESSED' || e.status === 'SUPERSEDED' ? 'Note: ' : 'Last error: '}</span>
          {e.lastError}
        </p>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-2">
        <EventTimings event={e} />
        <EventIdentity event={e} />
      </div>
      <section aria-labelledby="exceptions-heading" className="mt-8">
        <h2 id="exceptions-heading" className="mb-3 text-sm font-semibold text-ink">Exceptions</h2>
        {e.exceptions.length === 0 ? (
          <p className="text-sm text-ink-muted">No exception is linked to this event.</p>
        ) : (
          <ul className="divide-y divide-line rounded-card border border-line bg-surface text-sm shadow-card" data-testid="event-exceptions">
            {e.exceptions.map((x) => (
              <li key={x.id} className="flex flex-wrap items-center gap-3 px-4 py-2">
                <span className="font-mono text-xs text-ink-muted">{x.code}</span>
                <Link href={`/exceptions/${x.id}`} className="font-medium text-ink hover:text-accent-strong">{x.title}</Link>
                <Badge tone={exceptionStatusTones[x.status]}>{exceptionStatusLabels[x.status]}</Badge>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="payload-heading" className="mt-8">
        <h2 id="payload-heading" className="mb-3 text-sm font-semibold text-ink">Payload</h2>
        <EventPayload payload={e.payload} />
      </section>
    </>
  );
}
