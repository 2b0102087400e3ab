// The lineage explorer (DESIGN.md §9): find a thread by engagement, correlation id or
// invoice number, then follow it from quote versions to cash and revenue as a graph or a
// timeline, and explain any invoice or revenue amount down to its sources.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { pageAccess } from '@/lib/auth/page-access';
import { roleLabels } from '@/lib/auth/permissions';
import { loadForPage } from '@/lib/http/load-for-page';
import { correlationIdOfEngagement, findLineageThreads } from '@/lib/queries/lineage/find-lineage-threads';
import { consoleArea } from '@/components/layout/console-areas';
import { LineageSearchForm, LineageSearchResults } from '@/components/lineage/lineage-search';
import { LineageThreadView } from '@/components/lineage/lineage-thread';
import { ThreadRevenue } from '@/components/lineage/thread-revenue';
import { AccessDenied } from '@/components/ui/access-denied';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/table-skeleton';

const area = consoleArea('lineage');

export const metadata: Metadata = { title: area.label };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? '';

export default async function LineagePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { principal, allowed } = await pageAccess(area.permission);
  if (!allowed) return <AccessDenied area={area.label} roleLabel={roleLabels[principal.role]} />;
  const params = await searchParams;
  const text = first(params.q);
  const engagement = first(params.engagement);
  let correlationId = first(params.correlation);

  if (!correlationId && engagement) {
    const resolved = await loadForPage('engagement thread', () => correlationIdOfEngagement(engagement));
    if (!resolved.ok) return <Frame text={text}><ErrorState title="The engagement could not be looked up">{resolved.message}</ErrorState></Frame>;
    if (!resolved.data) return <Frame text={engagement}><EmptyState title="No such engagement">There is no engagement {engagement}. Search by code, name, correlation id or invoice number.</EmptyState></Frame>;
    correlationId = resolved.data;
  }
  if (correlationId) {
    const thread = await loadForPage('thread heading', () => findLineageThreads({ text: correlationId, limit: 1 }));
    const head = thread.ok ? thread.data[0] : undefined;
    return (
      <Frame text={text} subtitle={head?.engagementCode ?? `thread ${correlationId}`} description={head?.engagementName ? `${head.engagementName}${head.clientName && !head.engagementName.includes(head.clientName) ? ` · ${head.clientName}` : ''} · correlation id ${correlationId}` : undefined}>
        <Suspense key={correlationId} fallback={<TableSkeleton label="Loading the lineage" rows={6} />}>
          <LineageThreadView correlationId={correlationId} />
        </Suspense>
        {head?.engagementId ? (
          <section aria-labelledby="revenue-heading" className="mt-8">
            <h2 id="revenue-heading" className="mb-3 text-sm font-semibold text-ink">
              Revenue recognised
            </h2>
            <Suspense key={`revenue:${head.engagementId}`} fallback={<TableSkeleton label="Loading revenue" rows={3} />}>
              <ThreadRevenue engagementId={head.engagementId} />
            </Suspense>
          </section>
        ) : null}
      </Frame>
    );
  }
  if (text) {
    const found = await loadForPage('lineage search', () => findLineageThreads({ text }));
    if (!found.ok) return <Frame text={text}><ErrorState title="The search could not be run">{found.message}</ErrorState></Frame>;
    // One thread, or one that the text names exactly (a code, id or invoice number): open it.
    const exact = found.data.filter((t) => t.exact);
    const only = found.data.length === 1 ? found.data[0] : exact.length === 1 ? exact[0] : undefined;
    if (only) redirect(`/lineage?correlation=${encodeURIComponent(only.correlationId)}`);
    return (
      <Frame text={text}>
        {found.data.length === 0 ? (
          <EmptyState title="Nothing matches">No engagement, correlation id or invoice number matches “{text}”.</EmptyState>
        ) : (
          <LineageSearchResults threads={found.data} />
        )}
      </Frame>
    );
  }
  return (
    <Frame text="">
      <EmptyState title="Pick a thread to trace">
        Search for an engagement, a correlation id or an invoice number to see its graph and timeline from quote versions to cash and revenue. Engagement and invoice pages link here too.
      </EmptyState>
    </Frame>
  );
}

function Frame({ text, subtitle, description, children }: { text: string; subtitle?: string; description?: string; children: React.ReactNode }) {
  return (
    <>
      <PageHeader title={subtitle ? `${area.label}: ${subtitle}` : area.label} description={description ?? area.summary} />
      <LineageSearchForm text={text} />
      {children}
    </>
  );
}
