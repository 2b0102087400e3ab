// The decisions widget's server half: every deduction and dispute awaiting FINANCE's
// decision, largest first, read on the server exactly as GET /api/v1/cash/decisions reads it
// and handed to the browser's cache (DecisionListView pages through the API).
import { listCashDecisions } from '@/lib/queries/cash/list-cash-decisions';
import { PrefetchedWidget } from '@/components/ui/prefetched-widget';
import type { DecideCashException } from './decision-buttons';
import { decisionListKey, decisionListSearch } from './decision-list-query';
import { DecisionListView } from './decision-list-view';

export function DecisionList({ params, cursor, decide }: { params: URLSearchParams; cursor?: string; decide: DecideCashException | null }) {
  return (
    <PrefetchedWidget
      what="cash decisions"
      load={() => listCashDecisions({ cursor })}
      hydrate={(page) => [[decisionListKey(decisionListSearch(params)), page]]}
      failedTitle="Decisions could not be loaded"
    >
      <DecisionListView decide={decide} />
    </PrefetchedWidget>
  );
}
