'use client';
// The invoices table in the browser: the page for the live URL from the TanStack cache (the
// server prefetched the first one), fetched from GET /api/v1/invoices/summaries when the
// sort, a filter or the page changes (shallow URL changes, no server render). Its own
// empty and error states.
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { isFilteredList } from '@/components/ui/list-search';
import { Pager } from '@/components/ui/pager';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { useUrlListQuery } from '@/components/ui/use-url-list-query';
import { invoiceListQuery, invoiceListSearch } from './invoice-list-query';
import { invoiceResetLink } from './invoice-reset-link';
import { InvoiceTable } from './invoice-table';

export function InvoiceListView() {
  const { params, data, error, isPlaceholderData } = useUrlListQuery(invoiceListSearch, invoiceListQuery);
  if (error) return <ErrorState title="Invoices could not be loaded" action={invoiceResetLink}>{error.message}</ErrorState>;
  if (!data) return <TableSkeleton label="Loading invoices" rows={8} />;
  if (data.items.length === 0) {
    return isFilteredList(params) ? (
      <EmptyState title="No invoice matches these filters" action={invoiceResetLink}>Try another status, legal entity or period, or clear the filters.</EmptyState>
    ) : (
      <EmptyState title="No invoices yet">Invoices appear when billing runs issue them from approved time, completed milestones and retainers.</EmptyState>
    );
  }
  return (
    <div aria-busy={isPlaceholderData} data-testid="invoice-list-view" className={isPlaceholderData ? 'opacity-70 transition-opacity' : ''}>
      <InvoiceTable items={data.items} sortable={{ path: '/invoices', params, shallow: true }} />
      <Pager path="/invoices" params={params} nextCursor={data.nextCursor} shallow />
    </div>
  );
}
