// The engagements list as a TanStack query: one key for the server's prefetch and the
// browser's cache, and the browser's fetch of the same page from GET /api/v1/engagements
// (the session cookie authenticates it; the API and the page read the same query).
import type { BillingModel } from '@/lib/db/generated/enums';
import type { EngagementSummary } from '@/lib/http/schemas/engagements';
import type { MarginPeriod } from '@/lib/queries/engagements/engagement-margins';
import type { EngagementListSort } from '@/lib/queries/engagements/engagement-sorts';
import { fetchApi } from '@/components/ui/fetch-api';

export interface EngagementListQuery {
  legalEntityCode?: string;
  region?: string;
  activatedFrom?: string;
  activatedTo?: string;
  marginFrom?: string;
  marginTo?: string;
  currency?: string;
  billingModel?: BillingModel[];
  q?: string;
  sort: EngagementListSort;
  cursor?: string;
}

export interface EngagementListPage {
  items: EngagementSummary[];
  nextCursor: string | null;
  marginPeriod: MarginPeriod;
}

export const engagementsQueryKey = (query: EngagementListQuery) => ['engagements', query] as const;

export async function fetchEngagements(query: EngagementListQuery): Promise<EngagementListPage> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v));
    else if (value !== undefined) search.set(key, value);
  }
  return fetchApi<EngagementListPage>(`/api/v1/engagements?${search}`, 'The engagements could not be loaded');
}
