// Engagements (issue 6): every engagement with value, estimated cost, billed, recognized,
// collected, unbilled and planned margin. Filters and sort live in the URL
// (?legalEntity=&model=&q=&sort=, and the dashboard's drill-down: region, activatedFrom/To,
// shown as chips), so every view can be shared; keyset pages.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { pageAccess } from '@/lib/auth/page-access';
import { roleLabels } from '@/lib/auth/permissions';
import { loadForPage } from '@/lib/http/load-for-page';
import { recordToSearchParams } from '@/lib/http/search-params';
import { listLegalEntityCodes } from '@/lib/queries/reference/list-legal-entity-codes';
import { consoleArea } from '@/components/layout/console-areas';
import { EngagementFilters } from '@/components/engagements/engagement-filters';
import { EngagementList } from '@/components/engagements/engagement-list';
import { AccessDenied } from '@/components/ui/access-denied';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/table-skeleton';

const area = consoleArea('engagements');

export const metadata: Metadata = { title: area.label };

export default async function EngagementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { principal, allowed } = await pageAccess(area.permission);
  if (!allowed) return <AccessDenied area={area.label} roleLabel={roleLabels[principal.role]} />;
  const params = recordToSearchParams(await searchParams);
  const entities = await loadForPage('legal entities', listLegalEntityCodes);
  return (
    <>
      <PageHeader title={area.label} description="Amounts are in each engagement's own currency. Margin (plan) is value less estimated cost." />
      <EngagementFilters params={params} legalEntities={entities.ok ? entities.data : []} />
      <Suspense key={params.toString()} fallback={<TableSkeleton label="Loading engagements" rows={8} />}>
        <EngagementList params={params} />
      </Suspense>
    </>
  );
}
