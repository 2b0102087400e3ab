// The engagements list widget: one keyset page for the URL's filters and sort, with its
// empty state (none yet, or none for these filters) and error state.
import Link from 'next/link';
import { engagementPageParamsSchema, pageParams } from '@/lib/http/schemas/console-money-params';
import { loadForPage } from '@/lib/http/load-for-page';
import { listEngagements } from '@/lib/queries/engagements/list-engagements';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Pager } from '@/components/ui/pager';
import { EngagementTable } from './engagement-table';

const resetLink = (
  <Link href="/engagements" className="text-sm font-medium text-accent hover:text-accent-strong">
    Show all engagements
  </Link>
);

export async function EngagementList({ params }: { params: URLSearchParams }) {
  const parsed = pageParams(engagementPageParamsSchema, params);
  if (!parsed.ok) return <ErrorState title="This view cannot be shown" action={resetLink}>{parsed.message}</ErrorState>;
  const { legalEntity, model, q, sort, cursor } = parsed.query;
  const page = await loadForPage('engagements', () => listEngagements({ legalEntityCode: legalEntity, billingModel: model, search: q, sort, cursor }));
  if (!page.ok) return <ErrorState title={page.code === 'INTERNAL' ? 'Engagements could not be loaded' : 'This view cannot be shown'} action={resetLink}>{page.message}</ErrorState>;
  if (page.data.items.length === 0) {
    const filtered = Boolean(legalEntity || model?.length || q);
    return filtered ? (
      <EmptyState title="No engagement matches these filters" action={resetLink}>Try another legal entity, billing model or search.</EmptyState>
    ) : (
      <EmptyState title="No engagements yet">Engagements are created when the CRM sends an accepted quote; they appear here with their money.</EmptyState>
    );
  }
  return (
    <>
      <EngagementTable items={page.data.items} params={params} />
      <Pager path="/engagements" params={params} nextCursor={page.data.nextCursor} />
    </>
  );
}
