// Invoices (issue 6): invoices and credit notes with status, ageing and open balance.
// Filters and sort in the URL (?status=&legalEntity=&aging=&client=&sort=, and the dashboard's
// drill-downs: region, kind, reason, issuedFrom/To, eligibleFrom/To, shown as chips); keyset pages.
// The first page is read on the server and hydrated; the list then fetches through the API.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { pageAccess } from '@/lib/auth/page-access';
import { roleLabels } from '@/lib/auth/permissions';
import { loadForPage } from '@/lib/http/load-for-page';
import { recordToSearchParams } from '@/lib/http/search-params';
import { clientName } from '@/lib/queries/reference/client-name';
import { listLegalEntityCodes } from '@/lib/queries/reference/list-legal-entity-codes';
import { consoleArea } from '@/components/layout/console-areas';
import { InvoiceFilters } from '@/components/invoices/invoice-filters';
import { InvoiceList } from '@/components/invoices/invoice-list';
import { AccessDenied } from '@/components/ui/access-denied';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/table-skeleton';

const area = consoleArea('invoices');

export const metadata: Metadata = { title: area.label };

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { principal, allowed } = await pageAccess(area.permission);
  if (!allowed) return <AccessDenied area={area.label} roleLabel={roleLabels[principal.role]} />;
  const params = recordToSearchParams(await searchParams);
  const client = params.get('client');
  const [entities, name] = await Promise.all([loadForPage('legal entities', listLegalEntityCodes), client ? loadForPage('client', () => clientName(client)) : null]);
  return (
    <>
      <PageHeader title={area.label} description="Ageing is days past the due date of what is still open, measured today. Amounts are in each invoice's currency." />
      <InvoiceFilters legalEntities={entities.ok ? entities.data : []} clientName={name?.ok ? name.data : null} />
      {/* No key: after the first load the list view follows the URL itself (client fetches). */}
      <Suspense fallback={<TableSkeleton label="Loading invoices" rows={8} />}>
        <InvoiceList params={params} />
      </Suspense>
    </>
  );
}
