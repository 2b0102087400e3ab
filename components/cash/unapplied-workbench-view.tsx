'use client';
// The workbench in the browser: the page for the live URL's scope and cursor from the
// TanStack cache (the server prefetched the first one), the next pages from
// GET /api/v1/cash/unapplied (shallow pager). Applying cash re-renders the page on the
// server (revalidatePath), which hydrates the fresh page. Its own empty and error states.
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Pager } from '@/components/ui/pager';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { useUrlListQuery } from '@/components/ui/use-url-list-query';
import type { ApplyCash } from './apply-cash-form';
import { WorkbenchItems } from './workbench-items';
import { workbenchQuery, workbenchSearch } from './workbench-query';

export function UnappliedWorkbenchView({ apply }: { apply: ApplyCash | null }) {
  const { params, data, error, isPlaceholderData } = useUrlListQuery(workbenchSearch, workbenchQuery);
  if (error) return <ErrorState title="Unapplied cash could not be loaded">{error.message}</ErrorState>;
  if (!data) return <TableSkeleton label="Loading cash" rows={6} />;
  if (data.items.length === 0) return <EmptyState title="No unapplied cash">Every receipt is applied. Cash that cannot be matched to an invoice appears here with suggested matches.</EmptyState>;
  return (
    <div aria-busy={isPlaceholderData} className={isPlaceholderData ? 'opacity-70 transition-opacity' : ''}>
      <WorkbenchItems items={data.items} apply={apply} />
      <Pager path="/cash" params={params} nextCursor={data.nextCursor} shallow />
    </div>
  );
}
