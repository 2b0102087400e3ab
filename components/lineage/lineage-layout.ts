// Lays a lineage graph out in columns by stage (lineage-stages.ts). A kind with many nodes
// in a thread (412 time entries) is one group until someone expands it, and an expanded
// group shows its members a page at a time, so a 5,000-node thread stays readable and the
// page draws a few hundred boxes at most. Edges between hidden nodes are drawn once
// between what stands for them (a group, or its "more" box), counted.
import { dec, sum } from '@/lib/domain/money/decimal';
import type { LineageEdge, LineageNode } from '@/lib/http/schemas/lineage';
import { countOfKind, kindOrder, lineageStages, stageIndexOf } from './lineage-stages';

/** More nodes of one kind in one thread than this are grouped. */
export const GROUP_THRESHOLD = 8;
/** Members an expanded group shows per "show more". */
export const GROUP_PAGE = 40;

export const NODE_WIDTH = 232;
export const NODE_HEIGHT = 68;
const COLUMN_GAP = 72;
const ROW_GAP = 12;
const HEADER = 36;
const PAD = 16;

export type LayoutItem =
  | { type: 'node'; id: string; node: LineageNode; column: number; x: number; y: number }
  | { type: 'group'; id: string; kind: LineageNode['kind']; label: string; count: number; total?: { amount: string; currency: string }; expanded: boolean; column: number; x: number; y: number }
  | { type: 'more'; id: string; groupId: string; label: string; remaining: number; column: number; x: number; y: number };

export interface LayoutEdge {
  from: string;
  to: string;
  /** How many graph edges this line stands for. */
  count: number;
  relation: string;
}

export interface LineageLayout {
  items: LayoutItem[];
  edges: LayoutEdge[];
  columns: { label: string; x: number }[];
  width: number;
  height: number;
  /** Which item shows a node now (itself, its group or its group's "more"). */
  itemOfNode: Map<string, string>;
}

export const groupIdOf = (kind: string) => `group:${kind}`;

const byTime = (a: LineageNode, b: LineageNode) => (a.at ?? '').localeCompare(b.at ?? '') || a.label.localeCompare(b.label) || a.id.localeCompare(b.id);

/** `expanded` maps a group id to how many of its members are shown (absent = collapsed). */
export function layoutLineage(nodes: readonly LineageNode[], edges: readonly LineageEdge[], expanded: ReadonlyMap<string, number>): LineageLayout {
  const byKind = new Map<LineageNode['kind'], LineageNode[]>();
  for (const node of nodes) {
    const list = byKind.get(node.kind);
    if (list) list.push(node);
    else byKind.set(node.kind, [node]);
  }
  const kinds = [...byKind.keys()].sort((a, b) => stageIndexOf(a) - stageIndexOf(b) || kindOrder(a) - kindOrder(b) || a.localeCompare(b));
  const usedStages = [...new Set(kinds.map(stageIndexOf))].sort((a, b) => a - b);
  const columnOfStage = new Map(usedStages.map((stage, column) => [stage, column]));
  const columns = usedStages.map((stage, column) => ({ label: lineageStages[stage]!.label, x: PAD + column * (NODE_WIDTH + COLUMN_GAP) }));

  const items: LayoutItem[] = [];
  const itemOfNode = new Map<string, string>();
  const nextY = new Map<number, number>();
  const place = (column: number) => {
    const y = nextY.get(column) ?? HEADER + PAD;
    nextY.set(column, y + NODE_HEIGHT + ROW_GAP);
    return { column, x: columns[column]!.x, y };
  };

  for (const kind of kinds) {
    const members = byKind.get(kind)!.sort(byTime);
    const column = columnOfStage.get(stageIndexOf(kind))!;
    if (members.length <= GROUP_THRESHOLD) {
      for (const node of members) {
        items.push({ type: 'node', id: node.id, node, ...place(column) });
        itemOfNode.set(node.id, node.id);
      }
      continue;
    }
    const groupId = groupIdOf(kind);
    const shown = expanded.get(groupId);
    items.push({ type: 'group', id: groupId, kind, label: countOfKind(kind, members.length), count: members.length, ...groupTotal(members), expanded: shown !== undefined, ...place(column) });
    if (shown === undefined) {
      for (const node of members) itemOfNode.set(node.id, groupId);
      continue;
    }
    const visible = members.slice(0, Math.max(0, shown));
    for (const node of visible) {
      items.push({ type: 'node', id: node.id, node, ...place(column) });
      itemOfNode.set(node.id, node.id);
    }
    const remaining = members.length - visible.length;
    if (remaining > 0) {
      const moreId = `${groupId}:more`;
      items.push({ type: 'more', id: moreId, groupId, label: `${countOfKind(kind, remaining)} more`, remaining, ...place(column) });
      for (const node of members.slice(visible.length)) itemOfNode.set(node.id, moreId);
    }
  }

  const merged = new Map<string, LayoutEdge>();
  for (const edge of edges) {
    const from = itemOfNode.get(edge.from);
    const to = itemOfNode.get(edge.to);
    if (!from || !to || from === to) continue;
    const key = `${from}\u0000${to}`;
    const seen = merged.get(key);
    if (seen) seen.count += 1;
    else merged.set(key, { from, to, count: 1, relation: edge.relation });
  }
  const height = Math.max(HEADER + PAD + NODE_HEIGHT, ...nextY.values()) + PAD;
  const width = PAD * 2 + Math.max(1, columns.length) * NODE_WIDTH + Math.max(0, columns.length - 1) * COLUMN_GAP;
  return { items, edges: [...merged.values()], columns, width, height, itemOfNode };
}

/** The members' total when they share one currency (exact decimals, never floats). */
function groupTotal(members: readonly LineageNode[]): { total?: { amount: string; currency: string } } {
  const priced = members.filter((m) => m.amount !== undefined && m.currency);
  const currencies = new Set(priced.map((m) => m.currency));
  if (priced.length === 0 || currencies.size !== 1) return {};
  const scale = Math.max(...priced.map((m) => m.amount!.split('.')[1]?.length ?? 0));
  return { total: { amount: sum(priced.map((m) => dec(m.amount!))).toFixed(scale), currency: priced[0]!.currency! } };
}

/** The item an arrow key moves to from `id`: up/down in its column, left/right to the nearest in the next column. */
export function neighbourOf(items: readonly LayoutItem[], id: string, key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight'): string | undefined {
  const current = items.find((i) => i.id === id);
  if (!current) return undefined;
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const column = items.filter((i) => i.column === current.column);
    const index = column.findIndex((i) => i.id === id);
    return column[index + (key === 'ArrowDown' ? 1 : -1)]?.id;
  }
  const step = key === 'ArrowRight' ? 1 : -1;
  const maxColumn = Math.max(...items.map((i) => i.column));
  for (let column = current.column + step; column >= 0 && column <= maxColumn; column += step) {
    const candidates = items.filter((i) => i.column === column);
    if (candidates.length === 0) continue;
    return candidates.reduce((best, i) => (Math.abs(i.y - current.y) < Math.abs(best.y - current.y) ? i : best)).id;
  }
  return undefined;
}
