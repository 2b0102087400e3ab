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
import { readFacts } from './facts/read-facts.ts';
import { inLegalEntity, kpiRows, utcDay } from './kpi-sql.ts';

export const MAX_LATE_INVOICE_IDS = 50;

const population = `i.kind = 'INVOICE' AND i."eligibleAt" >= $1 AND i."eligibleAt" < $2 AND NOT (i."voidedAt" IS NOT NULL AND i."postedAt" IS NULL) AND ${inLegalEntity('i."legalEntityId"', 3)}`;

export async function invoiceTimelinessKpi(scope: KpiScope, options: { holidays?: readonly string[] } = {}): Promise<KpiFigure> {
  const holidays = holidaySet(options.holidays);
  const params = [scope.period.from, scope.period.to, scope.legalEntityId];
  const facts = await readFacts(scope, { family: invoiceFacts, metrics: ['timeliness'], firstDay: scope.firstDay, lastDay: scope.lastDay, byDay: true });
  const groups = facts.map((f) => ({ eligible_day: f.day!, posted_day: f.key === '' ? null : f.key, n: f.count }));
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
    const deadline = deadlineOf(group.eligible_day);
    const posted = group.posted_day === null ? null : new Date(`${group.posted_day}T00:00:00Z`).getTime();
    if (posted !== null && posted < deadline) onTime += group.n;
    else if (posted !== null || scope.asOf.getTime() >= deadline) {
      late += group.n;
      lateDays.add(group.eligible_day);
    } else pending += group.n;
  }

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
