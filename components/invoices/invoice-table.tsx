// Invoices and credit notes as a table: number, client, engagement, status, dates, ageing,
// total and open balance in the invoice's currency. Sortable when given the list's params.
import Link from 'next/link';
import type { InvoiceRowView } from '@/lib/queries/invoices/list-invoice-rows';
import { Badge } from '@/components/ui/badge';
import { DataTable, Th } from '@/components/ui/data-table';
import { DateText } from '@/components/ui/date-text';
import { Money } from '@/components/ui/money';
import { SortHeader } from '@/components/ui/sort-header';
import { invoiceStatusLabels, invoiceStatusTones } from '@/components/cash/money-labels';
import { AgeingBadge } from './ageing-badge';

export function InvoiceTable({ items, sortable, showEngagement = true }: { items: InvoiceRowView[]; sortable?: { path: string; params: URLSearchParams; shallow?: boolean }; showEngagement?: boolean }) {
  const header = (label: string, field: string, first: 'asc' | 'desc', align?: 'right') =>
    sortable ? <SortHeader label={label} field={field} firstDirection={first} path={sortable.path} params={sortable.params} align={align} shallow={sortable.shallow} /> : <Th align={align}>{label}</Th>;
  return (
    <DataTable
      label="Invoices"
      testId="invoice-table"
      head={
        <>
          <Th>Number</Th>
          <Th>Client</Th>
          {showEngagement ? <Th>Engagement</Th> : null}
          <Th>Status</Th>
          <Th>Issued</Th>
          {header('Due', 'dueDate', 'asc')}
          <Th>Ageing</Th>
          <Th align="right">Total</Th>
          {header('Balance due', 'balanceDue', 'desc', 'right')}
        </>
      }
    >
      {items.map((i) => (
        <tr key={i.id} data-testid="invoice-row" data-number={i.number ?? ''} className="hover:bg-canvas">
          <td className="whitespace-nowrap px-3 py-2">
            <Link href={`/invoices/${i.id}`} className="font-medium text-ink hover:text-accent-strong">
              {i.number ?? 'Draft'}
            </Link>
            {i.kind === 'CREDIT_NOTE' ? <div><Badge tone="muted">Credit note</Badge></div> : null}
          </td>
          <td className="px-3 py-2 text-ink-muted">{i.client.name}</td>
          {showEngagement ? (
            <td className="whitespace-nowrap px-3 py-2">
              <Link href={`/engagements/${i.engagement.id}`} className="text-ink-muted hover:text-accent-strong">{i.engagement.code}</Link>
              <div className="text-xs text-ink-muted">{i.legalEntityCode}</div>
            </td>
          ) : null}
          <td className="px-3 py-2"><Badge tone={invoiceStatusTones[i.status]} testId="invoice-status">{invoiceStatusLabels[i.status]}</Badge></td>
          <td className="whitespace-nowrap px-3 py-2 text-ink-muted"><DateText value={i.issueDate} kind="business-date" /></td>
          <td className="whitespace-nowrap px-3 py-2 text-ink-muted"><DateText value={i.dueDate} kind="business-date" /></td>
          <td className="px-3 py-2"><AgeingBadge bucket={i.ageing} /></td>
          <td className="px-3 py-2 text-right"><Money amount={i.total} currency={i.currency} /></td>
          <td className="px-3 py-2 text-right" data-testid="invoice-balance"><Money amount={i.balanceDue} currency={i.currency} /></td>
        </tr>
      ))}
    </DataTable>
  );
}
