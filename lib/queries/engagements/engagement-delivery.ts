// What was delivered on one engagement, for its detail page: time by role (approved,
// billable, unbilled, written off, pending approval; amount and cost), the evidence behind each
// milestone, and the actual cost to date (time at cost + approved expenses) for the margin.
// Sums are exact in SQL (numeric, read as text); amounts in other currencies than the
// engagement's are counted apart, never added unconverted.
import { db, Prisma } from '../../db/client.ts';
import { dec } from '../../domain/money/decimal.ts';
import { isoDateTime, money } from '../shared/decimal-fields.ts';

export interface TimeByRole {
  role: string;
  hours: string;
  billableHours: string;
  unbilledHours: string;
  submittedHours: string;
  amount: string;
  unbilledAmount: string;
  /** Approved time FINANCE wrote off (never billed): hours and amount at its rate. */
  writtenOffHours: string;
  writtenOffAmount: string;
}

export interface MilestoneEvidenceView {
  milestoneId: string;
  uri: string;
  sha256: string;
  attachedAt: string;
  bySystem: boolean;
}

export interface EngagementDelivery {
  time: TimeByRole[];
  evidence: MilestoneEvidenceView[];
  /** Time at cost + approved expenses, in the engagement currency only. */
  actualCost: string;
  /** Cost or expense rows in another currency, left out of actualCost. */
  costInOtherCurrencies: number;
}

type TimeRow = { role: string; hours: string; billable: string; unbilled: string; writtenOff: string; submitted: string; amount: string | null; unbilledAmount: string | null; writtenOffAmount: string | null };

export async function engagementDelivery(options: { id: string; currency: string }): Promise<EngagementDelivery> {
  const { id, currency } = options;
  const [time, evidence, cost] = await Promise.all([
    db().$queryRaw<TimeRow[]>(Prisma.sql`
      SELECT r.code AS role,
        COALESCE(SUM(t.hours) FILTER (WHERE t."approvalStatus" = 'APPROVED'), 0)::text AS hours,
        COALESCE(SUM(t.hours) FILTER (WHERE t."approvalStatus" = 'APPROVED' AND t.billable), 0)::text AS billable,
        COALESCE(SUM(t.hours) FILTER (WHERE t."approvalStatus" = 'APPROVED' AND t.billable AND t."invoiceLineId" IS NULL AND t."timeWriteOffId" IS NULL), 0)::text AS unbilled,
        COALESCE(SUM(t.hours) FILTER (WHERE t."timeWriteOffId" IS NOT NULL), 0)::text AS "writtenOff",
        COALESCE(SUM(t.hours) FILTER (WHERE t."approvalStatus" = 'SUBMITTED'), 0)::text AS submitted,
        SUM(t.amount) FILTER (WHERE t."approvalStatus" = 'APPROVED' AND t.billable)::text AS amount,
        SUM(t.amount) FILTER (WHERE t."approvalStatus" = 'APPROVED' AND t.billable AND t."invoiceLineId" IS NULL AND t."timeWriteOffId" IS NULL)::text AS "unbilledAmount",
        SUM(t.amount) FILTER (WHERE t."timeWriteOffId" IS NOT NULL)::text AS "writtenOffAmount"
      FROM "TimeTransaction" t JOIN "ServiceRole" r ON r.id = t."serviceRoleId"
      WHERE t."engagementId" = ${id}::uuid AND NOT t.superseded
      GROUP BY r.code ORDER BY r.code`),
    db().milestoneEvidence.findMany({ where: { milestone: { engagementId: id } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 500 }),
    db().$queryRaw<{ cost: string | null; foreign: number }[]>(Prisma.sql`
      SELECT (COALESCE((SELECT SUM(t.cost) FROM "TimeTransaction" t WHERE t."engagementId" = ${id}::uuid AND NOT t.superseded AND t."approvalStatus" = 'APPROVED' AND t."costCurrency" = ${currency}), 0)
            + COALESCE((SELECT SUM(x.amount) FROM "Expense" x WHERE x."engagementId" = ${id}::uuid AND x."approvalStatus" = 'APPROVED' AND x.currency = ${currency}), 0))::text AS cost,
             ((SELECT COUNT(*) FROM "TimeTransaction" t WHERE t."engagementId" = ${id}::uuid AND NOT t.superseded AND t."approvalStatus" = 'APPROVED' AND t.cost IS NOT NULL AND t."costCurrency" <> ${currency})
            + (SELECT COUNT(*) FROM "Expense" x WHERE x."engagementId" = ${id}::uuid AND x."approvalStatus" = 'APPROVED' AND x.currency <> ${currency}))::int AS foreign`),
  ]);
  return {
    time: time.map((t) => ({
      role: t.role,
      hours: dec(t.hours).toFixed(2),
      billableHours: dec(t.billable).toFixed(2),
      unbilledHours: dec(t.unbilled).toFixed(2),
      submittedHours: dec(t.submitted).toFixed(2),
      amount: money(t.amount ?? '0', currency),
      unbilledAmount: money(t.unbilledAmount ?? '0', currency),
      writtenOffHours: dec(t.writtenOff).toFixed(2),
      writtenOffAmount: money(t.writtenOffAmount ?? '0', currency),
    })),
    evidence: evidence.map((e) => ({ milestoneId: e.milestoneId, uri: e.uri, sha256: e.sha256, attachedAt: isoDateTime(e.createdAt), bySystem: e.eventId !== null })),
    actualCost: money(cost[0]?.cost ?? '0', currency),
    costInOtherCurrencies: cost[0]?.foreign ?? 0,
  };
}
