// What the selected lineage node is: its system and external id, when it was created and
// by which event (a link to the event), what it came from and what it led to, and — for
// an invoice or a revenue entry — "Explain this amount".
'use client';
import Link from 'next/link';
import type { LineageEdge, LineageEvent, LineageNode } from '@/lib/http/schemas/lineage';
import { DateText } from '@/components/ui/date-text';
import { ExplainAmount } from './explain-amount';
import { kindLabel } from './lineage-stages';
import { MoneyText } from './money-text';

const LISTED = 8;

export function NodeDetails(props: { node: LineageNode; edges: readonly LineageEdge[]; nodesById: ReadonlyMap<string, LineageNode>; events: ReadonlyMap<string, LineageEvent>; onSelect: (id: string) => void }) {
  const { node, edges, nodesById, events, onSelect } = props;
  const event = node.eventId ? events.get(node.eventId) : undefined;
  const upstream = edges.filter((e) => e.to === node.id);
  const downstream = edges.filter((e) => e.from === node.id);
  return (
    <section aria-labelledby="node-heading" className="rounded-card border border-line bg-surface p-4 shadow-card" data-testid="node-details">
      <p className="text-xs uppercase tracking-wide text-ink-subtle">{kindLabel(node.kind)}</p>
      <h2 id="node-heading" className="text-base font-semibold text-ink">
        {node.label}
      </h2>
      {node.amount ? <MoneyText amount={node.amount} currency={node.currency} className="text-lg text-ink" /> : null}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-ink-muted">System</dt>
        <dd className="text-ink">{node.system ?? 'Threadline'}</dd>
        <dt className="text-ink-muted">External id</dt>
        <dd className="break-all font-mono text-xs text-ink">{node.externalId ?? '—'}</dd>
        <dt className="text-ink-muted">Recorded</dt>
        <dd className="text-ink"><DateText value={node.at} kind="instant" /></dd>
        <dt className="text-ink-muted">Event</dt>
        <dd>
          {node.eventId ? (
            <Link href={`/events/${node.eventId}`} className="font-medium text-accent hover:text-accent-strong" data-testid="node-event-link">
              {event ? `${event.type} from ${event.source}` : 'Open the event'}
            </Link>
          ) : (
            <span className="text-ink-muted">None: created by Threadline (a run or a person)</span>
          )}
        </dd>
      </dl>
      {node.kind === 'Invoice' ? (
        <div className="mt-4">
          <ExplainAmount key={node.entityId} invoiceId={node.entityId} />
        </div>
      ) : null}
      {node.kind === 'RevenueEntry' ? (
        <div className="mt-4">
          <ExplainAmount key={node.entityId} revenueEntryId={node.entityId} />
        </div>
      ) : null}
      <Related title="Came from" ends={upstream.map((e) => [e.from, e.relation])} nodesById={nodesById} onSelect={onSelect} />
      <Related title="Led to" ends={downstream.map((e) => [e.to, e.relation])} nodesById={nodesById} onSelect={onSelect} />
    </section>
  );
}

function Related({ title, ends, nodesById, onSelect }: { title: string; ends: [string, string][]; nodesById: ReadonlyMap<string, LineageNode>; onSelect: (id: string) => void }) {
  if (ends.length === 0) return null;
  return (
    <div className="mt-4">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-ink-subtle">
        {title} ({ends.length.toLocaleString('en-GB')})
      </h3>
      <ul className="mt-1 space-y-0.5 text-sm">
        {ends.slice(0, LISTED).map(([id, relation]) => (
          <li key={`${id}:${relation}`}>
            <button type="button" onClick={() => onSelect(id)} className="text-left text-accent hover:text-accent-strong">
              {nodesById.get(id)?.label ?? id}
            </button>{' '}
            <span className="text-xs text-ink-subtle">{relation.toLowerCase().replace(/_/g, ' ')}</span>
          </li>
        ))}
      </ul>
      {ends.length > LISTED ? <p className="mt-1 text-xs text-ink-muted">and {(ends.length - LISTED).toLocaleString('en-GB')} more (open the group in the graph)</p> : null}
    </div>
  );
}
