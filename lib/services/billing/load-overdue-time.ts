// The time behind an UNBILLED_APPROVED_TIME exception, and what writing it off would take off
// the books: the engagement's entries the reconciliation run found overdue (as of that run,
// details.reconciliation.asOf — the figure the person read), still unbilled now, priced as
// billing would have (planTimeWriteOff). The preview on the exception panel and the write-off
// itself read it through here, so what FINANCE confirms is what is written off.
import { Prisma } from '../../db/client.ts';
import type { ExceptionCode } from '../../db/generated/enums.ts';
import { planTimeWriteOff, type TimeWriteOffPlan, type WriteOffTimeEntry } from '../../domain/billing/plan-time-write-off.ts';
import { isUuid } from '../../http/is-uuid.ts';
import { overdueTimeCondition } from '../reconciliation/overdue-time-condition.ts';

export interface OverdueTime {
  engagementId: string;
  engagementCode: string;
  /** The moment the finding was judged at. */
  asOf: Date;
  entryIds: string[];
  plan: TimeWriteOffPlan;
}

type Exceptionish = { code: ExceptionCode; entityType: string; entityId: string; details: unknown };

/** The finding's moment: the run's asOf, else `fallback` (an exception raised by hand). */
export function findingAsOf(exception: Exceptionish, fallback: Date): Date {
  const details = exception.details as { reconciliation?: { asOf?: unknown } } | null;
  const asOf = typeof details?.reconciliation?.asOf === 'string' ? new Date(details.reconciliation.asOf) : null;
  return asOf && !Number.isNaN(asOf.getTime()) ? asOf : fallback;
}

/** null when the exception is not one about an engagement's unbilled time. `lock` locks the entries (the write-off). */
export async function loadOverdueTime(tx: Prisma.TransactionClient, options: { exception: Exceptionish; now: Date; lock?: boolean }): Promise<OverdueTime | null> {
  const { exception, now } = options;
  if (exception.code !== 'UNBILLED_APPROVED_TIME' || exception.entityType !== 'Engagement' || !isUuid(exception.entityId)) return null;
  const engagement = await tx.engagement.findUnique({ where: { id: exception.entityId }, select: { id: true, code: true, currency: true } });
  if (!engagement) return null;
  const asOf = findingAsOf(exception, now);
  const rows = await tx.$queryRaw<WriteOffTimeEntry[]>`
    SELECT t.id::text AS id, to_char(t."workDate", 'YYYY-MM-DD') AS "workDate", trim_scale(t.hours)::text AS hours, r.code AS role,
           trim_scale(t."rateApplied")::text AS "rateApplied", t.currency
      FROM "TimeTransaction" t
      JOIN "ServiceRole" r ON r.id = t."serviceRoleId"
      LEFT JOIN "BillingPlan" p ON p."engagementId" = t."engagementId"
     WHERE t."engagementId" = ${engagement.id}::uuid AND ${overdueTimeCondition(asOf)}
     ORDER BY t."workDate", t.id
     ${options.lock ? Prisma.sql`FOR UPDATE OF t` : Prisma.empty}`;
  const plan = planTimeWriteOff({ engagementId: engagement.id, currency: engagement.currency, entries: rows, asOf: now.toISOString().slice(0, 10) });
  return { engagementId: engagement.id, engagementCode: engagement.code, asOf, entryIds: rows.map((r) => r.id), plan };
}
