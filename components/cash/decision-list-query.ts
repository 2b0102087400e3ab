// The cash page's decisions as a TanStack query: GET /api/v1/cash/decisions with the page's
// cursor (the view's only parameter; the drill-down filters are the other views'), on the
// server (prefetch) and in the browser (paging, refresh after a decision), under one key.
import type { CashDecisionView } from '@/lib/queries/cash/list-cash-decisions';
import { fetchApi } from '@/components/ui/fetch-api';

export interface DecisionListPage {
  items: CashDecisionView[];
  nextCursor: string | null;
}

export const decisionListSearch = (params: URLSearchParams) => {
  const cursor = params.get('cursor');
  return cursor ? new URLSearchParams({ cursor }).toString() : '';
};

/** The prefix of every cached page of decisions: what a decision invalidates. */
export const DECISION_LIST_KEY = ['cash-decisions'] as const;

export const decisionListKey = (search: string) => [...DECISION_LIST_KEY, search] as const;

export const decisionListQuery = (search: string) => ({
  queryKey: decisionListKey(search),
  queryFn: () => fetchApi<DecisionListPage>(`/api/v1/cash/decisions?${search}`),
});
