// The unapplied-cash workbench as a TanStack query: the page URL's scope (legal entity,
// region) and cursor are the query string of GET /api/v1/cash/unapplied, on the server
// (prefetch) and in the browser (paging), under one key. The receipts' own filters (status,
// received days) do not narrow the workbench and are left out.
import type { WorkbenchItem } from '@/lib/queries/cash/unapplied-workbench';
import { fetchApi } from '@/components/ui/fetch-api';
import { listSearch } from '@/components/ui/list-search';

export interface WorkbenchPage {
  items: WorkbenchItem[];
  nextCursor: string | null;
}

const WORKBENCH_KEYS = ['legalEntity', 'region', 'cursor'];

export const workbenchSearch = (params: URLSearchParams) => listSearch(new URLSearchParams([...params].filter(([key]) => WORKBENCH_KEYS.includes(key)))).toString();

export const workbenchKey = (search: string) => ['cash-workbench', search] as const;

export const workbenchQuery = (search: string) => ({
  queryKey: workbenchKey(search),
  queryFn: () => fetchApi<WorkbenchPage>(`/api/v1/cash/unapplied?${search}`),
});
