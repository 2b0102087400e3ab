// The exception queue (DESIGN.md §7, issue 6): filters and sort in the URL, the queue's
// default order first (money people can release), keyset pages, bulk assign, keyboard
// shortcuts, and the chosen exception in a side panel (?selected=<id>, shareable). The
// first page is read on the server and hydrated; the queue then fetches through the API.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { pageAccess } from '@/lib/auth/page-access';
import { roleLabels } from '@/lib/auth/permissions';
import { loadForPage } from '@/lib/http/load-for-page';
import { recordToSearchParams } from '@/lib/http/search-params';
import { queueFilterOptions } from '@/lib/queries/exceptions/queue-filter-options';
import { consoleArea } from '@/components/layout/console-areas';
import { ExceptionPanel } from '@/components/exceptions/exception-panel';
import { ExceptionQueue } from '@/components/exceptions/exception-queue';
import { QueueFilters } from '@/components/exceptions/queue-filters';
import { AccessDenied } from '@/components/ui/access-denied';
import { pageHref } from '@/components/ui/page-href';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { performExceptionActionFromPage } from './[id]/actions';
import { bulkAssignFromQueue, fixExceptionFromPage } from './triage-actions';

const area = consoleArea('exceptions');

export const metadata: Metadata = { title: area.label };

export default async function ExceptionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { principal, allowed } = await pageAccess(area.permission);
  if (!allowed) return <AccessDenied area={area.label} roleLabel={roleLabels[principal.role]} />;
  const params = recordToSearchParams(await searchParams);
  const selected = params.get('selected');
  // Without the lists the legal entity and connector filters are left out; the queue still works.
  const options = await loadForPage('queue filter options', () => queueFilterOptions());
  return (
    <>
      <PageHeader
        title={area.label}
        description="Sorted by default to put the money people can release first: data fixes and decisions by financial impact, then transient problems, then permanent ones. Press ? for keyboard shortcuts."
      />
      <QueueFilters options={options.ok ? options.data : null} />
      <div className={selected ? 'grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]' : ''}>
        <div className="min-w-0">
          {/* No key: after the first load the queue view follows the URL itself (sort, filters,
              pages are client fetches), and a server render (opening the side panel) keeps
              the rows on screen while it runs. */}
          <Suspense fallback={<TableSkeleton label="Loading the queue" rows={8} />}>
            <ExceptionQueue params={params} principal={principal} assign={bulkAssignFromQueue} perform={performExceptionActionFromPage} />
          </Suspense>
        </div>
        {selected ? (
          <Suspense key={selected} fallback={<TableSkeleton label="Loading the exception" rows={6} />}>
            <ExceptionPanel id={selected} closeHref={pageHref('/exceptions', params, { selected: null })} principal={principal} perform={performExceptionActionFromPage} fixInline={fixExceptionFromPage} />
          </Suspense>
        ) : null}
      </div>
    </>
  );
}
