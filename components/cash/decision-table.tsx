// Deductions and disputes awaiting a decision: what the payer held back or challenged,
// why, on which invoice (and its balance), and — for FINANCE — approve or reject in place.
// Other roles see the same rows without buttons (the server refuses them anyway).
import Link from 'next/link';
import type { CashDecisionView } from '@/lib/queries/cash/list-cash-decisions';
import { Badge } from '@/components/ui/badge';
import { DataTable, Th } from '@/components/ui/data-table';
import { DateText } from '@/components/ui/date-text';
import { Money } from '@/components/ui/money';
import { invoiceStatusLabels } from './money-labels';
import { DecisionButtons, type DecideCashException } from './decision-buttons';
import type { InvoiceStatus } from '@/lib/db/generated/enums';

const kindLabels: Record<CashDecisionView['code'], string> = { SHORT_PAY_DEDUCTION: 'Short-pay deduction', PAYMENT_DISPUTED: 'Payment dispute' };

export function DecisionTable({ items, decide }: { items: CashDecisionView[]; decide: DecideCashException | null }) {
  return (
    <DataTable
      label="Deductions and disputes awaiting decision"
      testId="cash-decisions"
      head={
        <>
          <Th>Decision</Th>
          <Th align="right">Amount</Th>
          <Th>Reason</Th>
          <Th>Invoice</Th>
          <Th align="right">Invoice balance</Th>
          <Th>Payment</Th>
          <Th>Raised</Th>
          {decide ? <Th>Approve or reject</Th> : null}
        </>
      }
    >
      {items.map((d) => (
        <tr key={d.exceptionId} data-testid="decision-row" data-invoice={d.invoice?.number ?? ''} className="align-top">
          <td className="min-w-56 px-3 py-2">
            <Badge tone={d.code === 'PAYMENT_DISPUTED' ? 'danger' : 'warning'}>{kindLabels[d.code]}</Badge>
            <Link href={`/exceptions/${d.exceptionId}`} className="mt-1 block text-xs text-ink-muted hover:text-accent-strong">{d.title}</Link>
          </td>
          <td className="px-3 py-2 text-right">{d.amount && d.currency ? <Money amount={d.amount} currency={d.currency} /> : <span className="text-ink-muted">—</span>}</td>
          <td className="px-3 py-2 font-mono text-xs text-ink-muted">{d.reason ?? '—'}</td>
          <td className="whitespace-nowrap px-3 py-2">
            {d.invoice ? (
              <>
                <Link href={`/invoices/${d.invoice.id}`} className="text-ink hover:text-accent-strong">{d.invoice.number ?? 'Draft'}</Link>
                <div className="text-xs text-ink-muted">{invoiceStatusLabels[d.invoice.status as InvoiceStatus] ?? d.invoice.status}</div>
              </>
            ) : (
              '—'
            )}
          </td>
          <td className="px-3 py-2 text-right" data-testid="decision-invoice-balance">{d.invoice && d.currency ? <Money amount={d.invoice.balanceDue} currency={d.currency} /> : '—'}</td>
          <td className="px-3 py-2"><span className="font-mono text-xs">{d.paymentId ?? '—'}</span><div className="text-xs text-ink-muted">{d.payer ?? ''}</div></td>
          <td className="whitespace-nowrap px-3 py-2 text-ink-muted"><DateText value={d.openedAt} kind="instant-day" /></td>
          {decide ? (
            <td className="px-3 py-2">
              <DecisionButtons exceptionId={d.exceptionId} label={`${kindLabels[d.code].toLowerCase()} on ${d.invoice?.number ?? 'the payment'}`} options={d.options} decide={decide} />
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
