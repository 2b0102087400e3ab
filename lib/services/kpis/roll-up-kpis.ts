// The KPI rollup (DESIGN.md §2 "KPI rollups"): rebuilds the daily KPI facts for a range of
// UTC days in one transaction — delete the days' facts, insert every family's rows, move
// KpiRollup.through — so the API never sees half a day. By default it redoes the trailing
// window (time approved late, invoices posted or voided, revenue booked into past days land
// there) and everything since the last run; `full` rebuilds from the first document, and
// families whose past keeps changing (cash accuracy) are rebuilt whole on every run. Days
// after `through` are computed live by the API, so a late run only costs speed, never truth.
import { pgPool } from '../../db/client.ts';
import { utcDay } from '../../domain/kpis/kpi-period.ts';
import { addDays } from '../../domain/periods/calendar-date.ts';
import { FACT_COLUMNS, FACTS_EPOCH, MONTH_SUFFIX, MONTHLY_METRICS, type FactFamily } from '../../queries/kpis/facts/fact-family.ts';
import { invoiceFacts } from '../../queries/kpis/facts/invoice-facts.ts';
import { ledgerFacts } from '../../queries/kpis/facts/ledger-facts.ts';
import { revenueFacts } from '../../queries/kpis/facts/revenue-facts.ts';
import { timeFacts } from '../../queries/kpis/facts/time-facts.ts';
import { cashFacts } from '../../queries/kpis/facts/cash-facts.ts';

export const FACT_FAMILIES: readonly FactFamily[] = [timeFacts, revenueFacts, ledgerFacts, invoiceFacts, cashFacts];
export const DEFAULT_ROLLUP_WINDOW_DAYS = 120;

export interface RollupResult {
  firstDay: string | null;
  through: string;
  facts: number;
}

export async function rollUpKpis(options: { now: Date; windowDays?: number; full?: boolean }): Promise<RollupResult> {
  const { now, windowDays = DEFAULT_ROLLUP_WINDOW_DAYS } = options;
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new RangeError('The rollup window is a whole number of days ≥ 1');
  // Today is still happening: the facts stop at yesterday.
  const through = addDays(utcDay(now), -1);
  const client = await pgPool().connect();
  try {
    await client.query('BEGIN');
    // One rollup at a time; a second waits and then redoes the (short) rest.
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('kpi-rollup', 0))`);
    const { rows } = await client.query<{ through: string }>(`SELECT to_char(through, 'YYYY-MM-DD') AS through FROM "KpiRollup" WHERE id = 'daily'`);
    const previous = rows[0]?.through ?? null;
    const windowStart = addDays(through, -(windowDays - 1));
    const firstDay = options.full || previous === null ? FACTS_EPOCH : [addDays(previous, 1), windowStart].sort()[0]!;
    let facts = 0;
    for (const family of FACT_FAMILIES) {
      const from = family.rebuild === 'all' ? FACTS_EPOCH : firstDay;
      if (from > through) continue;
      const monthly = family.metrics.filter((m) => MONTHLY_METRICS.has(m));
      await client.query(
        `DELETE FROM "KpiDailyFact"
          WHERE (metric = ANY($1::text[]) AND day BETWEEN $2::date AND $3::date) OR (metric = ANY($4::text[]) AND day >= date_trunc('month', $2::date)::date)`,
        [[...family.metrics], from, through, monthly.map((m) => m + MONTH_SUFFIX)],
      );
      const days = await client.query(`INSERT INTO "KpiDailyFact" (id, metric, day, "legalEntityId", key, amount, hours, count, missing) SELECT gen_random_uuid(), ${FACT_COLUMNS} FROM (${family.sql}) f`, [from, through]);
      // Month sums for the months now complete, from the first month touched.
      const months = await client.query(
        `INSERT INTO "KpiDailyFact" (id, metric, day, "legalEntityId", key, amount, hours, count, missing)
         SELECT gen_random_uuid(), metric || '${MONTH_SUFFIX}', date_trunc('month', day)::date, "legalEntityId", key, sum(amount), sum(hours), sum(count), sum(missing)
           FROM "KpiDailyFact"
          WHERE metric = ANY($3::text[]) AND day >= date_trunc('month', $1::date)::date AND day < date_trunc('month', $2::date + 1)::date
          GROUP BY 2, 3, 4, 5`,
        [from, through, monthly],
      );
      facts += (days.rowCount ?? 0) + (months.rowCount ?? 0);
    }
    await client.query(
      `INSERT INTO "KpiRollup" (id, through, "refreshedAt") VALUES ('daily', $1::date, $2)
       ON CONFLICT (id) DO UPDATE SET through = GREATEST("KpiRollup".through, EXCLUDED.through), "refreshedAt" = EXCLUDED."refreshedAt"`,
      [through, now],
    );
    await client.query('COMMIT');
    return { firstDay: firstDay <= through ? firstDay : null, through, facts };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
