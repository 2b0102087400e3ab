// The exception queue as a TanStack query: the page's URL becomes the same call to
// GET /api/v1/exceptions on the server (prefetch) and in the browser (sort, filter, page,
// refresh after an action), under one key. Pure, so both sides derive the same key.
import type { ExceptionView } from '@/lib/queries/exceptions/exception-view';
import { ANY_STATUS, DEFAULT_QUEUE_STATUSES } from '@/lib/http/schemas/queue-status-defaults';
import { fetchApi } from '@/components/ui/fetch-api';
import { isFilteredList, listSearch } from '@/components/ui/list-search';

export interface ExceptionQueuePage {
  items: ExceptionView[];
  nextCursor: string | null;
}

/** Keys of the page's URL that are not the list's: the side panel's exception. */
const VIEW_ONLY = ['selected'];

/**
 * The API query string of the queue the URL shows (listSearch), with the page's status
 * default made explicit: no status = open or assigned, any = every status.
 */
export function exceptionQueueSearch(params: URLSearchParams): string {
  const search = listSearch(params, VIEW_ONLY);
  if (!search.has('status')) search.set('status', DEFAULT_QUEUE_STATUSES);
  else if (search.getAll('status').includes(ANY_STATUS)) search.delete('status');
  search.sort();
  return search.toString();
}

/** The prefix every page of the queue shares: what an action invalidates. */
export const EXCEPTION_QUEUE_KEY = ['exception-queue'] as const;

export const exceptionQueueKey = (search: string) => [...EXCEPTION_QUEUE_KEY, search] as const;

export const exceptionQueueQuery = (search: string) => ({
  queryKey: exceptionQueueKey(search),
  queryFn: () => fetchApi<ExceptionQueuePage>(`/api/v1/exceptions?${search}`),
});

/** Whether the URL narrows the queue (so an empty page says "nothing matches", not "no exceptions"). */
export const isFilteredQueue = (params: URLSearchParams) => isFilteredList(params, VIEW_ONLY);
