// The time behind the dashboard's time figures (docs/KPIS.md "rows"), oldest work first,
// keyset-paged: unbilled approved time at asOf (optionally one age bucket, or "over-30" —
// revenue leakage's approved time never billed), unapproved (submitted) time, and approved
// time worked in the period (utilization). Scoped by the engagement's legal entities.
import { AGE_BUCKETS, type AgeBucketLabel } from '../../../domain/kpis/unbilled-time.ts';
import { DEFAULT_LEAKAGE_GRACE_DAYS } from '../../../domain/kpis/revenue-leakage.ts';
import { AppError } from '../../../errors.ts';
import { decodeCursor, encodeCursor } from '../../exceptions/exception-cursor.ts';
import type { KpiScope } from '../kpi-scope.ts';
import { inLegalEntity, kpiRows } from '../kpi-sql.ts';

export const TIME_ROW_VIEWS = ['unbilled', 'unapproved', 'approved'] as const;
export type TimeRowView = (typeof TIME_ROW_VIEWS)[number];
export const OVER_GRACE = 'over-30';
export type TimeAge = AgeBucketLabel | typeof OVER_GRACE;

export const TIME_ROWS_PAGE = 50;
const ORDER = 'kpi-time';
const cursorColumns = [{ kind: 'date', nullable: false }, { kind: 'uuid', nullable: false }] as const;

export interface KpiTimeRow {
  id: string;
  workDate: string;
  engagementCode: string;
  legalEntityCode: string;
  employeeName: string;
  role: string;
  hours: string;
  amount: string | null;
  currency: string;
  approvalStatus: string;
  ageDays: number;
}

/** [min, max] whole days of age for a bucket (max null: no upper bound). */
function ageRange(age: TimeAge): [number, number | null] {
  if (age === OVER_GRACE) return [DEFAULT_LEAKAGE_GRACE_DAYS + 1, null];
  const index = AGE_BUCKETS.findIndex((b) => b.label === age);
  const min = index === 0 ? 0 : AGE_BUCKETS[index - 1]!.maxDays + 1;
  const max = AGE_BUCKETS[index]!.maxDays;
  return [min, Number.isFinite(max) ? max : null];
}

export function isTimeAge(text: string): text is TimeAge {
  return text === OVER_GRACE || AGE_BUCKETS.some((b) => b.label === text);
}

export async function listKpiTimeRows(options: { scope: KpiScope; view: TimeRowView; age?: TimeAge; cursor?: string; limit?: number }): Promise<{ items: KpiTimeRow[]; nextCursor: string | null }> {
  const { scope, view } = options;
  const limit = options.limit ?? TIME_ROWS_PAGE;
  if (options.age && view !== 'unbilled') throw new AppError('VALIDATION_FAILED', 'Only unbilled time has an age.', { details: { errors: [{ parameter: 'age', message: 'Only unbilled time has an age.' }] } });
  // $1 asOf, $2 legal entities; each further parameter is added where it is used (an unused one has no type).
  const params: unknown[] = [scope.asOf, scope.legalEntityIds];
  const param = (value: unknown) => `$${params.push(value)}`;
  const asOfDay = `($1::timestamptz AT TIME ZONE 'UTC')::date`;
  const where = [inLegalEntity('e."legalEntityId"', 2), 'NOT t.superseded'];
  if (view === 'unbilled') where.push(`t.billable AND t."approvalStatus" = 'APPROVED' AND t."invoiceLineId" IS NULL AND t."timeWriteOffId" IS NULL AND t."workDate"::timestamp < ($1::timestamptz AT TIME ZONE 'UTC')`);
  if (view === 'unapproved') where.push(`t."approvalStatus" = 'SUBMITTED'`);
  if (view === 'approved') {
    where.push(`t."approvalStatus" = 'APPROVED' AND t."workDate" >= (${param(scope.period.from)}::timestamptz AT TIME ZONE 'UTC')::date AND t."workDate" < (${param(scope.period.to)}::timestamptz AT TIME ZONE 'UTC')::date`);
  }
  if (options.age) {
    const [min, max] = ageRange(options.age);
    where.push(`t."workDate" <= ${asOfDay} - ${param(min)}::int`);
    if (max !== null) where.push(`t."workDate" >= ${asOfDay} - ${param(max)}::int`);
  }
  if (options.cursor) {
    const [date, id] = decodeCursor(options.cursor, ORDER, cursorColumns);
    where.push(`(t."workDate", t.id) > (${param(String(date).slice(0, 10))}::date, ${param(id)}::uuid)`);
  }
  params.push(limit + 1);
  const rows = await kpiRows<KpiTimeRow>(
    `SELECT t.id::text, to_char(t."workDate", 'YYYY-MM-DD') AS "workDate", e.code AS "engagementCode", le.code AS "legalEntityCode", emp.name AS "employeeName",
            r.name AS role, t.hours::text AS hours, t.amount::text AS amount, t.currency, t."approvalStatus"::text AS "approvalStatus",
            (${asOfDay} - t."workDate")::int AS "ageDays"
       FROM "TimeTransaction" t
       JOIN "Engagement" e ON e.id = t."engagementId"
       JOIN "LegalEntity" le ON le.id = e."legalEntityId"
       JOIN "Employee" emp ON emp.id = t."employeeId"
       JOIN "ServiceRole" r ON r.id = t."serviceRoleId"
      WHERE ${where.join(' AND ')}
      ORDER BY t."workDate", t.id
      LIMIT $${params.length}`,
    params,
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(ORDER, [`${last.workDate}T00:00:00.000Z`, last.id]) : null };
}

/** Which KPIs are figures of time, and which of its rows each one counts. */
export const TIME_ROWS_OF_KPI: Readonly<Partial<Record<string, { view: TimeRowView; age?: TimeAge }>>> = {
  unbilledApprovedTime: { view: 'unbilled' },
  unapprovedTime: { view: 'unapproved' },
  revenueLeakage: { view: 'unbilled', age: OVER_GRACE },
  utilization: { view: 'approved' },
};
