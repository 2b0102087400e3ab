// Facts of revenue recognised (by recognition date) and approved expenses (by expense
// date), per engagement in USD at that date's rate: the actual side of margin.
import { fxJoin, fxMissing, inUsd, usdRates } from '../kpi-sql.ts';
import type { FactFamily } from './fact-family.ts';

export const revenueFacts: FactFamily = {
  name: 'revenue',
  metrics: ['revenue.recognized', 'expense.approved'],
  sql: `
    WITH src AS (
      SELECT 'revenue.recognized' AS metric, r."engagementId" AS eid, e."legalEntityId" AS le, r.currency, r."recognitionDate" AS day, sum(r.amount) AS amount
        FROM "RevenueEntry" r JOIN "Engagement" e ON e.id = r."engagementId"
       WHERE r."recognitionDate" BETWEEN $1::date AND $2::date
       GROUP BY 1, 2, 3, 4, 5
      UNION ALL
      SELECT 'expense.approved', x."engagementId", e."legalEntityId", x.currency, x."expenseDate", sum(x.amount)
        FROM "Expense" x JOIN "Engagement" e ON e.id = x."engagementId"
       WHERE x."approvalStatus" = 'APPROVED' AND x."expenseDate" BETWEEN $1::date AND $2::date
       GROUP BY 1, 2, 3, 4, 5
    ), ${usdRates('src')}
    SELECT src.metric, src.day, src.le, src.eid::text AS key, coalesce(sum(${inUsd('src', 'src.amount')}), 0) AS amount, 0 AS hours, 0 AS count, ${fxMissing('src')} AS missing
      FROM src ${fxJoin('src')} GROUP BY src.metric, src.day, src.le, src.eid`,
};
