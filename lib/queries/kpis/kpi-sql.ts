// The SQL the KPI loaders share. Sums are pushed into PostgreSQL and money is converted to
// USD there, exactly (numeric): rows are grouped by currency and UTC day first, each
// (currency, day) gets its rate from FxRate by the group-currency rules (the day's rate
// or the latest earlier one; the later day wins; on the same day the direct X→USD quote
// wins over USD→X, which is inverted), and only then summed. An amount without a rate is
// left out of the sum and counted, so the answer can say so. Each query runs on its own
// connection of the KPI pool (kpi-pool.ts), so the loaders run in parallel.
import { kpiPool } from './kpi-pool.ts';

export async function kpiRows<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
  const { rows } = await kpiPool().query(sql, [...params]);
  return rows as T[];
}

/** The UTC calendar day of a timestamptz column. */
export const utcDay = (column: string) => `(${column} AT TIME ZONE 'UTC')::date`;

/** `<column>` is one of the legal entities $n asks for ($n null: every entity). */
export const inLegalEntity = (column: string, n: number) => `($${n}::uuid[] IS NULL OR ${column} = ANY($${n}::uuid[]))`;

/**
 * CTEs fx_days and fx over `source` (a CTE with a currency column and the date column whose rate applies).
 * The inverse quote's 'USD' is a subquery on purpose: with the literal, the planner expects almost
 * no USD→X rows and scans the whole FxRate table once per (currency, day) — hundreds of times a
 * statement — instead of one descent of its (base, quote, rateDate) index as the direct quote does.
 */
export function usdRates(source: string, dayColumn = 'day'): string {
  return `
  fx_days AS (SELECT DISTINCT currency, ${dayColumn} AS day FROM ${source} WHERE currency <> 'USD'),
  fx AS (
    SELECT d.currency, d.day,
           CASE WHEN dir."rateDate" IS NOT NULL AND (inv."rateDate" IS NULL OR dir."rateDate" >= inv."rateDate") THEN dir.rate
                WHEN inv."rateDate" IS NOT NULL THEN 1::numeric(60, 40) / inv.rate END AS rate
      FROM fx_days d
      LEFT JOIN LATERAL (SELECT f."rateDate", f.rate FROM "FxRate" f WHERE f."baseCurrency" = d.currency AND f."quoteCurrency" = 'USD' AND f."rateDate" <= d.day AND f.rate > 0 ORDER BY f."rateDate" DESC LIMIT 1) dir ON true
      LEFT JOIN LATERAL (SELECT f."rateDate", f.rate FROM "FxRate" f WHERE f."baseCurrency" = (SELECT 'USD'::char(3)) AND f."quoteCurrency" = d.currency AND f."rateDate" <= d.day AND f.rate > 0 ORDER BY f."rateDate" DESC LIMIT 1) inv ON true
  )`;
}

/** Joins fx to `alias` (which has currency and the date column whose rate applies). */
export const fxJoin = (alias: string, dayColumn = 'day') => `LEFT JOIN fx ON fx.currency = ${alias}.currency AND fx.day = ${alias}.${dayColumn}`;

/** A timestamptz column within the UTC days $first..$last (sargable: compares the column itself). */
export const withinDays = (column: string, first: number, last: number) =>
  `${column} >= ($${first}::date::timestamp AT TIME ZONE 'UTC') AND ${column} < (($${last}::date + 1)::timestamp AT TIME ZONE 'UTC')`;

/** `amount` of `alias` in USD; NULL without a rate (so SUM leaves it out). */
export const inUsd = (alias: string, amount: string) => `CASE WHEN ${alias}.currency = 'USD' THEN ${amount} ELSE ${amount} * fx.rate END`;

/** How many amounts of `alias` had no rate. */
export const fxMissing = (alias: string) => `count(*) FILTER (WHERE ${alias}.currency <> 'USD' AND fx.rate IS NULL)::int`;
