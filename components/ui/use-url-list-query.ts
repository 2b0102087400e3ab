'use client';
// A list's client view reads its page for the live URL (useSearchParams follows the shallow
// sort, filter and page links) from the TanStack cache, fetching through the API when the
// cache has not got it; while the next page loads the current one stays on screen
// (isPlaceholderData says it is stale).
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';

export function useUrlListQuery<T>(toSearch: (params: URLSearchParams) => string, query: (search: string) => { queryKey: QueryKey; queryFn: () => Promise<T> }) {
  const params = new URLSearchParams(useSearchParams());
  const search = toSearch(params);
  return { params, search, ...useQuery({ ...query(search), placeholderData: keepPreviousData }) };
}
