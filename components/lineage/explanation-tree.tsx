// An amount explained as a tree (invoice → lines and tax → sources → time, milestones,
// usage → timesheets; revenue entry → measurement or basis → rows), each level a native
// <details> so it opens with the keyboard. Big levels show a page and a "show more".
'use client';
import Link from 'next/link';
import { useState } from 'react';
import type { ExplanationNode, LineageEvent } from '@/lib/http/schemas/lineage';
import { kindLabel } from './lineage-stages';
import { MoneyText } from './money-text';

const PAGE = 25;

export function ExplanationTree({ node, events, depth = 0 }: { node: ExplanationNode; events: ReadonlyMap<string, LineageEvent>; depth?: number }) {
  const [shown, setShown] = useState(PAGE);
  const event = node.eventId ? events.get(node.eventId) : undefined;
  const row = (
    <span className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
      <span className="text-xs uppercase tracking-wide text-ink-subtle">{kindLabel(node.kind)}</span>
      <span className="font-medium text-ink">{node.label}</span>
      {node.amount ? <MoneyText amount={node.amount} currency={node.currency} className="ml-auto text-ink" /> : null}
    </span>
  );
  const facts = (
    <div className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-ink-muted">
      {node.detail ? <span className="font-mono">{node.detail}</span> : null}
      {node.system ? (
        <span>
          {node.system}
          {node.externalId ? <span className="font-mono"> · {node.externalId}</span> : null}
        </span>
      ) : null}
      {node.eventId ? (
        <Link href={`/events/${node.eventId}`} className="font-medium text-accent hover:text-accent-strong">
          {event ? `Event ${event.type}` : 'The event behind it'}
        </Link>
      ) : null}
    </div>
  );
  if (node.children.length === 0) {
    return (
      <li className="py-1.5" data-testid="explanation-node">
        {row}
        {facts}
      </li>
    );
  }
  return (
    <li className="py-1.5" data-testid="explanation-node">
      <details open={depth < 2}>
        <summary className="cursor-pointer list-item">{row}</summary>
        {facts}
        <ul className="ml-4 mt-1 border-l border-line pl-3">
          {node.children.slice(0, shown).map((child) => (
            <ExplanationTree key={`${child.kind}:${child.id}`} node={child} events={events} depth={depth + 1} />
          ))}
        </ul>
        {node.children.length > shown ? (
          <button type="button" onClick={() => setShown((n) => n + PAGE * 4)} className="ml-4 mt-1 text-xs font-medium text-accent hover:text-accent-strong">
            Show more ({(node.children.length - shown).toLocaleString('en-GB')} not shown)
          </button>
        ) : null}
      </details>
    </li>
  );
}
