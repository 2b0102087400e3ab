// The invoices list widget's server half: parses the URL's filters and sort, reads the first
// keyset page on the server exactly as GET /api/v1/invoices/summaries does, and hands it to
// the browser's cache, where InvoiceListView shows it and fetches the next views; a refused
// view or a failure is the error state.
import { invoicePageParamsSchema, pageParams } from '@/lib/http/schemas/console-money-params';
import { listInvoiceSummaries } from '@/lib/queries/invoices/list-invoice-summaries';
import { PrefetchedWidget } from '@/components/ui/prefetched-widget';
import { invoiceListKey, invoiceListSearch } from './invoice-list-query';
import { InvoiceListView } from './invoice-list-view';
import { invoiceResetLink } from './invoice-reset-link';

export function InvoiceList({ params }: { params: URLSearchParams }) {
  return (
    <PrefetchedWidget
      what="invoices"
      parsed={pageParams(invoicePageParamsSchema, params)}
      load={(query) => listInvoiceSummaries({ query, now: new Date() })}
      hydrate={(page) => [[invoiceListKey(invoiceListSearch(params)), page]]}
      failedTitle="Invoices could not be loaded"
      action={invoiceResetLink}
    >
      <InvoiceListView />
    </PrefetchedWidget>
  );
}
