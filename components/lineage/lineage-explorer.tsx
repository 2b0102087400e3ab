// The lineage explorer of one thread: the graph or the timeline (the view and the selected
// node live in the URL, so a view can be shared), and the selected node's details beside.
'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { LineageGraph } from './lineage-graph';
import { lineageQuery } from './lineage-query';
import { LineageTimeline } from './lineage-timeline';
import { NodeDetails } from './node-details';

export function LineageExplorer({ correlationId }: { correlationId: string }) {
  const query = useQuery(lineageQuery(correlationId));
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = params.get('view') === 'timeline' ? 'timeline' : 'graph';
  const selectedId = params.get('node');

  const setParam = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(params);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      router.replace(`${pathname}?${next.toString()}`, { scroll: false });
    },
    [params, router, pathname],
  );
  const onSelect = useCallback((id: string) => setParam({ node: id }), [setParam]);

  const graph = query.data;
  const nodesById = useMemo(() => new Map((graph?.nodes ?? []).map((n) => [n.id, n])), [graph]);
  const events = useMemo(() => new Map((graph?.events ?? []).map((e) => [e.id, e])), [graph]);

  if (query.isPending) return <TableSkeleton label="Loading the lineage" rows={6} />;
  if (query.isError) return <ErrorState title="The lineage could not be loaded">{query.error.message}</ErrorState>;
  const graphData = query.data;
  const selected = selectedId ? nodesById.get(selectedId) : undefined;
  const tab = (value: 'graph' | 'timeline', label: string) => (
    <Link
      href={`${pathname}?${new URLSearchParams([...params.entries()].filter(([k]) => k !== 'view').concat(value === 'timeline' ? [['view', 'timeline']] : [])).toString()}`}
      scroll={false}
      aria-current={view === value ? 'page' : undefined}
      className={`rounded-md px-3 py-1.5 text-sm font-medium ${view === value ? 'bg-accent text-on-accent' : 'text-ink-muted hover:bg-sunken hover:text-ink'}`}
    >
      {label}
    </Link>
  );

  return (
    <div data-testid="lineage-explorer">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Lineage view" className="flex gap-1">
          {tab('graph', 'Graph')}
          {tab('timeline', 'Timeline')}
        </nav>
        <p className="text-sm text-ink-muted" data-testid="lineage-counts">
          {graphData.nodes.length.toLocaleString('en-GB')} records · {graphData.edges.length.toLocaleString('en-GB')} links · {graphData.events.length.toLocaleString('en-GB')} events
        </p>
      </div>
      {graphData.truncated ? <p className="mb-3 rounded-md bg-warning-soft px-3 py-2 text-sm text-ink">This thread has more links than one view carries; the oldest are shown.</p> : null}
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_24rem] 2xl:grid-cols-[minmax(0,1fr)_30rem]">
        <div className="min-w-0">
          {view === 'graph' ? (
            <>
              <p className="mb-2 text-xs text-ink-muted">Tab to a box, arrow keys to move between boxes, Enter to select a record or open a group.</p>
              <LineageGraph nodes={graphData.nodes} edges={graphData.edges} selectedId={selected ? selected.id : null} onSelect={onSelect} />
            </>
          ) : (
            <LineageTimeline nodes={graphData.nodes} events={events} selectedId={selected ? selected.id : null} onSelect={onSelect} />
          )}
        </div>
        <div>
          {selected ? (
            <NodeDetails node={selected} edges={graphData.edges} nodesById={nodesById} events={events} onSelect={onSelect} />
          ) : (
            <p className="rounded-card border border-dashed border-line-strong bg-surface p-4 text-sm text-ink-muted">Select a record to see its system, external id, the event behind it and where it leads. Invoices and revenue entries can explain their amounts.</p>
          )}
        </div>
      </div>
    </div>
  );
}
