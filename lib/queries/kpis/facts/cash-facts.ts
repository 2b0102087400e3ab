// Facts of cash-application accuracy by receipt day (docs/KPIS.md): receipts received, those
// applied automatically and never reversed (at least one application, none by a person,
// none reversed), their applications, and the accurate ones. A reversal or a manual
// application can change a receipt's accuracy long after it arrived, so the rollup
// recomputes these facts for every day on each run (rebuild "all" — one cheap pass).
import { utcDay, withinDays } from '../kpi-sql.ts';
import type { FactFamily } from './fact-family.ts';

export const cashFacts: FactFamily = {
  name: 'cash',
  metrics: ['cash.receipts', 'cash.accurate_receipts', 'cash.lines', 'cash.accurate_lines'],
  rebuild: 'all',
  sql: `
    WITH per_receipt AS (
      SELECT r."legalEntityId" AS le, ${utcDay('r."receivedAt"')} AS day, count(a.id)::int AS lines,
             count(a.id) FILTER (WHERE a.automatic AND a."reversedAt" IS NULL)::int AS accurate
        FROM "CashReceipt" r LEFT JOIN "CashApplication" a ON a."receiptId" = r.id AND a.kind = 'APPLICATION'
       WHERE ${withinDays('r."receivedAt"', 1, 2)}
       GROUP BY r.id, 1, 2
    ),
    per_day AS (
      SELECT day, le, count(*)::int AS receipts, count(*) FILTER (WHERE lines > 0 AND accurate = lines)::int AS accurate_receipts,
             sum(lines)::int AS lines, sum(accurate)::int AS accurate_lines
        FROM per_receipt GROUP BY 1, 2
    )
    SELECT m.metric, d.day, d.le, '' AS key, 0 AS amount, 0 AS hours, m.count, 0 AS missing
      FROM per_day d CROSS JOIN LATERAL (VALUES ('cash.receipts', d.receipts), ('cash.accurate_receipts', d.accurate_receipts),
                                                ('cash.lines', d.lines), ('cash.accurate_lines', d.accurate_lines)) AS m(metric, count)`,
};
