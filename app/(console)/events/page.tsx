// The Inbox: every event connected systems sent, newest first, with its status, attempts,
// latency and last error — the first place to look when something did not arrive.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { pageAccess } from '@/lib/auth/page-access';
import { roleLabels } from '@/lib/auth/permissions';
import { recordToSearchParams } from '@/lib/http/search-params';
import { consoleArea } from '@/components/layout/console-areas';
import { InboxFilters } from '@/components/events/inbox-filters';
import { InboxList } from '@/components/events/inbox-list';
import { AccessDenied } from '@/components/ui/access-denied';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/table-skeleton';

const area = consoleArea('events');

export const metadata: Metadata = { title: area.label };

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { principal, allowed } = await pageAccess(area.permission);
  if (!allowed) return <AccessDenied area={area.label} roleLabel={roleLabels[principal.role]} />;
  const params = recordToSearchParams(await searchParams);
  return (
    <>
      <PageHeader title={area.label} description={area.summary} />
      <InboxFilters params={params} />
      <Suspense key={params.toString()} fallback={<TableSkeleton label="Loading the inbox" rows={8} />}>
        <InboxList params={params} />
      </Suspense>
    </>
  );
}
