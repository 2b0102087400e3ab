// A family of KPI facts: one SQL statement that computes, for the UTC days $1..$2
// (inclusive, dates), rows of (metric, day, le, key, amount, hours, count, missing) —
// amounts in USD at each amount's own date's rate (kpi-sql.ts). The rollup job stores its
// rows in KpiDailyFact; the API reads them back, and runs the same SQL for the days the
// job has not reached yet. One statement for both, so stored and live facts cannot differ.
export interface FactFamily {
  name: string;
  metrics: readonly string[];
  sql: string;
  /**
   * "all": the rollup recomputes every day, not just the trailing window — for facts whose
   * past keeps changing (a payment reversed months later is no longer accurate) and that are
   * cheap to recompute.
   */
  rebuild?: 'window' | 'all';
}

/** The first day facts are summed from: before any document. */
export const FACTS_EPOCH = '1900-01-01';

/** The columns every family selects, in this order. */
export const FACT_COLUMNS = 'metric, day, le, key, amount, hours, count, missing';

/**
 * Metrics also summed by calendar month (a fact dated the month's first day, metric
 * "<name>@month") for the months the rollup covers completely: a quarter then reads three
 * rows per key instead of ninety. Timeliness is read by day and has none.
 */
export const MONTHLY_METRICS: ReadonlySet<string> = new Set([
  'time.cost',
  'time.worked',
  'time.billable',
  'revenue.recognized',
  'expense.approved',
  'sales',
  'ar',
  'collected',
  'below_card',
  'cash.receipts',
  'cash.accurate_receipts',
  'cash.lines',
  'cash.accurate_lines',
]);
export const MONTH_SUFFIX = '@month';
