// The unapplied-cash workbench's server half: the first page for the URL's scope, read on the
// server exactly as GET /api/v1/cash/unapplied reads it, handed to the browser's cache
// (UnappliedWorkbenchView pages through the API). FINANCE applies from here; other roles see
// the same suggestions without the buttons.
import type { ListUnappliedCashQuery } from '@/lib/http/schemas/cash-workbench';
import { unappliedCashPage } from '@/lib/queries/cash/unapplied-cash-page';
import { PrefetchedWidget } from '@/components/ui/prefetched-widget';
import type { ApplyCash } from './apply-cash-form';
import { UnappliedWorkbenchView } from './unapplied-workbench-view';
import { workbenchKey, workbenchSearch } from './workbench-query';

export function UnappliedWorkbench({ params, query, apply }: { params: URLSearchParams; query: Omit<ListUnappliedCashQuery, 'limit'>; apply: ApplyCash | null }) {
  return (
    <PrefetchedWidget
      what="unapplied cash"
      load={() => unappliedCashPage({ query })}
      hydrate={(page) => [[workbenchKey(workbenchSearch(params)), page]]}
      failedTitle="Unapplied cash could not be loaded"
    >
      <UnappliedWorkbenchView apply={apply} />
    </PrefetchedWidget>
  );
}
