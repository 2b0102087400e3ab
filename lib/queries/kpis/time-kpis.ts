// Unbilled approved time and unapproved time (docs/KPIS.md), from TimeTransaction summed in
// SQL per currency and work date (at most a few thousand groups whatever the table's size)
// and converted there; the ageing buckets are the domain's (ageBucket, whole UTC days at
// asOf). The 31+ day part is also revenue leakage's "approved time never billed".
import { AGE_BUCKETS, ageBucket, type AgeBucketLabel } from '../../domain/kpis/unbilled-time.ts';
import { DEFAULT_LEAKAGE_GRACE_DAYS } from '../../domain/kpis/revenue-leakage.ts';
import { calendarDaysBetween } from '../../domain/kpis/kpi-period.ts';
import { roundGroup } from '../../domain/kpis/group-currency-conversion.ts';
import { ZERO, dec, type Decimal } from '../../domain/money/decimal.ts';
import type { KpiFigure } from '../../http/schemas/kpis.ts';
import { figure, hoursText, moneyIn } from './kpi-figure.ts';
import type { KpiScope } from './kpi-scope.ts';
import { fxJoin, fxMissing, inUsd, kpiRows, usdRates } from './kpi-sql.ts';

interface DayRow {
  day: string;
  entries: number;
  hours: string;
  usd: string | null;
  missing: number;
}

// The engagement is joined only to filter by legal entity: without one, the unbilled rows are
// read from their partial index alone (TimeTransaction_unbilled_idx).
const byDay = (where: string, legalEntityParam: number | null) => `
  WITH src AS (
    SELECT t.currency, t."workDate" AS day, count(*)::int AS entries, sum(t.hours) AS hours, sum(coalesce(t.amount, 0)) AS amount
      FROM "TimeTransaction" t ${legalEntityParam === null ? '' : `JOIN "Engagement" e ON e.id = t."engagementId" AND e."legalEntityId" = ANY($${legalEntityParam}::uuid[])`}
     WHERE ${where}
     GROUP BY 1, 2
  ), ${usdRates('src')}
  SELECT to_char(src.day, 'YYYY-MM-DD') AS day, sum(src.entries)::int AS entries, sum(src.hours)::text AS hours, sum(${inUsd('src', 'src.amount')})::text AS usd, ${fxMissing('src')} AS missing
    FROM src ${fxJoin('src')} GROUP BY src.day`;

interface Totals {
  entries: number;
  hours: Decimal;
  usd: Decimal;
}
const empty = (): Totals => ({ entries: 0, hours: ZERO, usd: ZERO });
const add = (t: Totals, r: DayRow) => ({ entries: t.entries + r.entries, hours: t.hours.plus(dec(r.hours)), usd: t.usd.plus(dec(r.usd ?? 0)) });

export interface TimeKpis {
  figures: KpiFigure[];
  /** Unbilled approved time older than the leakage grace: revenue leakage's first component. */
  neverBilled: { rows: number; usd: Decimal; missing: number };
}

export async function timeKpis(scope: KpiScope): Promise<TimeKpis> {
  const { asOf, legalEntityIds: le } = scope;
  const [unbilled, unapproved] = await Promise.all([
    kpiRows<DayRow>(byDay(`t.billable AND t."approvalStatus" = 'APPROVED' AND NOT t.superseded AND t."invoiceLineId" IS NULL AND t."timeWriteOffId" IS NULL AND t."workDate"::timestamp < ($1::timestamptz AT TIME ZONE 'UTC')`, le ? 2 : null), le ? [asOf, le] : [asOf]),
    kpiRows<DayRow>(byDay(`t."approvalStatus" = 'SUBMITTED' AND NOT t.superseded`, le ? 1 : null), le ? [le] : []),
  ]);

  const buckets = new Map<AgeBucketLabel, Totals>(AGE_BUCKETS.map((b) => [b.label, empty()]));
  let neverBilled = empty();
  const ageOf = (row: DayRow) => calendarDaysBetween(new Date(`${row.day}T00:00:00Z`), asOf);
  for (const row of unbilled) {
    const age = ageOf(row);
    buckets.set(ageBucket(age), add(buckets.get(ageBucket(age))!, row));
    if (age > DEFAULT_LEAKAGE_GRACE_DAYS) neverBilled = add(neverBilled, row);
  }
  // Each bucket is rounded, and the total is the sum of the rounded buckets (they add up).
  const list = [...buckets.entries()].map(([label, t]) => ({ label, entries: t.entries, hours: hoursText(t.hours), amount: moneyIn(scope, roundGroup(t.usd)) }));
  const total = [...buckets.values()].reduce((s, t) => ({ entries: s.entries + t.entries, hours: s.hours.plus(t.hours), usd: s.usd.plus(roundGroup(t.usd)) }), empty());
  const waiting = unapproved.reduce(add, empty());
  const missing = (rows: DayRow[]) => rows.reduce((n, r) => n + r.missing, 0);

  return {
    figures: [
      figure('unbilledApprovedTime', scope, {
        value: moneyIn(scope, total.usd),
        breakdown: { amount: moneyIn(scope, total.usd), hours: hoursText(total.hours), entries: total.entries, buckets: list },
        fxMissing: missing(unbilled),
      }),
      figure('unapprovedTime', scope, {
        value: hoursText(waiting.hours),
        breakdown: { hours: hoursText(waiting.hours), amount: moneyIn(scope, roundGroup(waiting.usd)), entries: waiting.entries },
        fxMissing: missing(unapproved),
        money: true,
      }),
    ],
    neverBilled: { rows: neverBilled.entries, usd: neverBilled.usd, missing: unbilled.filter((r) => ageOf(r) > DEFAULT_LEAKAGE_GRACE_DAYS).reduce((n, r) => n + r.missing, 0) },
  };
}
