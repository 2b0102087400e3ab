// The receipts widget's server half: reads the first page for the URL's filters on the
// server exactly as GET /api/v1/cash/receipts does and hands it to the browser's cache,
// where ReceiptListView shows it and fetches the next views; a failure is the error state.
import type { ListReceiptsQuery } from '@/lib/http/schemas/cash-receipts';
import { listReceiptViews } from '@/lib/queries/cash/list-receipt-views';
import { PrefetchedWidget } from '@/components/ui/prefetched-widget';
import { receiptListKey, receiptListSearch } from './receipt-list-query';
import { ReceiptListView } from './receipt-list-view';

export function ReceiptList({ params, query }: { params: URLSearchParams; query: Omit<ListReceiptsQuery, 'limit'> }) {
  return (
    <PrefetchedWidget
      what="receipts"
      load={() => listReceiptViews({ query })}
      hydrate={(page) => [[receiptListKey(receiptListSearch(params)), page]]}
      failedTitle="Receipts could not be loaded"
    >
      <ReceiptListView />
    </PrefetchedWidget>
  );
}
