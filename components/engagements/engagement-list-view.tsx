'use client';
// The engagements table in the browser: reads the page the server prefetched into the
// TanStack cache (HydrationBoundary), so it renders at once, and keeps it fresh from the
// API when it goes stale (CONVENTIONS §10). Its own loading and error states.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { Pager } from '@/components/ui/pager';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { engagementsQueryKey, fetchEngagements, type EngagementListQuery } from './engagement-query';
import { EngagementTable } from './engagement-table';

export function EngagementListView({ query, search }: { query: EngagementListQuery; search: string }) {
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const { data, error } = useQuery({ queryKey: engagementsQueryKey(query), queryFn: () => fetchEngagements(query) });
  if (error) return <ErrorState title="Engagements could not be loaded">{error.message}</ErrorState>;
  if (!data) return <TableSkeleton label="Loading engagements" rows={8} />;
  return (
    <>
      <p className="mb-2 text-xs text-ink-muted" data-testid="margin-period">
        Margin % and variance vs plan: the margin KPI over {data.marginPeriod.from} – {data.marginPeriod.to}
        {data.marginPeriod.legalEntityCode ? `, ${data.marginPeriod.legalEntityCode}` : ''}{data.marginPeriod.region ? `, ${data.marginPeriod.region}` : ''}, in {data.marginPeriod.currency} (— when the engagement had no cost or revenue then).
      </p>
      <EngagementTable items={data.items} params={params} marginPeriod={data.marginPeriod} />
      <Pager path="/engagements" params={params} nextCursor={data.nextCursor} />
    </>
  );
}
