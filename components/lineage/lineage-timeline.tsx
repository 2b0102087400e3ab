// The thread as a timeline: every node in the order it was recorded (else when its event
// arrived), with its stage, system, external id and a link to the event behind it. Long
// threads show a page at a time.
'use client';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { LineageEvent, LineageNode } from '@/lib/http/schemas/lineage';
import { DateText } from '@/components/ui/date-text';
import { kindLabel, lineageStages, stageIndexOf } from './lineage-stages';
import { MoneyText } from './money-text';

const PAGE = 100;

export function LineageTimeline({ nodes, events, selectedId, onSelect }: { nodes: LineageNode[]; events: ReadonlyMap<string, LineageEvent>; selectedId: string | null; onSelect: (id: string) => void }) {
  const [shown, setShown] = useState(PAGE);
  const ordered = useMemo(() => {
    const when = (n: LineageNode) => n.at ?? (n.eventId ? events.get(n.eventId)?.receivedAt : undefined) ?? '';
    return nodes.map((n) => ({ node: n, at: when(n) })).sort((a, b) => a.at.localeCompare(b.at) || stageIndexOf(a.node.kind) - stageIndexOf(b.node.kind) || a.node.label.localeCompare(b.node.label));
  }, [nodes, events]);
  return (
    <div data-testid="lineage-timeline">
      <ol className="divide-y divide-line overflow-hidden rounded-card border border-line bg-surface shadow-card">
        {ordered.slice(0, shown).map(({ node, at }) => {
          const event = node.eventId ? events.get(node.eventId) : undefined;
          return (
            <li key={node.id} className={`grid grid-cols-[11rem_8rem_1fr_auto] items-baseline gap-3 px-3 py-2 text-sm ${node.id === selectedId ? 'bg-accent-soft' : ''}`} data-testid="timeline-row">
              <span className="tabular-nums text-ink-muted">
                <DateText value={at} kind="instant" />
              </span>
              <span className="text-xs uppercase tracking-wide text-ink-subtle">{lineageStages[stageIndexOf(node.kind)]!.label}</span>
              <span className="min-w-0">
                <button type="button" onClick={() => onSelect(node.id)} className="text-left font-medium text-ink hover:text-accent" aria-pressed={node.id === selectedId}>
                  <span className="text-ink-muted">{kindLabel(node.kind)}:</span> {node.label}
                </button>
                <span className="block truncate text-xs text-ink-muted">
                  {node.system ?? 'Threadline'}
                  {node.externalId ? <span className="font-mono"> · {node.externalId}</span> : null}
                  {node.eventId ? (
                    <>
                      {' · '}
                      <Link href={`/events/${node.eventId}`} className="font-medium text-accent hover:text-accent-strong">
                        {event?.type ?? 'event'}
                      </Link>
                    </>
                  ) : null}
                </span>
              </span>
              <span className="text-right">{node.amount ? <MoneyText amount={node.amount} currency={node.currency} /> : null}</span>
            </li>
          );
        })}
      </ol>
      {ordered.length > shown ? (
        <button type="button" onClick={() => setShown((n) => n + PAGE * 5)} className="mt-3 text-sm font-medium text-accent hover:text-accent-strong">
          Show more ({(ordered.length - shown).toLocaleString('en-GB')} not shown)
        </button>
      ) : null}
    </div>
  );
}
