// Lineage edges on a real database: written once per (from, to, relation), so replays add
// nothing and the first event keeps the edge; amounts travel with their currency.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { linkLineage, type LineageEdge } from './link-lineage.ts';

const edge = (overrides: Partial<LineageEdge> = {}): LineageEdge => ({
  from: { type: 'Contract', id: randomUUID() },
  to: { type: 'Engagement', id: randomUUID() },
  relation: 'ORIGINATED',
  amount: '250000.00',
  currency: 'USD',
  correlationId: `corr-${randomUUID()}`,
  ...overrides,
});

describe('linkLineage', () => {
  it('writes new edges and skips the ones already there', async () => {
    const first = edge();
    expect(await db().$transaction((tx) => linkLineage(tx, [first, { ...first, relation: 'CONTAINS', amount: null, currency: null }]))).toBe(2);
    expect(await db().$transaction((tx) => linkLineage(tx, [{ ...first, eventId: randomUUID() }]))).toBe(0);
    const rows = await db().lineageLink.findMany({ where: { correlationId: first.correlationId }, orderBy: { relation: 'asc' } });
    expect(rows.map((r) => [r.relation, r.amount?.toString() ?? null, r.currency, r.eventId])).toEqual([
      ['ORIGINATED', '250000', 'USD', null],
      ['CONTAINS', null, null, null],
    ]);
  });

  it('concurrent writers of the same edge leave one row', async () => {
    const same = edge();
    const written = await Promise.all(Array.from({ length: 8 }, () => db().$transaction((tx) => linkLineage(tx, [same]))));
    expect(written.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('refuses an edge without its thread, or an amount without its currency', async () => {
    await expect(db().$transaction((tx) => linkLineage(tx, [edge({ correlationId: '' })]))).rejects.toThrow(/correlation id/);
    await expect(db().$transaction((tx) => linkLineage(tx, [edge({ currency: null })]))).rejects.toThrow(/currency/);
    expect(await db().$transaction((tx) => linkLineage(tx, []))).toBe(0);
  });
});
