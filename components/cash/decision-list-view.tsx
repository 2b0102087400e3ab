'use client';
// The decisions table in the browser: the page for the live URL's cursor from the TanStack
// cache (the server prefetched the first one), the next pages from GET /api/v1/cash/decisions
// (shallow pager). A decision's server action re-renders the page, which hydrates the
// fresh first page. Its own empty and error states.
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Pager } from '@/components/ui/pager';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { useUrlListQuery } from '@/components/ui/use-url-list-query';
import type { DecideCashException } from './decision-buttons';
import { decisionListQuery, decisionListSearch } from './decision-list-query';
import { DecisionTable } from './decision-table';

export function DecisionListView({ decide }: { decide: DecideCashException | null }) {
  const { params, data, error, isPlaceholderData } = useUrlListQuery(decisionListSearch, decisionListQuery);
  if (error) return <ErrorState title="Decisions could not be loaded">{error.message}</ErrorState>;
  if (!data) return <TableSkeleton label="Loading cash" rows={6} />;
  if (data.items.length === 0) return <EmptyState title="Nothing awaits a decision">Short-pay deductions and payment disputes appear here until FINANCE approves or rejects them.</EmptyState>;
  return (
    <div aria-busy={isPlaceholderData} data-testid="decision-list-view" className={isPlaceholderData ? 'opacity-70 transition-opacity' : ''}>
      <DecisionTable items={data.items} decide={decide} />
      <Pager path="/cash" params={params} nextCursor={data.nextCursor} shallow />
    </div>
  );
}
