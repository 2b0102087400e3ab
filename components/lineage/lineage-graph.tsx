// The lineage graph: columns by stage, edges drawn in one SVG layer beneath, nodes as
// buttons over it (so Tab, Enter and the arrow keys work and screen readers read them).
// Big kinds are groups; opening one shows its members a page at a time. Scrolls both ways.
'use client';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { LineageEdge, LineageNode } from '@/lib/http/schemas/lineage';
import { GROUP_PAGE, layoutLineage, neighbourOf, NODE_HEIGHT, NODE_WIDTH, type LayoutItem } from './lineage-layout';
import { kindLabel } from './lineage-stages';
import { MoneyText } from './money-text';

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

export function LineageGraph({ nodes, edges, selectedId, onSelect }: { nodes: LineageNode[]; edges: LineageEdge[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const [expanded, setExpanded] = useState<Map<string, number>>(() => new Map());
  const layout = useMemo(() => layoutLineage(nodes, edges, expanded), [nodes, edges, expanded]);
  const container = useRef<HTMLDivElement>(null);
  const positions = useMemo(() => new Map(layout.items.map((i) => [i.id, i])), [layout]);
  const selectedItem = selectedId ? layout.itemOfNode.get(selectedId) : undefined;

  const expand = (groupId: string, by: number) => setExpanded((m) => new Map(m).set(groupId, (m.get(groupId) ?? 0) + by));
  const collapse = (groupId: string) =>
    setExpanded((m) => {
      const next = new Map(m);
      next.delete(groupId);
      return next;
    });
  const focusItem = (id: string) => container.current?.querySelector<HTMLElement>(`[data-item="${CSS.escape(id)}"]`)?.focus();

  const activate = (item: LayoutItem) => {
    if (item.type === 'node') onSelect(item.node.id);
    else if (item.type === 'group' && item.expanded) collapse(item.id);
    else if (item.type === 'group') expand(item.id, GROUP_PAGE);
    else expand(item.groupId, GROUP_PAGE);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, item: LayoutItem) => {
    if (!ARROWS.has(event.key)) return;
    event.preventDefault();
    const next = neighbourOf(layout.items, item.id, event.key as 'ArrowUp');
    if (next) focusItem(next);
  };

  return (
    <div ref={container} className="max-h-[70vh] min-h-64 overflow-auto rounded-card border border-line bg-canvas" data-testid="lineage-graph">
      <div className="relative" style={{ width: layout.width, height: layout.height }}>
        <svg className="absolute inset-0" width={layout.width} height={layout.height} aria-hidden="true" focusable="false">
          {layout.edges.map((e) => {
            const from = positions.get(e.from)!;
            const to = positions.get(e.to)!;
            const lit = selectedItem !== undefined && (e.from === selectedItem || e.to === selectedItem);
            return <path key={`${e.from}>${e.to}`} d={edgePath(from, to)} fill="none" className={lit ? 'stroke-accent' : 'stroke-line-strong'} strokeWidth={lit ? 2 : Math.min(1 + Math.log10(e.count), 3)} />;
          })}
        </svg>
        {layout.columns.map((c) => (
          <div key={c.label} className="absolute top-3 text-xs font-semibold uppercase tracking-wide text-ink-subtle" style={{ left: c.x, width: NODE_WIDTH }}>
            {c.label}
          </div>
        ))}
        {layout.items.map((item) => (
          <button
            key={item.id}
            type="button"
            data-item={item.id}
            data-testid={`lineage-${item.type}`}
            aria-pressed={item.type === 'node' ? item.node.id === selectedId : undefined}
            aria-expanded={item.type === 'group' ? item.expanded : undefined}
            onClick={() => activate(item)}
            onKeyDown={(event) => onKeyDown(event, item)}
            className={`absolute overflow-hidden rounded-md border px-2.5 py-1.5 text-left text-xs shadow-card ${boxTone(item, selectedItem)}`}
            style={{ left: item.x, top: item.y, width: NODE_WIDTH, height: NODE_HEIGHT }}
          >
            <ItemContent item={item} />
          </button>
        ))}
      </div>
    </div>
  );
}

function ItemContent({ item }: { item: LayoutItem }) {
  if (item.type === 'group') {
    return (
      <>
        <span className="block font-semibold text-ink">{item.label}</span>
        {item.total ? <MoneyText amount={item.total.amount} currency={item.total.currency} className="block text-ink-muted" /> : null}
        <span className="block text-accent-strong">{item.expanded ? 'Collapse' : 'Expand'}</span>
      </>
    );
  }
  if (item.type === 'more') {
    return (
      <>
        <span className="block font-medium text-ink">{item.label}</span>
        <span className="block text-accent-strong">Show {Math.min(GROUP_PAGE, item.remaining)} more</span>
      </>
    );
  }
  const n = item.node;
  return (
    <>
      <span className="flex items-baseline justify-between gap-2">
        <span className="uppercase tracking-wide text-ink-subtle">{kindLabel(n.kind)}</span>
        {n.amount ? <MoneyText amount={n.amount} currency={n.currency} className="text-ink" /> : null}
      </span>
      <span className="block truncate font-medium text-ink">{n.label}</span>
      <span className="block truncate text-ink-muted">
        {n.system ?? 'Threadline'}
        {n.externalId ? <span className="font-mono"> · {n.externalId}</span> : null}
      </span>
    </>
  );
}

function boxTone(item: LayoutItem, selectedItem: string | undefined): string {
  if (item.id === selectedItem) return 'border-accent bg-accent-soft ring-2 ring-accent';
  if (item.type === 'node') return 'border-line-strong bg-surface hover:border-accent';
  return 'border-dashed border-line-strong bg-sunken hover:border-accent';
}

/** A curve from the right edge of `from` to the left edge of `to` (or side to side within a column). */
function edgePath(from: LayoutItem, to: LayoutItem): string {
  const fy = from.y + NODE_HEIGHT / 2;
  const ty = to.y + NODE_HEIGHT / 2;
  if (from.column === to.column) {
    const x = from.x + NODE_WIDTH;
    return `M ${x} ${fy} C ${x + 36} ${fy}, ${x + 36} ${ty}, ${x} ${ty}`;
  }
  const forward = to.x > from.x;
  const fx = forward ? from.x + NODE_WIDTH : from.x;
  const tx = forward ? to.x : to.x + NODE_WIDTH;
  const bend = (tx - fx) / 2;
  return `M ${fx} ${fy} C ${fx + bend} ${fy}, ${tx - bend} ${ty}, ${tx} ${ty}`;
}
