// The money that settled an invoice: cash applications (and their reversals, deductions)
// and the credit notes issued against it.
import Link from 'next/link';
import type { InvoiceDetail } from '@/lib/http/schemas/invoices';
import { Badge } from '@/components/ui/badge';
import { DataTable, Th } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { DateText } from '@/components/ui/date-text';
import { Money } from '@/components/ui/money';
import { deductionStatusLabels, invoiceStatusLabels, methodLabels } from '@/components/cash/money-labels';

export function InvoiceCashApplications({ invoice }: { invoice: InvoiceDetail }) {
  const c = invoice.currency;
  if (invoice.cashApplications.length === 0) return <EmptyState title="No cash applied yet">Payments from the gateway or the bank appear here once applied to this invoice.</EmptyState>;
  return (
    <DataTable label="Cash applied" testId="invoice-cash" head={<><Th>Applied</Th><Th>How</Th><Th align="right">Amount</Th><Th align="right">Deduction</Th></>}>
      {invoice.cashApplications.map((a) => (
        <tr key={a.id}>
          <td className="whitespace-nowrap px-3 py-2 text-ink-muted"><DateText value={a.appliedAt} kind="instant-day" /></td>
          <td className="px-3 py-2 text-ink-muted">
            {a.kind === 'REVERSAL' ? <Badge tone="danger">Reversal</Badge> : methodLabels[a.method]} {a.reversedAt ? <Badge tone="muted">reversed</Badge> : null}
          </td>
          <td className="px-3 py-2 text-right"><Money amount={a.amount} currency={c} /></td>
          <td className="px-3 py-2 text-right">
            {a.deductionAmount !== '0.00' ? (
              <>
                <Money amount={a.deductionAmount} currency={c} showCurrency={false} />
                <div className="text-xs text-ink-muted" data-testid="deduction-status">{a.deductionReasonCode ?? ''} {deductionStatusLabels[a.deductionStatus]}</div>
              </>
            ) : (
              <span className="text-ink-muted">—</span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function InvoiceCreditNotes({ invoice }: { invoice: InvoiceDetail }) {
  if (invoice.creditNotes.length === 0) return <EmptyState title="No credit notes">Credit notes (approved deductions, disputes, write-offs, corrections) issued against it appear here.</EmptyState>;
  return (
    <DataTable label="Credit notes" testId="invoice-credit-notes" head={<><Th>Credit note</Th><Th>Reason</Th><Th>Issued</Th><Th align="right">Total</Th></>}>
      {invoice.creditNotes.map((cn) => (
        <tr key={cn.id}>
          <td className="px-3 py-2"><Link href={`/invoices/${cn.id}`} className="text-ink hover:text-accent-strong">{cn.number ?? 'Draft'}</Link> <span className="text-xs text-ink-muted">{invoiceStatusLabels[cn.status]}</span></td>
          <td className="px-3 py-2 text-ink-muted">{cn.reason?.toLowerCase().replaceAll('_', ' ') ?? '—'}</td>
          <td className="whitespace-nowrap px-3 py-2 text-ink-muted"><DateText value={cn.issueDate} kind="business-date" /></td>
          <td className="px-3 py-2 text-right"><Money amount={cn.total} currency={invoice.currency} /></td>
        </tr>
      ))}
    </DataTable>
  );
}
