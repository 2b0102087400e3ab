// The engagements list widget: the server reads one keyset page for the URL's filters and
// sort, shows the empty state (none yet, or none for these filters) or the error state,
// and otherwise hands the page to the browser's TanStack cache (PrefetchedWidget).
import Link from 'next/link';
import { engagementPageParamsSchema, pageParams, type EngagementPageParams } from '@/lib/http/schemas/console-money-params';
import { PrefetchedWidget } from '@/components/ui/prefetched-widget';
import { listEngagements } from '@/lib/queries/engagements/list-engagements';
import { EmptyState } from '@/components/ui/empty-state';
import { engagementsQueryKey, type EngagementListQuery } from './engagement-query';
import { EngagementListView } from './engagement-list-view';

const resetLink = (
  <Link href="/engagements" className="text-sm font-medium text-accent hover:text-accent-strong">
    Show all engagements
  </Link>
);

export function EngagementList({ params }: { params: URLSearchParams }) {
  const toQuery = ({ legalEntity, model, q, sort, cursor, ...drillDown }: EngagementPageParams): EngagementListQuery => ({ ...drillDown, legalEntityCode: legalEntity, billingModel: model, q, sort, cursor });
  return (
    <PrefetchedWidget
      what="engagements"
      parsed={pageParams(engagementPageParamsSchema, params)}
      load={(params) => listEngagements({ ...toQuery(params), search: params.q })}
      hydrate={(page, params) => [[engagementsQueryKey(toQuery(params)), page]]}
      failedTitle="Engagements could not be loaded"
      action={resetLink}
      empty={(page, { legalEntity, model, q, region, activatedFrom, activatedTo }) => {
        if (page.items.length > 0) return null;
        return legalEntity || model?.length || q || region || activatedFrom || activatedTo ? (
          <EmptyState title="No engagement matches these filters" action={resetLink}>Try another legal entity, billing model, search or period, or clear the filters.</EmptyState>
        ) : (
          <EmptyState title="No engagements yet">Engagements are created when the CRM sends an accepted quote; they appear here with their money.</EmptyState>
        );
      }}
    >
      {(query) => <EngagementListView query={toQuery(query)} search={params.toString()} />}
    </PrefetchedWidget>
  );
}
