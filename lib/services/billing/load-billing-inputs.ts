// Everything the billing core needs for a batch of engagements, in a fixed number of
// queries whatever the batch size (one per kind of row): plans, unbilled approved time and
// the superseded time still to reverse, unbilled expenses, completed milestones not yet
// invoiced, retainer usage and the retainer months already billed, and the fixed-fee SKU
// each engagement's quote sold. Rows come back as the core's input shapes.
import type { Prisma } from '../../db/client.ts';
import type { ApprovalStatus, BillingModel } from '../../db/generated/enums.ts';
import type { ExpenseInput, TimeTransactionInput } from '../../domain/billing/bill-time-and-materials.ts';
import type { RetainerPlanInput, UsageRecordInput } from '../../domain/billing/bill-retainer.ts';
import type { MilestoneInput } from '../../domain/billing/is-milestone-billable.ts';
import type { IsoDate, YearMonth } from '../../domain/periods/calendar-date.ts';
import { ROLE_BILLING_SKU, type ServiceRoleCode } from '../../domain/reference/reference-data.ts';

export interface BillingEngagement {
  id: string;
  code: string;
  correlationId: string;
  clientId: string;
  legalEntityId: string;
  currency: string;
  plan: { id: string; model: BillingModel; paymentTermsDays: number; taxExempt: boolean; retainer: RetainerPlanInput | null } | null;
}

export interface EngagementBillingInputs {
  engagement: BillingEngagement;
  timeTransactions: TimeTransactionInput[];
  expenses: ExpenseInput[];
  milestones: MilestoneInput[];
  usageRecords: UsageRecordInput[];
  billedFeeMonths: YearMonth[];
}

interface TimeRow {
  id: string;
  engagementId: string;
  workDate: IsoDate;
  hours: string;
  billable: boolean;
  approvalStatus: ApprovalStatus;
  rateApplied: string | null;
  currency: string;
  superseded: boolean;
  invoiceLineId: string | null;
  reversalInvoiceLineId: string | null;
  role: string;
  sku: string | null;
}

const day = (d: Date): IsoDate => d.toISOString().slice(0, 10);

export async function loadBillingInputs(tx: Prisma.TransactionClient, options: { engagementIds: readonly string[]; asOf: IsoDate }): Promise<EngagementBillingInputs[]> {
  const ids = [...options.engagementIds];
  const through = new Date(`${options.asOf}T00:00:00Z`);
  const engagements = await tx.engagement.findMany({
    where: { id: { in: ids } },
    select: { id: true, code: true, correlationId: true, clientId: true, legalEntityId: true, currency: true, quoteId: true, billingPlan: true },
    orderBy: { id: 'asc' },
  });
  const retainerPlans = engagements.flatMap((e) => (e.billingPlan?.model === 'RETAINER_WITH_OVERAGE' ? [e.billingPlan] : []));
  const quoteIds = engagements.flatMap((e) => (e.billingPlan?.model === 'FIXED_FEE_MILESTONE' && e.quoteId ? [e.quoteId] : []));

  // One query after the other: a transaction is one connection (pg refuses overlapping queries).
  // Time is most of the rows: read as text in one SQL statement (Prisma would build a
  // Decimal and two nested objects per row). trim_scale gives the digits Prisma would.
  const time = await tx.$queryRawUnsafe<TimeRow[]>(
    `SELECT t.id::text, t."engagementId"::text AS "engagementId", to_char(t."workDate", 'YYYY-MM-DD') AS "workDate", trim_scale(t.hours)::text AS hours,
            t.billable, t."approvalStatus"::text AS "approvalStatus", trim_scale(t."rateApplied")::text AS "rateApplied", t.currency, t.superseded,
            t."invoiceLineId"::text AS "invoiceLineId", t."reversalInvoiceLineId"::text AS "reversalInvoiceLineId", r.code AS role, s.sku
       FROM "TimeTransaction" t
       JOIN "ServiceRole" r ON r.id = t."serviceRoleId"
       LEFT JOIN "RateCardLine" l ON l.id = t."rateCardLineId"
       LEFT JOIN "ServiceCatalogItem" s ON s.id = l."serviceCatalogItemId"
      WHERE t."engagementId" = ANY($1::uuid[]) AND t.billable AND t."approvalStatus" = 'APPROVED' AND t."workDate" <= $2::date
        AND ((NOT t.superseded AND t."invoiceLineId" IS NULL AND t."timeWriteOffId" IS NULL) OR (t.superseded AND t."invoiceLineId" IS NOT NULL AND t."reversalInvoiceLineId" IS NULL))`,
    ids,
    options.asOf,
  );
  const expenses = await tx.expense.findMany({ where: { engagementId: { in: ids }, billable: true, approvalStatus: 'APPROVED', invoiceLineId: null, expenseDate: { lte: through } }, include: { serviceCatalogItem: { select: { sku: true } } } });
  const milestones = await tx.milestone.findMany({ where: { engagementId: { in: ids }, invoiceLineId: null, status: { in: ['COMPLETED', 'BILLABLE'] }, completedAt: { not: null } }, include: { evidence: { select: { sha256: true, uri: true } } } });
  const usage = await tx.usageRecord.findMany({ where: { engagementId: { in: retainerPlans.map((p) => p.engagementId) } } });
  const feeSources = await tx.invoiceLineSource.findMany({ where: { billingPlanId: { in: retainerPlans.map((p) => p.id) }, kind: 'RETAINER_FEE', billingKey: { not: null } }, select: { billingPlanId: true, periodKey: true } });
  const fixedFeeLines = await tx.quoteLine.findMany({ where: { quoteVersion: { quoteId: { in: quoteIds } }, serviceCatalogItem: { kind: 'FIXED_FEE' } }, select: { sku: true, lineNo: true, quoteVersion: { select: { quoteId: true, version: true } } } });

  const group = <T extends { engagementId: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const of = map.get(row.engagementId);
      if (of) of.push(row);
      else map.set(row.engagementId, [row]);
    }
    return (id: string) => map.get(id) ?? [];
  };
  const timeOf = group(time);
  const expensesOf = group(expenses);
  const milestonesOf = group(milestones);
  const usageOf = group(usage);
  const skuOfQuote = new Map<string, string>();
  for (const line of [...fixedFeeLines].sort((a, b) => b.quoteVersion.version - a.quoteVersion.version || a.lineNo - b.lineNo)) {
    if (!skuOfQuote.has(line.quoteVersion.quoteId)) skuOfQuote.set(line.quoteVersion.quoteId, line.sku);
  }

  return engagements.map((e) => {
    const plan = e.billingPlan;
    const retainer: RetainerPlanInput | null =
      plan && plan.model === 'RETAINER_WITH_OVERAGE' && plan.retainerMonthlyFee && plan.retainerStartMonth && plan.retainerMonths
        ? {
            billingPlanId: plan.id,
            monthlyFee: plan.retainerMonthlyFee.toString(),
            includedUnits: (plan.retainerIncludedUnits ?? 0).toString(),
            overageRate: (plan.retainerOverageRate ?? 0).toString(),
            startMonth: day(plan.retainerStartMonth).slice(0, 7),
            months: plan.retainerMonths,
          }
        : null;
    const milestoneSku = e.quoteId ? (skuOfQuote.get(e.quoteId) ?? null) : null;
    return {
      engagement: {
        id: e.id,
        code: e.code,
        correlationId: e.correlationId,
        clientId: e.clientId,
        legalEntityId: e.legalEntityId,
        currency: e.currency,
        plan: plan ? { id: plan.id, model: plan.model, paymentTermsDays: plan.paymentTermsDays, taxExempt: plan.taxExempt, retainer } : null,
      },
      timeTransactions: timeOf(e.id).map((t) => ({
        id: t.id,
        workDate: t.workDate,
        hours: t.hours,
        role: t.role,
        sku: t.sku ?? ROLE_BILLING_SKU[t.role as ServiceRoleCode] ?? null,
        billable: t.billable,
        approvalStatus: t.approvalStatus,
        rateApplied: t.rateApplied,
        currency: t.currency,
        superseded: t.superseded,
        invoiceLineId: t.invoiceLineId,
        reversalInvoiceLineId: t.reversalInvoiceLineId,
      })),
      expenses: expensesOf(e.id).map((x) => ({ id: x.id, expenseDate: day(x.expenseDate), amount: x.amount.toString(), currency: x.currency, billable: x.billable, approvalStatus: x.approvalStatus, category: x.serviceCatalogItem?.sku ?? x.category, description: x.description, invoiceLineId: x.invoiceLineId })),
      milestones: milestonesOf(e.id).map((m) => ({
        id: m.id,
        ref: m.ref,
        name: m.name,
        sortOrder: m.sortOrder,
        amount: m.amount.toString(),
        currency: m.currency,
        status: m.status,
        completedOn: m.completedAt ? day(m.completedAt) : null,
        billableOn: m.billableAt ? day(m.billableAt) : null,
        approvedBy: m.approvedBy,
        evidence: m.evidence,
        invoiceLineId: m.invoiceLineId,
        sku: milestoneSku,
      })),
      usageRecords: usageOf(e.id).map((u) => ({ id: u.id, period: u.period, units: u.units.toString(), recordedAt: u.recordedAt.toISOString(), invoiceLineId: u.invoiceLineId })),
      billedFeeMonths: feeSources.filter((s) => s.billingPlanId === plan?.id && s.periodKey).map((s) => s.periodKey as string),
    };
  });
}
