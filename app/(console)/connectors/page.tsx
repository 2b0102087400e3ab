// Connector health (DESIGN.md §1 integration ops, §10): last event, today's volume,
// inbox backlog by status and p95 processing latency per connected system.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { pageAccess } from '@/lib/auth/page-access';
import { roleLabels } from '@/lib/auth/permissions';
import { consoleArea } from '@/components/layout/console-areas';
import { ConnectorHealthList } from '@/components/connectors/connector-health-list';
import { AccessDenied } from '@/components/ui/access-denied';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/table-skeleton';

const area = consoleArea('connectors');

export const metadata: Metadata = { title: area.label };

export default async function ConnectorsPage() {
  const { principal, allowed } = await pageAccess(area.permission);
  if (!allowed) return <AccessDenied area={area.label} roleLabel={roleLabels[principal.role]} />;
  return (
    <>
      <PageHeader title={area.label} description={area.summary} />
      <Suspense fallback={<TableSkeleton label="Loading connector health" rows={7} />}>
        <ConnectorHealthList />
      </Suspense>
    </>
  );
}
