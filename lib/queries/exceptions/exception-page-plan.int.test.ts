// Every sort of the queue is read in index order: in the plan of a page (first or deeper,
// unfiltered or filtered) each branch — a status and a cursor segment — is an index scan
// with its LIMIT and no Sort; only the page itself (at most branches × limit rows) may be
// sorted above them. Sorting is disabled (not forbidden) while explaining, so an order
// without a fitting index shows up as a Sort node instead of hiding in the tiny table.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db, Prisma } from '../../db/client.ts';
import { ExceptionStatus } from '../../db/generated/enums.ts';
import { pageKeysSql } from './exception-page-sql.ts';
import { exceptionSorts, sortColumns, type KeyValue } from './exception-sort.ts';

interface PlanNode {
  'Node Type': string;
  Plans?: PlanNode[];
}

const nodeTypes = (node: PlanNode): string[] => [node['Node Type'], ...(node.Plans ?? []).flatMap(nodeTypes)];

/** The node types below the Append that gathers the branches. */
function branchNodes(node: PlanNode): string[] {
  if (node['Node Type'].endsWith('Append')) return (node.Plans ?? []).flatMap(nodeTypes);
  return (node.Plans ?? []).flatMap(branchNodes);
}

async function planOf(sql: Prisma.Sql): Promise<string[]> {
  return db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL enable_sort = off');
    await tx.$executeRawUnsafe('SET LOCAL enable_incremental_sort = off');
    await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
    const [row] = await tx.$queryRaw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`);
    return branchNodes(row!['QUERY PLAN'][0].Plan);
  });
}

const sample: Record<string, KeyValue> = { recoverabilityRank: 0, financialImpact: '100.5', lastSeenAt: '2026-03-01T00:00:00.000Z', firstSeenAt: '2026-03-01T00:00:00.000Z', slaDueAt: null, occurrences: 3, ownerTeam: 'FINANCE_AR', id: randomUUID() };

describe('exception queue pages read in index order', () => {
  it.each(exceptionSorts)('sort=%s: first page, next page, filtered page — no Sort in any branch', async (sort) => {
    const columns = sortColumns(sort);
    const after = columns.map((c) => sample[c.field]!);
    const pages = [
      pageKeysSql({ columns, filters: {}, statuses: Object.values(ExceptionStatus), limit: 51 }),
      pageKeysSql({ columns, after, filters: {}, statuses: Object.values(ExceptionStatus), limit: 51 }),
      pageKeysSql({ columns, filters: { owner: ['FINANCE_AR'], code: ['UNAPPLIED_CASH'] }, statuses: ['OPEN', 'ASSIGNED'], limit: 51 }),
      pageKeysSql({ columns, after, filters: { legalEntityIds: [randomUUID()], connectorIds: [randomUUID(), randomUUID()] }, statuses: ['OPEN', 'ASSIGNED'], limit: 51 }),
    ];
    for (const page of pages) {
      const nodes = await planOf(page);
      expect(nodes.filter((n) => n.includes('Sort')), nodes.join(' > ')).toEqual([]);
      expect(nodes.filter((n) => n.includes('Index')).length).toBeGreaterThan(0);
    }
  });
});
