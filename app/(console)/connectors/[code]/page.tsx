// One connected system (DESIGN.md §1 integration ops, §10): its health, its credentials
// (rotation for ADMIN), the events it sent and the commands it was sent.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { pageAccess } from '@/lib/auth/page-access';
import { can, roleLabels } from '@/lib/auth/permissions';
import { loadForPage } from '@/lib/http/load-for-page';
import { getConnector } from '@/lib/queries/connectors/get-connector';
import { consoleArea } from '@/components/layout/console-areas';
import { ConnectorHealthWidget, ConnectorRecentCommands, ConnectorRecentEvents } from '@/components/connectors/connector-activity';
import { ConnectorCredentials } from '@/components/connectors/connector-credentials';
import { AccessDenied } from '@/components/ui/access-denied';
import { BackLink } from '@/components/ui/back-link';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { rotateConnectorAction } from './actions';

const area = consoleArea('connectors');

export const metadata: Metadata = { title: 'Connector' };

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="mb-3 text-sm font-semibold text-ink">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function ConnectorPage({ params }: { params: Promise<{ code: string }> }) {
  const { principal, allowed } = await pageAccess(area.permission);
  if (!allowed) return <AccessDenied area={area.label} roleLabel={roleLabels[principal.role]} />;
  const { code } = await params;
  const loaded = await loadForPage('connector', () => getConnector({ code: decodeURIComponent(code) }));
  if (!loaded.ok && loaded.code === 'NOT_FOUND') notFound();
  if (!loaded.ok) {
    return (
      <>
        <BackLink href="/connectors">Connectors</BackLink>
        <ErrorState title="This connector could not be loaded">{loaded.message}</ErrorState>
      </>
    );
  }
  const c = loaded.data;
  return (
    <>
      <BackLink href="/connectors">Connectors</BackLink>
      <PageHeader
        title={`${c.name} (${c.code})`}
        description={
          <>
            {c.kind} · sources <span className="font-mono">{c.sources.join(', ') || '—'}</span> {c.active ? null : <Badge tone="muted">inactive</Badge>}
          </>
        }
      />
      <Section id="health-heading" title="Health">
        <Suspense fallback={<TableSkeleton label="Loading health" rows={2} />}>
          <ConnectorHealthWidget connectorId={c.id} code={c.code} />
        </Suspense>
      </Section>
      <Section id="credentials-heading" title="Credentials">
        <ConnectorCredentials connector={c} rotateAction={can(principal.role, 'connectors:manage') ? rotateConnectorAction : undefined} />
      </Section>
      <Section id="events-heading" title="Recent events">
        <Suspense fallback={<TableSkeleton label="Loading recent events" rows={5} />}>
          <ConnectorRecentEvents code={c.code} />
        </Suspense>
      </Section>
      <Section id="commands-heading" title="Recent commands">
        <Suspense fallback={<TableSkeleton label="Loading recent commands" rows={5} />}>
          <ConnectorRecentCommands connectorId={c.id} />
        </Suspense>
      </Section>
    </>
  );
}
