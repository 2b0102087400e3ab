// Serialises everything that writes an engagement's revenue ledger (revenue runs, invoice
// reversals): each plans from the entries already posted, so it must see the other's
// entries before planning, not race it to the unique key. Transaction-scoped advisory
// locks, taken in one global order (by key hash) so two batch runs never deadlock.
import type { Prisma } from '../../db/client.ts';

const key = (engagementId: string) => `revenue:${engagementId}`;

export async function lockEngagementRevenue(tx: Prisma.TransactionClient, engagementIds: readonly string[]): Promise<void> {
  if (engagementIds.length === 0) return;
  const keys = [...new Set(engagementIds)].map(key);
  // The sorted subquery feeds the aggregate row by row, so the locks are taken in hash order.
  await tx.$queryRaw`
    SELECT count(pg_advisory_xact_lock(h))::int AS locked
      FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest(${keys}::text[]) AS k ORDER BY h) AS ordered`;
}
