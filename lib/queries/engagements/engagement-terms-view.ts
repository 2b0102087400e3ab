// The commercial terms on an engagement's detail: billing plan, milestones and change
// orders with their before/after, mapped to the API's shapes.
import type { Prisma } from '../../db/client.ts';
import type { EngagementDetail } from '../../http/schemas/engagements.ts';
import { exactOrNull, hoursOrNull, isoDate, isoDateTime, money, moneyOrNull } from '../shared/decimal-fields.ts';

export const engagementTermsSelect = {
  billingPlan: { include: { standardRateCard: { select: { code: true } }, contractRateCard: { select: { code: true } } } },
  milestones: { orderBy: [{ sortOrder: 'asc' }, { ref: 'asc' }], include: { _count: { select: { evidence: true } } } },
  changeOrders: { orderBy: [{ approvedAt: 'asc' }, { version: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.EngagementSelect;

type TermsRow = Prisma.EngagementGetPayload<{ select: typeof engagementTermsSelect }>;
type Touched = EngagementDetail['changeOrders'][number]['touched'];

export function toBillingPlanView(plan: TermsRow['billingPlan']): EngagementDetail['billingPlan'] {
  if (!plan) return null;
  const c = plan.currency;
  const isRetainer = plan.model === 'RETAINER_WITH_OVERAGE';
  return {
    id: plan.id,
    version: plan.version,
    model: plan.model,
    cadence: plan.cadence,
    paymentTermsDays: plan.paymentTermsDays,
    revenueTreatment: plan.revenueTreatment,
    currency: c,
    contractValue: money(plan.contractValue, c),
    estimatedTotalCost: moneyOrNull(plan.estimatedTotalCost, c),
    standardRateCardCode: plan.standardRateCard?.code ?? null,
    contractRateCardCode: plan.contractRateCard?.code ?? null,
    retainer: isRetainer
      ? {
          monthlyFee: moneyOrNull(plan.retainerMonthlyFee, c),
          includedUnits: exactOrNull(plan.retainerIncludedUnits),
          overageRate: exactOrNull(plan.retainerOverageRate),
          startMonth: plan.retainerStartMonth ? isoDate(plan.retainerStartMonth).slice(0, 7) : null,
          months: plan.retainerMonths,
        }
      : null,
    taxNexus: plan.taxNexus,
    taxExempt: plan.taxExempt,
    billedThrough: isoDate(plan.billedThrough),
  };
}

export function toMilestoneViews(milestones: TermsRow['milestones']): EngagementDetail['milestones'] {
  return milestones.map((m) => ({
    id: m.id,
    ref: m.ref,
    name: m.name,
    amount: money(m.amount, m.currency),
    currency: m.currency,
    dueDate: isoDate(m.dueDate),
    status: m.status,
    completedAt: isoDateTime(m.completedAt),
    approvedAt: isoDateTime(m.approvedAt),
    approvedBy: m.approvedBy,
    billableAt: isoDateTime(m.billableAt),
    evidenceCount: m._count.evidence,
    invoiceLineId: m.invoiceLineId,
  }));
}

export function toChangeOrderViews(changeOrders: TermsRow['changeOrders'], touched: ReadonlyMap<string, Touched>): EngagementDetail['changeOrders'] {
  return changeOrders.map((co) => {
    const c = co.currency;
    return {
      id: co.id,
      sourceSystem: co.sourceSystem,
      externalId: co.externalId,
      version: co.version,
      status: co.status,
      approvedAt: isoDateTime(co.approvedAt),
      reason: co.reason,
      currency: c,
      delta: { value: money(co.valueDelta, c), estimatedCost: money(co.estimatedCostDelta, c), budgetHours: hoursOrNull(co.budgetHoursDelta)! },
      before: { value: money(co.valueBefore, c), estimatedCost: moneyOrNull(co.estimatedCostBefore, c), budgetHours: hoursOrNull(co.budgetHoursBefore), billingPlan: co.billingPlanBefore },
      after: { value: money(co.valueAfter, c), estimatedCost: moneyOrNull(co.estimatedCostAfter, c), budgetHours: hoursOrNull(co.budgetHoursAfter), billingPlan: co.billingPlanAfter },
      milestoneChanges: co.milestoneChanges ?? null,
      touched: touched.get(co.id) ?? [],
    };
  });
}
