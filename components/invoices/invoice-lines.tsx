// An invoice's lines, each with the sources it bills (time entries, milestones, usage,
// expenses, retainer months) and their unrounded contributions, so anyone can see why a
// line is what it is. Sources fold away under each line (many for a weekly T&M invoice).
import type { InvoiceDetail } from '@/lib/http/schemas/invoices';
import { Badge } from '@/components/ui/badge';
import { DataTable, Th } from '@/components/ui/data-table';
import { DateText } from '@/components/ui/date-text';
import { Money } from '@/components/ui/money';

export function InvoiceLines({ invoice }: { invoice: InvoiceDetail }) {
  const c = invoice.currency;
  return (
    <DataTable
      label="Invoice lines"
      testId="invoice-lines"
      head={
        <>
          <Th>#</Th>
          <Th>Line and its sources</Th>
          <Th align="right">Quantity</Th>
          <Th align="right">Unit price</Th>
          <Th align="right">Amount</Th>
          <Th align="right">Tax</Th>
        </>
      }
    >
      {invoice.lines.map((line) => (
        <tr key={line.id} className="align-top" data-testid="invoice-line">
          <td className="px-3 py-2 text-ink-muted">{line.lineNo}</td>
          <td className="min-w-80 px-3 py-2">
            <div className="font-medium text-ink">{line.description}</div>
            <div className="text-xs text-ink-muted">
              {[line.kind.toLowerCase().replaceAll('_', ' '), line.sku, line.role].filter(Boolean).join(' · ')}
              {line.servicePeriodStart ? (
                <>
                  {' · '}
                  <DateText value={line.servicePeriodStart} kind="business-date" /> – <DateText value={line.servicePeriodEnd} kind="business-date" />
                </>
              ) : null}
            </div>
            {line.sources.length > 0 ? (
              <details className="mt-1 text-xs">
                <summary className="cursor-pointer text-accent hover:text-accent-strong">{line.sources.length} source{line.sources.length === 1 ? '' : 's'}</summary>
                <ul className="mt-1 space-y-0.5 text-ink-muted">
                  {line.sources.map((s) => (
                    <li key={s.id} className="flex flex-wrap gap-x-2">
                      <span className="font-mono">{s.sourceType ?? s.kind}</span>
                      {s.periodKey ? <span>{s.periodKey}</span> : null}
                      {s.quantity ? <span>{s.quantity} × {s.rate ?? '—'}</span> : null}
                      <span className="money">= {s.unroundedAmount} {s.currency}</span>
                      {s.sourceCurrency && s.sourceAmount ? <span>(from {s.sourceAmount} {s.sourceCurrency} at {s.fxRate})</span> : null}
                      {!s.inForce ? <Badge tone="muted">released</Badge> : null}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </td>
          <td className="px-3 py-2 text-right tabular-nums">{line.quantity}</td>
          <td className="px-3 py-2 text-right"><span className="money">{line.unitPrice}</span></td>
          <td className="px-3 py-2 text-right"><Money amount={line.amount} currency={c} showCurrency={false} /></td>
          <td className="px-3 py-2 text-right">
            <Money amount={line.taxAmount} currency={c} showCurrency={false} />
            {line.taxRate ? <div className="text-xs text-ink-muted">{line.taxCode ?? ''} {line.taxRate}</div> : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
