// Which time is "approved and unbilled past its cadence" (DESIGN.md §8), as one SQL condition
// over "TimeTransaction" t LEFT JOIN "BillingPlan" p: the reconciliation job groups the rows
// it matches into findings, and the write-off decision takes exactly the rows it matched as
// of the finding, so the two can never disagree. The bounds come from the domain
// (overdueTimeCutoff); the row conditions are those of the partial index that holds only
// unbilled time (TimeTransaction_unbilled_by_engagement_idx), written-off time excluded.
import { Prisma } from '../../db/client.ts';
import { addDays } from '../../domain/periods/calendar-date.ts';
import { overdueTimeCutoff } from '../../domain/reconciliation/unbilled-time-ageing.ts';

const startOfDay = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** Unbilled in the sense of every read: billable, approved, in force, on no invoice and not written off. */
export const UNBILLED_TIME = Prisma.sql`t.billable AND t."approvalStatus" = 'APPROVED' AND NOT t.superseded AND t."invoiceLineId" IS NULL AND t."timeWriteOffId" IS NULL`;

export function overdueTimeCondition(asOf: Date): Prisma.Sql {
  const asOfDay = asOf.toISOString().slice(0, 10);
  const weekly = overdueTimeCutoff('WEEKLY', asOfDay);
  const monthly = overdueTimeCutoff('MONTHLY', asOfDay);
  // "approved on or before day D" = approvedAt before D + 1 at 00:00 UTC.
  const approvedBefore = (day: string) => startOfDay(addDays(day, 1));
  const latestWorkDate = weekly.workDateOnOrBefore > monthly.workDateOnOrBefore ? weekly.workDateOnOrBefore : monthly.workDateOnOrBefore;
  return Prisma.sql`${UNBILLED_TIME}
    AND t."workDate" <= ${startOfDay(latestWorkDate)}::date
    AND COALESCE(p.model::text, 'TIME_AND_MATERIALS') = 'TIME_AND_MATERIALS'
    AND ((COALESCE(p.cadence::text, 'WEEKLY') = 'WEEKLY' AND t."workDate" <= ${startOfDay(weekly.workDateOnOrBefore)}::date
           AND (t."approvedAt" IS NULL OR t."approvedAt" < ${approvedBefore(weekly.approvedOnOrBefore)}))
      OR (p.cadence::text = 'MONTHLY' AND t."workDate" <= ${startOfDay(monthly.workDateOnOrBefore)}::date
           AND (t."approvedAt" IS NULL OR t."approvedAt" < ${approvedBefore(monthly.approvedOnOrBefore)})))`;
}
