// The invoices list widget: one keyset page for the URL's filters and sort, ageing measured
// today (UTC), with its empty and error states.
import Link from 'next/link';
import { invoicePageParamsSchema, pageParams } from '@/lib/http/schemas/console-money-params';
import { loadForPage } from '@/lib/http/load-for-page';
import { listInvoiceRows } from '@/lib/queries/invoices/list-invoice-rows';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Pager } from '@/components/ui/pager';
import { InvoiceTable } from './invoice-table';

const resetLink = (
  <Link href="/invoices" className="text-sm font-medium text-accent hover:text-accent-strong">
    Show all invoices
  </Link>
);

export async function InvoiceList({ params }: { params: URLSearchParams }) {
  const parsed = pageParams(invoicePageParamsSchema, params);
  if (!parsed.ok) return <ErrorState title="This view cannot be shown" action={resetLink}>{parsed.message}</ErrorState>;
  const { status, legalEntity, aging, client, sort, cursor, reason, ...drillDown } = parsed.query;
  const asOf = new Date().toISOString().slice(0, 10);
  const page = await loadForPage('invoices', () => listInvoiceRows({ ...drillDown, status, legalEntityCode: legalEntity, creditNoteReason: reason, aging, client, sort, cursor, asOf }));
  if (!page.ok) return <ErrorState title={page.code === 'INTERNAL' ? 'Invoices could not be loaded' : 'This view cannot be shown'} action={resetLink}>{page.message}</ErrorState>;
  if (page.data.items.length === 0) {
    const filtered = Boolean(status?.length || legalEntity || aging || client || reason || Object.values(drillDown).some(Boolean));
    return filtered ? (
      <EmptyState title="No invoice matches these filters" action={resetLink}>Try another status, legal entity or period, or clear the filters.</EmptyState>
    ) : (
      <EmptyState title="No invoices yet">Invoices appear when billing runs issue them from approved time, completed milestones and retainers.</EmptyState>
    );
  }
  return (
    <>
      <InvoiceTable items={page.data.items} sortable={{ path: '/invoices', params }} />
      <Pager path="/invoices" params={params} nextCursor={page.data.nextCursor} />
    </>
  );
}
