// The engagements list widget: the server reads one keyset page for the URL's filters and
// sort, shows the empty state (none yet, or none for these filters) or the error state,
// and otherwise hands the page to the browser's TanStack cache (prefetch + HydrationBoundary).
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { engagementPageParamsSchema, pageParams } from '@/lib/http/schemas/console-money-params';
import { loadForPage } from '@/lib/http/load-for-page';
import { listEngagements } from '@/lib/queries/engagements/list-engagements';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { engagementsQueryKey, type EngagementListQuery } from './engagement-query';
import { EngagementListView } from './engagement-list-view';

const resetLink = (
  <Link href="/engagements" className="text-sm font-medium text-accent hover:text-accent-strong">
    Show all engagements
  </Link>
);

export async function EngagementList({ params }: { params: URLSearchParams }) {
  const parsed = pageParams(engagementPageParamsSchema, params);
  if (!parsed.ok) return <ErrorState title="This view cannot be shown" action={resetLink}>{parsed.message}</ErrorState>;
  const { legalEntity, model, q, sort, cursor, ...drillDown } = parsed.query;
  const query: EngagementListQuery = { ...drillDown, legalEntityCode: legalEntity, billingModel: model, q, sort, cursor };
  const page = await loadForPage('engagements', () => listEngagements({ ...query, search: q }));
  if (!page.ok) return <ErrorState title={page.code === 'INTERNAL' ? 'Engagements could not be loaded' : 'This view cannot be shown'} action={resetLink}>{page.message}</ErrorState>;
  if (page.data.items.length === 0) {
    const filtered = Boolean(legalEntity || model?.length || q || Object.values(drillDown).some(Boolean));
    return filtered ? (
      <EmptyState title="No engagement matches these filters" action={resetLink}>Try another legal entity, billing model, search or period, or clear the filters.</EmptyState>
    ) : (
      <EmptyState title="No engagements yet">Engagements are created when the CRM sends an accepted quote; they appear here with their money.</EmptyState>
    );
  }
  const queryClient = new QueryClient();
  queryClient.setQueryData(engagementsQueryKey(query), page.data);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <EngagementListView query={query} search={params.toString()} />
    </HydrationBoundary>
  );
}
