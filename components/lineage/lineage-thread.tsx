// The explorer widget of one thread, read on the server and handed to the browser's
// TanStack Query cache (HydrationBoundary), so the graph draws at once and refetches alone.
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { Suspense } from 'react';
import { loadForPage } from '@/lib/http/load-for-page';
import { getLineage } from '@/lib/queries/lineage/get-lineage';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { LineageExplorer } from './lineage-explorer';
import { lineageQueryKey } from './lineage-query';

const backToSearch = (
  <Link href="/lineage" className="text-sm font-medium text-accent hover:text-accent-strong">
    Search again
  </Link>
);

export async function LineageThreadView({ correlationId }: { correlationId: string }) {
  const loaded = await loadForPage('lineage graph', () => getLineage({ correlationId }));
  if (!loaded.ok && loaded.code === 'NOT_FOUND') {
    return (
      <EmptyState title="Nothing to trace for this id" action={backToSearch}>
        {loaded.message} Lineage appears once events for an engagement have been processed.
      </EmptyState>
    );
  }
  if (!loaded.ok) return <ErrorState title="The lineage could not be loaded" action={backToSearch}>{loaded.message}</ErrorState>;
  const queryClient = new QueryClient();
  queryClient.setQueryData(lineageQueryKey(correlationId), loaded.data);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense fallback={<TableSkeleton label="Drawing the lineage" rows={6} />}>
        <LineageExplorer correlationId={correlationId} />
      </Suspense>
    </HydrationBoundary>
  );
}
