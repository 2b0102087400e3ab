// The cash page's receipts as a TanStack query: the page's URL (its view aside) is the query
// string of GET /api/v1/cash/receipts, on the server (prefetch) and in the browser (filter,
// page), under one key.
import type { ReceiptView } from '@/lib/queries/cash/list-receipts';
import { fetchApi } from '@/components/ui/fetch-api';
import { isFilteredList, listSearch } from '@/components/ui/list-search';

export interface ReceiptListPage {
  items: ReceiptView[];
  nextCursor: string | null;
}

/** ?view=receipts chooses the tab; it is not a filter of the list. */
const VIEW_ONLY = ['view'];

export const receiptListSearch = (params: URLSearchParams) => listSearch(params, VIEW_ONLY).toString();

export const isFilteredReceiptList = (params: URLSearchParams) => isFilteredList(params, VIEW_ONLY);

export const receiptListKey = (search: string) => ['cash-receipts', search] as const;

export const receiptListQuery = (search: string) => ({
  queryKey: receiptListKey(search),
  queryFn: () => fetchApi<ReceiptListPage>(`/api/v1/cash/receipts?${search}`),
});
