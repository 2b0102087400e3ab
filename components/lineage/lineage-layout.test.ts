import { describe, expect, it } from 'vitest';
import type { LineageEdge, LineageNode } from '@/lib/http/schemas/lineage';
import { GROUP_THRESHOLD, groupIdOf, layoutLineage, neighbourOf } from './lineage-layout';

const node = (id: string, kind: LineageNode['kind'], extra: Partial<LineageNode> = {}): LineageNode => ({ id, kind, entityId: id, label: `${kind} ${id}`, ...extra });

function thread(entries: number) {
  const nodes: LineageNode[] = [node('q', 'QuoteVersion'), node('e', 'Engagement'), node('i', 'Invoice', { amount: '500.00', currency: 'USD' }), node('r', 'RevenueEntry')];
  const edges: LineageEdge[] = [{ from: 'q', to: 'e', relation: 'ORIGINATED' }];
  for (let n = 0; n < entries; n++) {
    nodes.push(node(`t${n}`, 'TimeTransaction', { amount: '125.00', currency: 'USD', at: `2026-03-${String(1 + (n % 28)).padStart(2, '0')}T00:00:00.000Z` }));
    edges.push({ from: 'e', to: `t${n}`, relation: 'CONTAINS' }, { from: `t${n}`, to: 'i', relation: 'BILLED' });
  }
  return { nodes, edges };
}

describe('layoutLineage', () => {
  it('puts each kind in its stage column, left to right from quote to revenue', () => {
    const { nodes, edges } = thread(2);
    const layout = layoutLineage(nodes, edges, new Map());
    expect(layout.columns.map((c) => c.label)).toEqual(['Quote', 'Project', 'Time & milestones', 'Invoices', 'Revenue']);
    const columnOf = (id: string) => layout.items.find((i) => i.id === id)!.column;
    expect([columnOf('q'), columnOf('e'), columnOf('t0'), columnOf('i'), columnOf('r')]).toEqual([0, 1, 2, 3, 4]);
    expect(layout.edges).toHaveLength(5);
  });

  it('groups a large kind into one box with its count and exact total, and merges its edges', () => {
    const { nodes, edges } = thread(412);
    const layout = layoutLineage(nodes, edges, new Map());
    const group = layout.items.find((i) => i.id === groupIdOf('TimeTransaction'));
    expect(group).toMatchObject({ type: 'group', label: '412 time entries', count: 412, total: { amount: '51500.00', currency: 'USD' }, expanded: false });
    expect(layout.items).toHaveLength(5);
    expect(layout.edges).toEqual(
      expect.arrayContaining([
        { from: 'e', to: groupIdOf('TimeTransaction'), count: 412, relation: 'CONTAINS' },
        { from: groupIdOf('TimeTransaction'), to: 'i', count: 412, relation: 'BILLED' },
      ]),
    );
  });

  it('an expanded group shows a page of members in time order and a "more" box for the rest', () => {
    const { nodes, edges } = thread(100);
    const layout = layoutLineage(nodes, edges, new Map([[groupIdOf('TimeTransaction'), 10]]));
    const members = layout.items.filter((i) => i.type === 'node' && i.node.kind === 'TimeTransaction');
    expect(members).toHaveLength(10);
    expect(layout.items.find((i) => i.type === 'more')).toMatchObject({ label: '90 time entries more', remaining: 90 });
    const more = `${groupIdOf('TimeTransaction')}:more`;
    expect(layout.edges.find((e) => e.from === 'e' && e.to === more)?.count).toBe(90);
    // Members stack below their group, none overlapping.
    const ys = layout.items.filter((i) => i.column === 2).map((i) => i.y);
    expect(new Set(ys).size).toBe(ys.length);
  });

  it(`does not group ${GROUP_THRESHOLD} or fewer`, () => {
    const { nodes, edges } = thread(GROUP_THRESHOLD);
    expect(layoutLineage(nodes, edges, new Map()).items.filter((i) => i.type === 'group')).toEqual([]);
  });

  it('stays fast for 5,000 nodes', () => {
    const { nodes, edges } = thread(5000);
    const started = performance.now();
    const layout = layoutLineage(nodes, edges, new Map([[groupIdOf('TimeTransaction'), 200]]));
    expect(performance.now() - started).toBeLessThan(500);
    expect(layout.items.length).toBeLessThan(220);
  });
});

describe('neighbourOf', () => {
  it('moves within a column with up/down and across columns to the nearest item', () => {
    const { nodes, edges } = thread(3);
    const { items } = layoutLineage(nodes, edges, new Map());
    expect(neighbourOf(items, 't0', 'ArrowDown')).toBe('t1');
    expect(neighbourOf(items, 't0', 'ArrowUp')).toBeUndefined();
    expect(neighbourOf(items, 't0', 'ArrowLeft')).toBe('e');
    expect(neighbourOf(items, 'e', 'ArrowRight')).toBe('t0');
    expect(neighbourOf(items, 'r', 'ArrowRight')).toBeUndefined();
  });
});
