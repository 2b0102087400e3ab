// How each billing model is billed and recognised (DESIGN.md §6): fixed fee on milestone
// with cost-to-cost percentage of completion; T&M weekly (ISO week) as time is approved;
// retainer monthly in advance, fee ratably (overage: usage, when it occurs). Pure: the
// BillingPlan columns an accepted quote version sets.
import type { BillingCadence, BillingModel, RevenueTreatment } from '../../db/generated/enums.ts';
import type { QuoteAcceptedData } from '../../ingest/schemas/quote-accepted.ts';
import type { ValidatedQuote } from './validate-quote.ts';

export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

export const MODEL_TERMS = {
  FIXED_FEE_MILESTONE: { cadence: 'ON_MILESTONE', revenueTreatment: 'PERCENT_COMPLETE' },
  TIME_AND_MATERIALS: { cadence: 'WEEKLY', revenueTreatment: 'AS_DELIVERED' },
  RETAINER_WITH_OVERAGE: { cadence: 'MONTHLY', revenueTreatment: 'RATABLE' },
} as const satisfies Record<BillingModel, { cadence: BillingCadence; revenueTreatment: RevenueTreatment }>;

export function planColumnsFromQuote(data: QuoteAcceptedData, checked: ValidatedQuote) {
  const retainer = data.billingModel === 'RETAINER_WITH_OVERAGE' ? (data.retainer ?? null) : null;
  return {
    model: data.billingModel,
    ...MODEL_TERMS[data.billingModel],
    currency: data.currency,
    contractValue: checked.figures.contractValue,
    estimatedTotalCost: data.estimatedCost ?? null,
    standardRateCardId: checked.rates.standardRateCard?.id ?? null,
    retainerMonthlyFee: retainer?.monthlyFee ?? null,
    retainerIncludedUnits: retainer?.includedUnits ?? null,
    retainerOverageRate: retainer?.overageRate ?? null,
    retainerStartMonth: retainer ? new Date(`${retainer.startMonth}-01T00:00:00Z`) : null,
    retainerMonths: retainer?.months ?? null,
    taxNexus: data.taxProfile.nexus,
    taxExempt: data.taxProfile.exempt,
  };
}

/** Milestones are billing events only for fixed fee; other models keep them on the quote version. */
export function billableMilestones(data: QuoteAcceptedData) {
  return data.billingModel === 'FIXED_FEE_MILESTONE' ? (data.milestones ?? []) : [];
}
