// Cash (issue 6): the unapplied-cash workbench with suggested matches (FINANCE applies),
// every receipt and how it was applied, and the deductions and disputes awaiting a decision
// (FINANCE approves or rejects). The view and its filters live in the URL (?view=&status=,
// and the dashboard's drill-downs: legalEntity, region, receivedFrom, receivedTo).
import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { pageAccess } from '@/lib/auth/page-access';
import { can, roleLabels } from '@/lib/auth/permissions';
import { cashPageParamsSchema, pageParams } from '@/lib/http/schemas/console-money-params';
import { recordToSearchParams } from '@/lib/http/search-params';
import { consoleArea } from '@/components/layout/console-areas';
import { CashTabs } from '@/components/cash/cash-tabs';
import { DecisionList } from '@/components/cash/decision-list';
import { cashChips } from '@/components/cash/receipt-chips';
import { ReceiptFilters } from '@/components/cash/receipt-filters';
import { ReceiptList } from '@/components/cash/receipt-list';
import { UnappliedWorkbench } from '@/components/cash/unapplied-workbench';
import { AccessDenied } from '@/components/ui/access-denied';
import { ErrorState } from '@/components/ui/error-state';
import { FilterChips } from '@/components/ui/filter-chips';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { applyReceiptFromPage, decideCashExceptionFromPage } from './actions';

const area = consoleArea('cash');

export const metadata: Metadata = { title: area.label };

export default async function CashPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { principal, allowed } = await pageAccess(area.permission);
  if (!allowed) return <AccessDenied area={area.label} roleLabel={roleLabels[principal.role]} />;
  const params = recordToSearchParams(await searchParams);
  const parsed = pageParams(cashPageParamsSchema, params);
  const header = <PageHeader title={area.label} description={area.summary} />;
  if (!parsed.ok) {
    return (
      <>
        {header}
        <ErrorState title="This view cannot be shown" action={<Link href="/cash" className="text-sm font-medium text-accent hover:text-accent-strong">Show unapplied cash</Link>}>{parsed.message}</ErrorState>
      </>
    );
  }
  const { view, status, cursor, legalEntity, ...drillDown } = parsed.query;
  const finance = can(principal.role, 'finance:approve');
  return (
    <>
      {header}
      <CashTabs current={view} />
      {view === 'receipts' ? <ReceiptFilters /> : null}
      {view === 'workbench' ? <FilterChips path="/cash" params={params} chips={cashChips(withoutReceiptFilters(params))} /> : null}
      {/* Each view follows the URL itself after its first load (client fetches): the boundary
          is keyed by the view only, so paging and filtering never show the skeleton again. */}
      <Suspense key={view} fallback={<TableSkeleton label="Loading cash" rows={6} />}>
        {view === 'workbench' ? <UnappliedWorkbench params={params} query={{ legalEntity, region: drillDown.region, cursor }} apply={finance ? applyReceiptFromPage : null} /> : null}
        {view === 'receipts' ? <ReceiptList params={params} query={{ status, cursor, legalEntity, ...drillDown }} /> : null}
        {view === 'decisions' ? <DecisionList params={params} cursor={cursor} decide={finance ? decideCashExceptionFromPage : null} /> : null}
      </Suspense>
    </>
  );
}

// The workbench lists cash left to apply whatever its status or day: only the scope applies.
function withoutReceiptFilters(params: URLSearchParams): URLSearchParams {
  const scoped = new URLSearchParams(params);
  for (const key of ['status', 'receivedFrom', 'receivedTo']) scoped.delete(key);
  return scoped;
}
