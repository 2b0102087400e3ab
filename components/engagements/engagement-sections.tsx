// The streamed sections of an engagement's page, each with its own loading (the page's
// Suspense), empty and error state: time by role, invoices, revenue schedule and cash.
import Link from 'next/link';
import { loadForPage } from '@/lib/http/load-for-page';
import { engagementCash } from '@/lib/queries/engagements/engagement-cash';
import type { EngagementDelivery } from '@/lib/queries/engagements/engagement-delivery';
import { listInvoiceRows } from '@/lib/queries/invoices/list-invoice-rows';
import { getRevenue } from '@/lib/queries/revenue/get-revenue';
import { Badge } from '@/components/ui/badge';
import { DataTable, Th } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { DateText } from '@/components/ui/date-text';
import { Money } from '@/components/ui/money';
import { deductionStatusLabels, methodLabels } from '@/components/cash/money-labels';
import { InvoiceTable } from '@/components/invoices/invoice-table';

const today = () => new Date().toISOString().slice(0, 10);

export function TimeByRole({ delivery, currency }: { delivery: EngagementDelivery; currency: string }) {
  if (delivery.time.length === 0) return <EmptyState title="No time yet">Approved timesheets from the PSA or time tool appear here by role.</EmptyState>;
  return (
    <DataTable
      label="Time by role"
      testId="time-by-role"
      head={
        <>
          <Th>Role</Th>
          <Th align="right">Approved h</Th>
          <Th align="right">Billable h</Th>
          <Th align="right">Unbilled h</Th>
          <Th align="right">Awaiting approval h</Th>
          <Th align="right">Billable amount</Th>
          <Th align="right">Unbilled amount</Th>
          <Th align="right">Written off</Th>
        </>
      }
    >
      {delivery.time.map((t) => (
        <tr key={t.role}>
          <td className="px-3 py-2 font-mono text-xs">{t.role}</td>
          <td className="px-3 py-2 text-right tabular-nums">{t.hours}</td>
          <td className="px-3 py-2 text-right tabular-nums">{t.billableHours}</td>
          <td className="px-3 py-2 text-right tabular-nums">{t.unbilledHours}</td>
          <td className={`px-3 py-2 text-right tabular-nums ${t.submittedHours !== '0.00' ? 'text-danger' : ''}`}>{t.submittedHours}</td>
          <td className="px-3 py-2 text-right"><Money amount={t.amount} currency={currency} showCurrency={false} /></td>
          <td className="px-3 py-2 text-right"><Money amount={t.unbilledAmount} currency={currency} showCurrency={false} /></td>
          <td className="px-3 py-2 text-right tabular-nums" data-testid="time-written-off" data-hours={t.writtenOffHours}>
            <Money amount={t.writtenOffAmount} currency={currency} showCurrency={false} />
            <div className="text-xs text-ink-muted">{t.writtenOffHours} h</div>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export async function EngagementInvoices({ engagementId }: { engagementId: string }) {
  const page = await loadForPage('engagement invoices', () => listInvoiceRows({ engagementId, asOf: today(), limit: 50 }));
  if (!page.ok) return <ErrorState title="Invoices could not be loaded">{page.message}</ErrorState>;
  if (page.data.items.length === 0) return <EmptyState title="No invoices yet">The billing run issues invoices from approved time, billable milestones and retainers.</EmptyState>;
  return (
    <>
      <InvoiceTable items={page.data.items} showEngagement={false} />
      {page.data.nextCursor ? <p className="mt-2 text-sm text-ink-muted">The 50 newest are shown.</p> : null}
    </>
  );
}

export async function RevenueSchedule({ engagementId }: { engagementId: string }) {
  const revenue = await loadForPage('revenue', () => getRevenue({ engagementRef: engagementId }));
  if (!revenue.ok) return <ErrorState title="Revenue could not be loaded">{revenue.message}</ErrorState>;
  const { periods, currency } = revenue.data;
  if (periods.length === 0) return <EmptyState title="No revenue recognized yet">The revenue run recognizes revenue by period once work is delivered.</EmptyState>;
  return (
    <DataTable
      label="Revenue by period"
      testId="revenue-schedule"
      head={
        <>
          <Th>Period</Th>
          <Th align="right">Recognized</Th>
          <Th align="right">Cumulative</Th>
          <Th>Entries</Th>
        </>
      }
    >
      {periods.map((p) => (
        <tr key={p.period}>
          <td className="px-3 py-2 font-mono text-xs">{p.period}</td>
          <td className="px-3 py-2 text-right"><Money amount={p.amount} currency={currency} /></td>
          <td className="px-3 py-2 text-right"><Money amount={p.cumulative} currency={currency} showCurrency={false} /></td>
          <td className="px-3 py-2 text-xs text-ink-muted">
            {p.entries.length} {p.entries.some((e) => e.late) ? <Badge tone="warning">late posting</Badge> : null} {p.entries.some((e) => e.reversesEntryId) ? <Badge tone="muted">reversal</Badge> : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export async function EngagementCash({ engagementId }: { engagementId: string }) {
  const rows = await loadForPage('engagement cash', () => engagementCash({ id: engagementId }));
  if (!rows.ok) return <ErrorState title="Cash could not be loaded">{rows.message}</ErrorState>;
  if (rows.data.length === 0) return <EmptyState title="No cash applied yet">Payments applied to this engagement&apos;s invoices appear here.</EmptyState>;
  return (
    <DataTable
      label="Cash applied"
      testId="engagement-cash"
      head={
        <>
          <Th>Applied</Th>
          <Th>Payment</Th>
          <Th>Invoice</Th>
          <Th>How</Th>
          <Th align="right">Amount</Th>
          <Th align="right">Deduction</Th>
        </>
      }
    >
      {rows.data.map((a) => (
        <tr key={a.id}>
          <td className="whitespace-nowrap px-3 py-2 text-ink-muted"><DateText value={a.appliedAt} kind="instant-day" /></td>
          <td className="px-3 py-2"><span className="font-mono text-xs">{a.paymentId}</span><div className="text-xs text-ink-muted">{a.payer ?? '—'}</div></td>
          <td className="px-3 py-2"><Link href={`/invoices/${a.invoice.id}`} className="text-ink hover:text-accent-strong">{a.invoice.number ?? '—'}</Link></td>
          <td className="px-3 py-2 text-ink-muted">
            {a.kind === 'REVERSAL' ? <Badge tone="danger">Reversal</Badge> : methodLabels[a.method]}
            {a.reversed ? <> <Badge tone="muted">reversed</Badge></> : null}
          </td>
          <td className="px-3 py-2 text-right"><Money amount={a.amount} currency={a.currency} /></td>
          <td className="px-3 py-2 text-right">
            {a.deduction !== '0.00' ? <><Money amount={a.deduction} currency={a.currency} showCurrency={false} /><div className="text-xs text-ink-muted">{deductionStatusLabels[a.deductionStatus]}</div></> : <span className="text-ink-muted">—</span>}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
