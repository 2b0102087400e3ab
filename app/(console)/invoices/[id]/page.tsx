// One invoice or credit note (issue 6): status, ageing and balance, the deductions and
// disputes about it awaiting a decision (FINANCE decides here), its lines with their
// sources, the cash applied and the credit notes issued against it.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { pageAccess } from '@/lib/auth/page-access';
import { can, roleLabels } from '@/lib/auth/permissions';
import { invoiceAgeingBucket } from '@/lib/domain/cash/invoice-ageing';
import { loadForPage } from '@/lib/http/load-for-page';
import { getInvoice } from '@/lib/queries/invoices/get-invoice';
import { invoiceStatusLabels, invoiceStatusTones } from '@/components/cash/money-labels';
import { AgeingBadge } from '@/components/invoices/ageing-badge';
import { InvoiceCashApplications, InvoiceCreditNotes } from '@/components/invoices/invoice-cash';
import { InvoiceDecisions } from '@/components/invoices/invoice-decisions';
import { InvoiceLines } from '@/components/invoices/invoice-lines';
import { AccessDenied } from '@/components/ui/access-denied';
import { BackLink } from '@/components/ui/back-link';
import { Badge } from '@/components/ui/badge';
import { Section } from '@/components/ui/data-table';
import { ErrorState } from '@/components/ui/error-state';
import { DateText } from '@/components/ui/date-text';
import { Money } from '@/components/ui/money';
import { PageHeader } from '@/components/ui/page-header';
import { StatGrid } from '@/components/ui/stat-grid';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { decideCashExceptionFromPage } from '../../cash/actions';

export const metadata: Metadata = { title: 'Invoice' };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { principal, allowed } = await pageAccess('invoices:read');
  if (!allowed) return <AccessDenied area="Invoices" roleLabel={roleLabels[principal.role]} />;
  const { id } = await params;
  const loaded = await loadForPage('invoice', () => getInvoice({ id }));
  if (!loaded.ok && loaded.code === 'NOT_FOUND') notFound();
  if (!loaded.ok) {
    return (
      <>
        <BackLink href="/invoices">Invoices</BackLink>
        <ErrorState title="This invoice could not be loaded">{loaded.message}</ErrorState>
      </>
    );
  }
  const i = loaded.data;
  const c = i.currency;
  const open = i.kind === 'INVOICE' && ['ISSUED', 'POSTED', 'PARTIALLY_PAID'].includes(i.status);
  const ageing = open ? invoiceAgeingBucket({ dueDate: i.dueDate, issueDate: i.issueDate, balanceDue: i.balanceDue }, new Date().toISOString().slice(0, 10)) : null;
  const decide = can(principal.role, 'finance:approve') ? decideCashExceptionFromPage : null;
  const money = (amount: string) => <Money amount={amount} currency={c} />;

  return (
    <>
      <BackLink href="/invoices">Invoices</BackLink>
      <PageHeader
        title={`${i.kind === 'CREDIT_NOTE' ? 'Credit note' : 'Invoice'} ${i.number ?? '(draft)'}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone={invoiceStatusTones[i.status]} testId="invoice-status">{invoiceStatusLabels[i.status]}</Badge>
            <AgeingBadge bucket={ageing} />
            <span>{i.client.name}</span>
            <span aria-hidden="true">·</span>
            <Link href={`/engagements/${i.engagement.id}`} className="text-accent hover:text-accent-strong">{i.engagement.code}</Link>
            <span aria-hidden="true">·</span>
            <span>{i.legalEntity.code}</span>
            {i.erpInvoiceNumber ? <span className="font-mono text-xs text-ink-muted">ERP {i.erpInvoiceNumber}</span> : null}
          </span>
        }
      />
      <div className="space-y-8">
        <StatGrid
          label="Invoice money"
          items={[
            { label: 'Subtotal', value: money(i.subtotal) },
            { label: 'Tax', value: money(i.tax) },
            { label: 'Total', value: money(i.total), testId: 'invoice-total' },
            { label: 'Cash applied', value: money(i.amountApplied) },
            { label: 'Credited', value: money(i.amountCredited) },
            { label: 'Balance due', value: money(i.balanceDue), hint: (
                <>
                  Issued <DateText value={i.issueDate} kind="business-date" /> · due <DateText value={i.dueDate} kind="business-date" />
                </>
              ), testId: 'invoice-balance-due' },
          ]}
        />
        {i.kind === 'INVOICE' ? (
          <Section id="decisions" title="Awaiting decision">
            <Suspense fallback={<TableSkeleton label="Loading decisions" rows={2} />}>
              <InvoiceDecisions invoiceId={i.id} decide={decide} />
            </Suspense>
          </Section>
        ) : null}
        <Section id="lines" title={`Lines${i.billingPeriodKey ? ` · ${i.billingPeriodKey}` : ''}`}>
          <InvoiceLines invoice={i} />
        </Section>
        <div className="grid gap-8 xl:grid-cols-2">
          <Section id="cash" title="Cash applied">
            <InvoiceCashApplications invoice={i} />
          </Section>
          <Section id="credit-notes" title="Credit notes">
            <InvoiceCreditNotes invoice={i} />
          </Section>
        </div>
        {i.voidedAt ? <ErrorState title={<>Voided <DateText value={i.voidedAt} kind="instant-day" /></>}>{i.voidReason ?? 'No reason recorded.'}</ErrorState> : null}
      </div>
    </>
  );
}
