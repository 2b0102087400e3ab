// Retainer usage waiting to be billed, valued. Overage is per month: units above the plan's
// included units at the overage rate. A month may be partly invoiced already (usage that
// arrived after its invoice), so what is unbilled is the overage of all the month's units
// less the overage of the units already billed.
import { db, Prisma } from '../../db/client.ts';
import { dec, max, ZERO, type Decimal } from '../../domain/money/decimal.ts';

interface UsageMonthRow {
  engagementId: string;
  units: string;
  billedUnits: string;
  includedUnits: string | null;
  overageRate: string | null;
}

export async function unbilledUsageByEngagement(engagementIds: readonly string[]): Promise<Map<string, Decimal>> {
  const result = new Map<string, Decimal>();
  if (engagementIds.length === 0) return result;
  const rows = await db().$queryRaw<UsageMonthRow[]>(Prisma.sql`
    SELECT u."engagementId", u.period,
      SUM(u.units)::text AS units,
      COALESCE(SUM(u.units) FILTER (WHERE u."invoiceLineId" IS NOT NULL), 0)::text AS "billedUnits",
      MAX(p."retainerIncludedUnits")::text AS "includedUnits",
      MAX(p."retainerOverageRate")::text AS "overageRate"
    FROM "UsageRecord" u
    LEFT JOIN "BillingPlan" p ON p."engagementId" = u."engagementId"
    WHERE u."engagementId" = ANY(${engagementIds}::uuid[])
    GROUP BY u."engagementId", u.period
    HAVING bool_or(u."invoiceLineId" IS NULL)`);
  for (const row of rows) {
    // Without an overage rate there is nothing to bill the usage at.
    if (row.overageRate === null) continue;
    const included = dec(row.includedUnits ?? '0');
    const overage = (units: string) => max(0, dec(units).minus(included));
    const value = overage(row.units).minus(overage(row.billedUnits)).times(dec(row.overageRate));
    result.set(row.engagementId, (result.get(row.engagementId) ?? ZERO).plus(value));
  }
  return result;
}
