// Reads a family's facts for the UTC days firstDay..lastDay, summed by metric (and key, and
// day when asked): what the rollup job stored for the days it reached (KpiRollup.through),
// plus the same family's SQL run live for the days after — normally today alone, so a
// figure is as fresh as the data and costs a handful of rows. Scope: the legal entity.
import { addDays, addMonths, firstDayOfMonth, lastDayOfMonth, yearMonthOf, type IsoDate } from '../../../domain/periods/calendar-date.ts';
import { dec, type Decimal } from '../../../domain/money/decimal.ts';
import type { KpiScope } from '../kpi-scope.ts';
import { kpiRows } from '../kpi-sql.ts';
import { MONTH_SUFFIX, MONTHLY_METRICS, type FactFamily } from './fact-family.ts';

export interface FactSum {
  metric: string;
  key: string;
  /** Only when read by day. */
  day: IsoDate | null;
  amount: Decimal;
  hours: Decimal;
  count: number;
  missing: number;
}

interface Row {
  metric: string;
  key: string;
  day: string | null;
  amount: string;
  hours: string;
  count: number;
  missing: number;
}

export interface FactQuery {
  family: FactFamily;
  metrics?: readonly string[];
  firstDay: IsoDate;
  lastDay: IsoDate;
  byDay?: boolean;
}

// Several KPIs read the same facts (DSO and billed-and-collected the period's sales; margin
// and utilization the period's time): one read per request and question.
const asked = new WeakMap<KpiScope, Map<string, Promise<FactSum[]>>>();

export function readFacts(scope: KpiScope, options: FactQuery): Promise<FactSum[]> {
  const memo = asked.get(scope) ?? asked.set(scope, new Map()).get(scope)!;
  const id = JSON.stringify([options.family.name, options.metrics ?? null, options.firstDay, options.lastDay, options.byDay ?? false]);
  const found = memo.get(id);
  if (found) return found;
  const read = loadFacts(scope, options);
  memo.set(id, read);
  return read;
}

// The days after the rollup are computed once per request and family, by day and key, and
// each read takes what it asks for (the receivable and the period's sales share today's ledger).
const computed = new WeakMap<KpiScope, Map<string, Promise<Row[]>>>();

function liveRows(scope: KpiScope, family: FactFamily, firstDay: IsoDate, lastDay: IsoDate): Promise<Row[]> {
  const memo = computed.get(scope) ?? computed.set(scope, new Map()).get(scope)!;
  const id = `${family.name}:${firstDay}:${lastDay}`;
  const found = memo.get(id);
  if (found) return found;
  const rows = kpiRows<Row>(
    `WITH f AS (${family.sql})
     SELECT metric, key, to_char(day, 'YYYY-MM-DD') AS day, sum(amount)::text AS amount, sum(hours)::text AS hours, sum(count)::int AS count, sum(missing)::int AS missing
       FROM f WHERE $3::uuid[] IS NULL OR le = ANY($3::uuid[]) GROUP BY 1, 2, 3`,
    [firstDay, lastDay, scope.legalEntityIds],
  );
  memo.set(id, rows);
  return rows;
}

async function loadFacts(scope: KpiScope, options: FactQuery): Promise<FactSum[]> {
  if (options.firstDay > options.lastDay) return [];
  const metrics = [...(options.metrics ?? options.family.metrics)];
  const day = options.byDay ? `to_char(day, 'YYYY-MM-DD')` : 'NULL::text';
  const columns = (metric: string) => `${metric} AS metric, key, ${day} AS day, sum(amount)::text AS amount, sum(hours)::text AS hours, sum(count)::int AS count, sum(missing)::int AS missing`;
  const groupBy = options.byDay ? 'GROUP BY 1, 2, 3' : 'GROUP BY 1, 2';

  const params: unknown[] = [scope.legalEntityIds];
  const branches = storedBranches(scope, options, params);
  const reads: Promise<Row[]>[] = [];
  if (branches.length) {
    reads.push(kpiRows<Row>(`SELECT ${columns(`split_part(metric, '@', 1)`)} FROM (${branches.join(' UNION ALL ')}) f WHERE ($1::uuid[] IS NULL OR "legalEntityId" = ANY($1::uuid[])) ${groupBy}`, params));
  }
  const live = liveDays(scope, options);
  if (live) {
    const wanted = new Set(metrics);
    reads.push(
      liveRows(scope, options.family, live.first, live.last).then((rows) =>
        rows.filter((r) => wanted.has(r.metric)).map((r) => ({ ...r, day: options.byDay ? r.day : null })),
      ),
    );
  }
  const merged = new Map<string, FactSum>();
  for (const row of (await Promise.all(reads)).flat()) {
    const id = `${row.metric}\u0000${row.key}\u0000${row.day ?? ''}`;
    const sum = merged.get(id);
    // Most keys come from one read only: parse once, add only when stored and live days meet.
    if (!sum) merged.set(id, { metric: row.metric, key: row.key, day: row.day, amount: dec(row.amount), hours: dec(row.hours), count: row.count, missing: row.missing });
    else merged.set(id, { ...sum, amount: sum.amount.plus(dec(row.amount)), hours: sum.hours.plus(dec(row.hours)), count: sum.count + row.count, missing: sum.missing + row.missing });
  }
  return [...merged.values()];
}

/**
 * The SQL of the stored facts' day and month ranges for the query (its metrics, un-suffixed
 * by split_part(metric, '@', 1) in the caller), each `SELECT * FROM "KpiDailyFact"` over one
 * index range; their parameters are pushed onto `params`. None when the rollup has not
 * reached the first day.
 */
export function storedBranches(scope: KpiScope, options: FactQuery, params: unknown[]): string[] {
  const { firstDay, lastDay } = options;
  const metrics = [...(options.metrics ?? options.family.metrics)];
  const through = scope.rolledThrough;
  if (through === null || through < firstDay || firstDay > lastDay) return [];
  const storedLast = through < lastDay ? through : lastDay;
  // Whole months inside the stored range are read from their month sums, the days around
  // them from day facts: each a plain range of the (metric, day, …) index.
  const monthly = !options.byDay && metrics.every((m) => MONTHLY_METRICS.has(m));
  const months = monthly ? completeMonths(firstDay, storedLast) : null;
  const ranges: [string[], IsoDate, IsoDate][] = months
    ? [
        [metrics, firstDay, addDays(months.first, -1)],
        [metrics.map((m) => m + MONTH_SUFFIX), months.first, months.last],
        [metrics, addDays(months.last, 1), storedLast],
      ]
    : [[metrics, firstDay, storedLast]];
  return ranges
    .filter(([, from, to]) => from <= to)
    .map(([names, from, to]) => {
      params.push(names, from, to);
      const n = params.length;
      return `SELECT * FROM "KpiDailyFact" WHERE metric = ANY($${n - 2}::text[]) AND day BETWEEN $${n - 1}::date AND $${n}::date`;
    });
}

/** The days of the query after the rollup's reach (normally today alone); null when none. */
function liveDays(scope: KpiScope, options: FactQuery): { first: IsoDate; last: IsoDate } | null {
  const through = scope.rolledThrough;
  const first = through !== null && through >= options.firstDay ? addDays(through, 1) : options.firstDay;
  return first <= options.lastDay ? { first, last: options.lastDay } : null;
}

/**
 * The query's facts as SQL, for loaders that sum them in PostgreSQL rather than read every
 * key: a subquery of (metric, key, amount, hours, count, missing) rows — the stored facts of
 * the scope's legal entity plus the live days' rows (computed once per request and family,
 * as readFacts does, and passed back as one JSON parameter). Parameters go onto `params`.
 * `byMonth` adds a `month` column ('YYYY-MM', UTC) for the monthly trend series: a month's
 * stored sum is dated its first day, so the month of any fact is the month of its day.
 */
export async function factsSql(scope: KpiScope, options: FactQuery, params: unknown[], shape: { byMonth?: boolean } = {}): Promise<string> {
  const metrics = [...(options.metrics ?? options.family.metrics)];
  const live = liveDays(scope, options);
  const liveFacts = live ? (await liveRows(scope, options.family, live.first, live.last)).filter((r) => metrics.includes(r.metric)) : [];
  params.push(scope.legalEntityIds);
  const le = params.length;
  const stored = storedBranches(scope, options, params);
  // Without stored facts the legal entity is not asked for: an unused parameter has no type.
  if (stored.length === 0) params.pop();
  const month = shape.byMonth ? `, to_char(day, 'YYYY-MM') AS month` : '';
  const branches = stored.map(
    (branch) => `SELECT split_part(metric, '@', 1) AS metric, key, amount, hours, count, missing${month} FROM (${branch}) s WHERE $${le}::uuid[] IS NULL OR "legalEntityId" = ANY($${le}::uuid[])`,
  );
  params.push(JSON.stringify(liveFacts.map(({ day, ...row }) => (shape.byMonth ? { ...row, month: day!.slice(0, 7) } : row))));
  const liveMonth = shape.byMonth ? ', month' : '';
  const liveColumns = shape.byMonth ? ', month text' : '';
  branches.push(`SELECT metric, key, amount, hours, count, missing${liveMonth} FROM jsonb_to_recordset($${params.length}::jsonb) AS l(metric text, key text, amount numeric, hours numeric, count int, missing int${liveColumns})`);
  return `(${branches.join(' UNION ALL ')})`;
}

/** The first and last day of the calendar months lying wholly within first..last; null when none. */
function completeMonths(first: IsoDate, last: IsoDate): { first: IsoDate; last: IsoDate } | null {
  const start = first === firstDayOfMonth(yearMonthOf(first)) ? first : firstDayOfMonth(addMonths(yearMonthOf(first), 1));
  const end = last === lastDayOfMonth(yearMonthOf(last)) ? last : lastDayOfMonth(addMonths(yearMonthOf(last), -1));
  return start <= end ? { first: start, last: end } : null;
}
