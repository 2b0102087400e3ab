// Facts of approved, current time by work date: per engagement its cost in USD (hours ×
// cost rate, in the cost currency — the engagement's when the rate has none) and the hours
// without a cost rate (margin); per employee the hours worked and the billable ones
// (utilization). The employee's legal entity scopes utilization, the engagement's margin.
import { fxJoin, inUsd, usdRates } from '../kpi-sql.ts';
import type { FactFamily } from './fact-family.ts';

export const timeFacts: FactFamily = {
  name: 'time',
  metrics: ['time.cost', 'time.worked', 'time.billable'],
  sql: `
    WITH src AS (
      SELECT t."engagementId" AS eid, t."employeeId" AS pid, e."legalEntityId" AS le, emp."legalEntityId" AS emp_le,
             coalesce(t."costCurrency", e.currency) AS currency, t."workDate" AS day,
             sum(t.hours * t."costRate") FILTER (WHERE t."costRate" IS NOT NULL) AS cost,
             coalesce(sum(t.hours) FILTER (WHERE t."costRate" IS NULL), 0) AS uncosted,
             sum(t.hours) AS worked, coalesce(sum(t.hours) FILTER (WHERE t.billable), 0) AS billable
        FROM "TimeTransaction" t JOIN "Engagement" e ON e.id = t."engagementId" JOIN "Employee" emp ON emp.id = t."employeeId"
       WHERE t."approvalStatus" = 'APPROVED' AND NOT t.superseded AND t."workDate" BETWEEN $1::date AND $2::date
       GROUP BY 1, 2, 3, 4, 5, 6
    ), ${usdRates('src')}
    SELECT 'time.cost' AS metric, src.day, src.le, src.eid::text AS key, coalesce(sum(${inUsd('src', 'src.cost')}), 0) AS amount, sum(src.uncosted) AS hours, 0 AS count,
           count(*) FILTER (WHERE src.cost IS NOT NULL AND src.currency <> 'USD' AND fx.rate IS NULL)::int AS missing
      FROM src ${fxJoin('src')} GROUP BY src.day, src.le, src.eid
    UNION ALL
    SELECT 'time.worked', src.day, src.emp_le, src.pid::text, 0, sum(src.worked), 0, 0 FROM src GROUP BY src.day, src.emp_le, src.pid
    UNION ALL
    SELECT 'time.billable', src.day, src.emp_le, src.pid::text, 0, sum(src.billable), 0, 0 FROM src GROUP BY src.day, src.emp_le, src.pid`,
};
