'use client';
// The queue in the browser: reads the page of exceptions the URL asks for from the TanStack
// cache (the server prefetched the first one, so it renders at once) and fetches the others
// from GET /api/v1/exceptions when the sort, a filter or the page changes (shallow URL
// changes, no server render). While the next page loads the current rows stay, marked busy.
// Its own empty and error states.
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Pager } from '@/components/ui/pager';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { useUrlListQuery } from '@/components/ui/use-url-list-query';
import type { PerformExceptionAction } from './exception-actions-panel';
import { exceptionQueueQuery, exceptionQueueSearch, isFilteredQueue } from './exception-queue-query';
import { queueResetLink } from './queue-reset-link';
import { TriageQueue, type BulkAssign } from './triage-queue';

export function ExceptionQueueView({ canTriage, canReplay, assign, perform }: { canTriage: boolean; canReplay: boolean; assign: BulkAssign; perform: PerformExceptionAction }) {
  const { params, search, data, error, isPlaceholderData, dataUpdatedAt } = useUrlListQuery(exceptionQueueSearch, exceptionQueueQuery);
  if (error) return <ErrorState title="The queue could not be loaded" action={queueResetLink}>{error.message}</ErrorState>;
  if (!data) return <TableSkeleton label="Loading the queue" rows={8} />;
  if (data.items.length === 0) {
    return isFilteredQueue(params) ? (
      <EmptyState title="Nothing matches these filters" action={queueResetLink}>
        No exception has this combination of status, owner, recoverability, code, legal entity, connector and assignee.
      </EmptyState>
    ) : (
      <EmptyState title="No open exceptions">When an event cannot be processed it lands here with its owner, recoverability and the money it holds up.</EmptyState>
    );
  }
  return (
    <div aria-busy={isPlaceholderData} data-testid="exception-queue-view" className={isPlaceholderData ? 'opacity-70 transition-opacity' : ''}>
      <TriageQueue
        // A new list (sort, filter, page) starts with nothing selected.
        key={search}
        items={data.items}
        // Ages are counted from when the page was read (the same instant on the server and in the browser).
        now={new Date(dataUpdatedAt).toISOString()}
        query={params.toString()}
        panelId={params.get('selected')}
        canTriage={canTriage}
        canReplay={canReplay}
        assign={assign}
        perform={perform}
      />
      <Pager path="/exceptions" params={params} nextCursor={data.nextCursor} shallow />
    </div>
  );
}
