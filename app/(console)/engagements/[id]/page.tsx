// One engagement (issue 6): its money at a glance, change-order history (before/after),
// milestones and their evidence (DELIVERY attaches evidence here), time by role, invoices,
// revenue schedule and cash. Each section streams in its own Suspense boundary.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { pageAccess } from '@/lib/auth/page-access';
import { can, roleLabels } from '@/lib/auth/permissions';
import { loadForPage } from '@/lib/http/load-for-page';
import { engagementDelivery } from '@/lib/queries/engagements/engagement-delivery';
import { getEngagement } from '@/lib/queries/engagements/get-engagement';
import { billingModelLabels, engagementStatusLabels, engagementStatusTones } from '@/components/cash/money-labels';
import { ChangeOrderTable } from '@/components/engagements/change-order-table';
import { EngagementHead } from '@/components/engagements/engagement-head';
import { EngagementCash, EngagementInvoices, RevenueSchedule, TimeByRole } from '@/components/engagements/engagement-sections';
import { MilestoneTable } from '@/components/engagements/milestone-table';
import { AccessDenied } from '@/components/ui/access-denied';
import { BackLink } from '@/components/ui/back-link';
import { Badge } from '@/components/ui/badge';
import { Section } from '@/components/ui/data-table';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { attachEvidenceFromPage } from './actions';

export const metadata: Metadata = { title: 'Engagement' };

export default async function EngagementPage({ params }: { params: Promise<{ id: string }> }) {
  const { principal, allowed } = await pageAccess('engagements:read');
  if (!allowed) return <AccessDenied area="Engagements" roleLabel={roleLabels[principal.role]} />;
  const { id } = await params;
  const loaded = await loadForPage('engagement', () => getEngagement({ ref: decodeURIComponent(id) }));
  if (!loaded.ok && loaded.code === 'NOT_FOUND') notFound();
  if (!loaded.ok) {
    return (
      <>
        <BackLink href="/engagements">Engagements</BackLink>
        <ErrorState title="This engagement could not be loaded">{loaded.message}</ErrorState>
      </>
    );
  }
  const e = loaded.data;
  const delivery = await loadForPage('engagement delivery', () => engagementDelivery({ id: e.id, currency: e.currency }));
  const attach = can(principal.role, 'delivery:fix') ? attachEvidenceFromPage : null;

  return (
    <>
      <BackLink href="/engagements">Engagements</BackLink>
      <PageHeader
        title={`${e.code} · ${e.name}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone={engagementStatusTones[e.status]} testId="engagement-status">{engagementStatusLabels[e.status]}</Badge>
            {e.billingModel ? <Badge>{billingModelLabels[e.billingModel]}</Badge> : null}
            <span>{e.client.name}</span>
            <span aria-hidden="true">·</span>
            <span>{e.legalEntity.code}</span>
            {e.externalRefs.map((r) => (
              <span key={`${r.system}:${r.externalId}`} className="font-mono text-xs text-ink-muted">{r.system}:{r.externalId}</span>
            ))}
          </span>
        }
      />
      <div className="space-y-8">
        <EngagementHead engagement={e} delivery={delivery.ok ? delivery.data : null} />
        <Section id="milestones" title="Milestones and evidence">
          {delivery.ok ? <MilestoneTable milestones={e.milestones} evidence={delivery.data.evidence} attach={attach} /> : <ErrorState title="Milestone evidence could not be loaded">{delivery.message}</ErrorState>}
        </Section>
        <Section id="change-orders" title="Change orders">
          <ChangeOrderTable changeOrders={e.changeOrders} />
        </Section>
        <Section id="time" title="Time by role">
          {delivery.ok ? <TimeByRole delivery={delivery.data} currency={e.currency} /> : <ErrorState title="Time could not be loaded">{delivery.message}</ErrorState>}
        </Section>
        <Section id="invoices" title="Invoices">
          <Suspense fallback={<TableSkeleton label="Loading invoices" />}>
            <EngagementInvoices engagementId={e.id} />
          </Suspense>
        </Section>
        <div className="grid gap-8 xl:grid-cols-2">
          <Section id="revenue" title="Revenue schedule">
            <Suspense fallback={<TableSkeleton label="Loading revenue" />}>
              <RevenueSchedule engagementId={e.id} />
            </Suspense>
          </Section>
          <Section id="cash" title="Cash">
            <Suspense fallback={<TableSkeleton label="Loading cash" />}>
              <EngagementCash engagementId={e.id} />
            </Suspense>
          </Section>
        </div>
      </div>
    </>
  );
}
