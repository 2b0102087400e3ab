'use client';
// The receipts table in the browser: the page for the live URL from the TanStack cache (the
// server prefetched the first one), fetched from GET /api/v1/cash/receipts when a filter or
// the page changes (shallow URL changes, no server render). Its own empty and error states.
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Pager } from '@/components/ui/pager';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { useUrlListQuery } from '@/components/ui/use-url-list-query';
import { isFilteredReceiptList, receiptListQuery, receiptListSearch } from './receipt-list-query';
import { ReceiptTable } from './receipt-table';

export function ReceiptListView() {
  const { params, data, error, isPlaceholderData } = useUrlListQuery(receiptListSearch, receiptListQuery);
  if (error) return <ErrorState title="Receipts could not be loaded">{error.message}</ErrorState>;
  if (!data) return <TableSkeleton label="Loading cash" rows={6} />;
  if (data.items.length === 0) {
    return isFilteredReceiptList(params) ? (
      <EmptyState title="No receipt matches these filters">Try another status or period, or clear the filters.</EmptyState>
    ) : (
      <EmptyState title="No payments yet">Receipts from the payment gateway and bank statements appear here once those connectors send them.</EmptyState>
    );
  }
  return (
    <div aria-busy={isPlaceholderData} data-testid="receipt-list-view" className={isPlaceholderData ? 'opacity-70 transition-opacity' : ''}>
      <ReceiptTable items={data.items} />
      <Pager path="/cash" params={params} nextCursor={data.nextCursor} shallow />
    </div>
  );
}
