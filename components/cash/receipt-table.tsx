// Receipts as a table: when, the payment and its source, the payer, status, amount, what is
// left unapplied and the invoices it was applied to (reversed ones struck through).
import Link from 'next/link';
import type { ReceiptView } from '@/lib/queries/cash/list-receipts';
import { Badge } from '@/components/ui/badge';
import { DataTable, Th } from '@/components/ui/data-table';
import { DateText } from '@/components/ui/date-text';
import { Money } from '@/components/ui/money';
import { methodLabels, receiptStatusLabels, receiptStatusTones } from './money-labels';

export function ReceiptTable({ items }: { items: ReceiptView[] }) {
  return (
    <DataTable
      label="Receipts"
      testId="receipts"
      head={<><Th>Received</Th><Th>Payment</Th><Th>Payer</Th><Th>Status</Th><Th align="right">Amount</Th><Th align="right">Unapplied</Th><Th>Applied to</Th></>}
    >
      {items.map((r) => (
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
  );
}
