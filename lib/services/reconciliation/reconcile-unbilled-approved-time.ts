// Unbilled approved time older than the billing cadence (DESIGN.md §8), one finding per
// engagement: the T&M time (the only model billed by the hour) that is approved, billable,
// in force and on no invoice a whole cadence after it became billable
// (lib/domain/reconciliation/unbilled-time-ageing.ts; the condition: overdue-time-condition.ts,
// shared with the write-off decision). One grouped query over a partial index that holds only
// the rows not billed yet, however many million the table has (TimeTransaction_unbilled_by_engagement_idx).
// Time FINANCE wrote off is not unbilled any more, so it is never found again.
import { impactText, type Finding, type JobDefinition } from './finding.ts';
import { overdueTimeCondition } from './overdue-time-condition.ts';

interface Row {
  engagementId: string;
  code: string;
  correlationId: string;
  legalEntityId: string;
  currency: string;
  cadence: 'WEEKLY' | 'MONTHLY';
  entries: number;
  hours: string;
  amount: string;
  unpriced: number;
  oldestWorkDate: Date;
}

export const unbilledApprovedTimeJob: JobDefinition = {
  job: 'unbilled-approved-time',
  async find(tx, { asOf }) {
    // Grouped per engagement first (index order, no join per row), then the few engagements joined.
    const rows = await tx.$queryRaw<Row[]>`
      WITH overdue AS (
        SELECT t."engagementId", COALESCE(p.cadence::text, 'WEEKLY') AS cadence, count(*)::int AS entries, sum(t.hours) AS hours,
               COALESCE(sum(t.amount), 0) AS amount, (count(*) - count(t.amount))::int AS unpriced, min(t."workDate") AS "oldestWorkDate"
        FROM "TimeTransaction" t
        LEFT JOIN "BillingPlan" p ON p."engagementId" = t."engagementId"
        WHERE ${overdueTimeCondition(asOf)}
        GROUP BY t."engagementId", p.cadence
      )
      SELECT o."engagementId"::text AS "engagementId", e.code, e."correlationId", e."legalEntityId"::text AS "legalEntityId", e.currency, o.cadence,
             o.entries, o.hours::text AS hours, o.amount::text AS amount, o.unpriced, o."oldestWorkDate"
      FROM overdue o JOIN "Engagement" e ON e.id = o."engagementId"`;

    return rows.map((row): Finding => {
      const amount = impactText(row.amount, row.currency);
      const oldest = row.oldestWorkDate.toISOString().slice(0, 10);
      return {
        entityType: 'Engagement', entityId: row.engagementId, kind: null, impactAmount: amount, impactCurrency: row.currency,
        correlationId: row.correlationId, legalEntityId: row.legalEntityId, impactDate: asOf,
        title: `${row.code}: ${amount} ${row.currency} of approved time (${row.entries} entries, ${row.hours} h) not billed within its ${row.cadence.toLowerCase()} cadence, oldest ${oldest}`,
        details: { engagementCode: row.code, cadence: row.cadence, entries: row.entries, hours: row.hours, amount, currency: row.currency, unpricedEntries: row.unpriced, oldestWorkDate: oldest },
      };
    });
  },
};
