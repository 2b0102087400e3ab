// The exception queue (DESIGN.md §7): filters and sort in the URL, the queue's default
// order first (money people can release), keyset pages.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { pageAccess } from '@/lib/auth/page-access';
import { roleLabels } from '@/lib/auth/permissions';
import { recordToSearchParams } from '@/lib/http/search-params';
import { consoleArea } from '@/components/layout/console-areas';
import { ExceptionQueue } from '@/components/exceptions/exception-queue';
import { QueueFilters } from '@/components/exceptions/queue-filters';
import { AccessDenied } from '@/components/ui/access-denied';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/table-skeleton';

const area = consoleArea('exceptions');

export const metadata: Metadata = { title: area.label };

export default async function ExceptionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { principal, allowed } = await pageAccess(area.permission);
  if (!allowed) return <AccessDenied area={area.label} roleLabel={roleLabels[principal.role]} />;
  const params = recordToSearchParams(await searchParams);
  return (
    <>
      <PageHeader
        title={area.label}
        description="Sorted by default to put the money people can release first: data fixes and decisions by financial impact, then transient problems, then permanent ones."
      />
      <QueueFilters params={params} />
      <Suspense key={params.toString()} fallback={<TableSkeleton label="Loading the queue" rows={8} />}>
        <ExceptionQueue params={params} userId={principal.userId} />
      </Suspense>
    </>
  );
}
