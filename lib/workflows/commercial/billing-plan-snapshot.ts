// The billing plan of an engagement as one JSON-safe document: its terms, rate cards and
// milestones. Stored on each SowVersion and as a change order's before/after, and sent
// to the ERP with UPDATE_CONTRACT — one shape everywhere, checked by its zod schema.
import type { BillingPlanTerms } from '../../outbox/commands/update-contract.ts';
import type { Tx } from '../workflow.ts';

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const text = (value: { toString(): string } | null) => (value === null ? null : value.toString());

export async function loadBillingPlanSnapshot(tx: Tx, engagementId: string): Promise<BillingPlanTerms> {
  const plan = await tx.billingPlan.findUniqueOrThrow({
    where: { engagementId },
    include: { standardRateCard: { select: { code: true } }, contractRateCard: { select: { code: true } } },
  });
  const milestones = await tx.milestone.findMany({ where: { engagementId }, orderBy: [{ sortOrder: 'asc' }, { ref: 'asc' }] });
  const retainer =
    plan.retainerMonthlyFee && plan.retainerIncludedUnits && plan.retainerOverageRate && plan.retainerStartMonth && plan.retainerMonths
      ? {
          monthlyFee: plan.retainerMonthlyFee.toString(),
          includedUnits: plan.retainerIncludedUnits.toString(),
          overageRate: plan.retainerOverageRate.toString(),
          startMonth: day(plan.retainerStartMonth)!,
          months: plan.retainerMonths,
        }
      : null;
  return {
    version: plan.version,
    model: plan.model,
    cadence: plan.cadence,
    paymentTermsDays: plan.paymentTermsDays,
    revenueTreatment: plan.revenueTreatment,
    currency: plan.currency,
    contractValue: plan.contractValue.toString(),
    estimatedTotalCost: text(plan.estimatedTotalCost),
    standardRateCard: plan.standardRateCard?.code ?? null,
    contractRateCard: plan.contractRateCard?.code ?? null,
    retainer,
    tax: { nexus: plan.taxNexus, exempt: plan.taxExempt },
    milestones: milestones.map((m) => ({ ref: m.ref, name: m.name, amount: m.amount.toString(), dueDate: day(m.dueDate), status: m.status })),
  };
}
