// Receipts as received from the gateway and the bank, newest first: payer, amount, how much
// was applied (to which invoices, how) and what is left. Filter by status in the URL.
import Link from 'next/link';
import { loadForPage } from '@/lib/http/load-for-page';
import { listReceipts, toReceiptView, type ListReceiptsOptions } from '@/lib/queries/cash/list-receipts';
import { Badge } from '@/components/ui/badge';
import { DataTable, Th } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { DateText } from '@/components/ui/date-text';
import { Money } from '@/components/ui/money';
import { Pager } from '@/components/ui/pager';
import { methodLabels, receiptStatusLabels, receiptStatusTones } from './money-labels';

type ReceiptFilters = Pick<ListReceiptsOptions, 'status' | 'legalEntityCode' | 'region' | 'receivedFrom' | 'receivedTo'>;

export async function ReceiptList({ params, filters, cursor }: { params: URLSearchParams; filters: ReceiptFilters; cursor?: string }) {
  const page = await loadForPage('receipts', () => listReceipts({ ...filters, cursor }));
  if (!page.ok) return <ErrorState title={page.code === 'INTERNAL' ? 'Receipts could not be loaded' : 'This view cannot be shown'}>{page.message}</ErrorState>;
  if (page.data.items.length === 0) {
    const filtered = Boolean(filters.status?.length || filters.legalEntityCode || filters.region || filters.receivedFrom || filters.receivedTo);
    return filtered ? <EmptyState title="No receipt matches these filters">Try another status or period, or clear the filters.</EmptyState> : <EmptyState title="No payments yet">Receipts from the payment gateway and bank statements appear here once those connectors send them.</EmptyState>;
  }
  return (
    <>
      <DataTable
        label="Receipts"
        testId="receipts"
        head={<><Th>Received</Th><Th>Payment</Th><Th>Payer</Th><Th>Status</Th><Th align="right">Amount</Th><Th align="right">Unapplied</Th><Th>Applied to</Th></>}
      >
        {page.data.items.map(toReceiptView).map((r) => (
          <tr key={r.id} data-testid="receipt-row" data-payment={r.paymentId} className="align-top">
            <td className="whitespace-nowrap px-3 py-2 text-ink-muted"><DateText value={r.receivedAt} kind="instant-day" /></td>
            <td className="px-3 py-2"><span className="font-mono text-xs">{r.paymentId}</span><div className="text-xs text-ink-muted">{r.sourceSystem}{r.legalEntityCode ? ` · ${r.legalEntityCode}` : ''}</div></td>
            <td className="px-3 py-2 text-ink-muted">{r.payer}</td>
            <td className="px-3 py-2"><Badge tone={receiptStatusTones[r.status]} testId="receipt-status">{receiptStatusLabels[r.status]}</Badge></td>
            <td className="px-3 py-2 text-right"><Money amount={r.amount} currency={r.currency} /></td>
            <td className="px-3 py-2 text-right"><Money amount={r.unapplied} currency={r.currency} showCurrency={false} /></td>
            <td className="px-3 py-2 text-xs">
              {r.applications.length === 0 ? <span className="text-ink-muted">—</span> : (
                <ul className="space-y-0.5">
                  {r.applications.map((a) => (
                    <li key={a.id} className={a.reversed || a.kind === 'REVERSAL' ? 'text-ink-muted line-through' : ''}>
                      <Link href={`/invoices/${a.invoice.id}`} className="text-ink hover:text-accent-strong">{a.invoice.number ?? '—'}</Link>{' '}
                      <span className="money">{a.amount}</span> · {a.kind === 'REVERSAL' ? 'reversal' : methodLabels[a.method]}
                      {a.deduction !== '0.00' ? ` · deduction ${a.deduction}` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <Pager path="/cash" params={params} nextCursor={page.data.nextCursor} />
    </>
  );
}
