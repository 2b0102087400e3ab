// Invoice timeliness (docs/KPIS.md): invoices counted per eligibility day and posting day
// (the daily "timeliness" facts) — the deadline depends on the eligibility day only and ends
// at a midnight, so the posting day decides on time or late — and judged here with the
// domain's business days (addBusinessDays, the whole 2nd business day after the eligibility
// day). The late ones are listed (the first 50) by a second query only when there are any.
import { addBusinessDays, holidaySet } from '../../domain/kpis/business-days.ts';
import { DEFAULT_POSTING_BUSINESS_DAYS } from '../../domain/kpis/invoice-timeliness.ts';
import { DAY_MS } from '../../domain/kpis/kpi-period.ts';
import { ratio } from '../../domain/kpis/kpi-value.ts';
import type { KpiFigure } from '../../http/schemas/kpis.ts';
import { figure, ratioText } from './kpi-figure.ts';
import type { KpiScope } from './kpi-scope.ts';
import { invoiceFacts } from './facts/invoice-facts.ts';
import { readFacts, type FactSum } from './facts/read-facts.ts';
import { inLegalEntity, kpiRows, utcDay } from './kpi-sql.ts';

export const MAX_LATE_INVOICE_IDS = 50;

const population = `i.kind = 'INVOICE' AND i."eligibleAt" >= $1 AND i."eligibleAt" < $2 AND NOT (i."voidedAt" IS NOT NULL AND i."postedAt" IS NULL) AND ${inLegalEntity('i."legalEntityId"', 3)}`;

export interface TimelinessGroup {
  eligibleDay: string;
  postedDay: string | null;
  n: number;
}

/**
 * Judges invoices grouped by eligibility and posting day at `asOf`: on time when posted
 * before the end of the 2nd business day after the eligibility day; late when posted later,
 * or not posted and that day is over; otherwise pending. Shared with the monthly series.
 */
export function judgeTimeliness(groups: readonly TimelinessGroup[], asOf: Date, holidays: ReadonlySet<string> = holidaySet(undefined)) {
  const deadlines = new Map<string, number>();
  const deadlineOf = (day: string) => {
    let end = deadlines.get(day);
    if (end === undefined) deadlines.set(day, (end = addBusinessDays(new Date(`${day}T00:00:00Z`), DEFAULT_POSTING_BUSINESS_DAYS, holidays).getTime() + DAY_MS));
    return end;
  };
  let onTime = 0;
  let late = 0;
  let pending = 0;
  const lateDays = new Set<string>();
  for (const group of groups) {
    const deadline = deadlineOf(group.eligibleDay);
    const posted = group.postedDay === null ? null : new Date(`${group.postedDay}T00:00:00Z`).getTime();
    if (posted !== null && posted < deadline) onTime += group.n;
    else if (posted !== null || asOf.getTime() >= deadline) {
      late += group.n;
      lateDays.add(group.eligibleDay);
    } else pending += group.n;
  }
  return { onTime, late, pending, lateDays, deadlineOf };
}

/** The "timeliness" facts (count per eligibility day, keyed by posting day) as groups. */
export const timelinessGroups = (facts: readonly FactSum[]): TimelinessGroup[] =>
  facts.map((f) => ({ eligibleDay: f.day!, postedDay: f.key === '' ? null : f.key, n: f.count }));

export async function invoiceTimelinessKpi(scope: KpiScope, options: { holidays?: readonly string[] } = {}): Promise<KpiFigure> {
  const params = [scope.period.from, scope.period.to, scope.legalEntityIds];
  const facts = await readFacts(scope, { family: invoiceFacts, metrics: ['timeliness'], firstDay: scope.firstDay, lastDay: scope.lastDay, byDay: true });
  const { onTime, late, pending, lateDays, deadlineOf } = judgeTimeliness(timelinessGroups(facts), scope.asOf, holidaySet(options.holidays));

  let lateInvoiceIds: string[] = [];
  if (late > 0) {
    const days = [...lateDays];
    const rows = await kpiRows<{ id: string }>(
      `SELECT i.id::text FROM "Invoice" i JOIN unnest($4::date[], $5::timestamptz[]) AS d(day, deadline) ON ${utcDay('i."eligibleAt"')} = d.day
        WHERE ${population} AND (i."postedAt" >= d.deadline OR (i."postedAt" IS NULL AND d.deadline <= $6))
        ORDER BY i."eligibleAt", i.id LIMIT ${MAX_LATE_INVOICE_IDS}`,
      [...params, days, days.map((day) => new Date(deadlineOf(day))), scope.asOf],
    );
    lateInvoiceIds = rows.map((r) => r.id);
  }
  return figure('invoiceTimeliness', scope, {
    value: ratioText(ratio(onTime, onTime + late)),
    breakdown: { onTime, late, pending, withinBusinessDays: DEFAULT_POSTING_BUSINESS_DAYS, lateInvoiceIds, lateInvoiceIdsTruncated: late > lateInvoiceIds.length },
  });
}
