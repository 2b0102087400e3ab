// The invoices list as a TanStack query: the page's URL is the query string of
// GET /api/v1/invoices/summaries (same names), on the server (prefetch) and in the browser
// (sort, filter, page), under one key.
import type { InvoiceRowView } from '@/lib/queries/invoices/list-invoice-rows';
import { fetchApi } from '@/components/ui/fetch-api';
import { listSearch } from '@/components/ui/list-search';

export interface InvoiceListPage {
  items: InvoiceRowView[];
  nextCursor: string | null;
}

export const invoiceListSearch = (params: URLSearchParams) => listSearch(params).toString();

export const invoiceListKey = (search: string) => ['invoice-list', search] as const;

export const invoiceListQuery = (search: string) => ({
  queryKey: invoiceListKey(search),
  queryFn: () => fetchApi<InvoiceListPage>(`/api/v1/invoices/summaries?${search}`),
});
