// A newer version of an already accepted quote (DESIGN.md §6 "contract version"): the new
// version is the engagement's new baseline. It may not move the engagement to another
// legal entity, currency, client or billing model (those are new engagements); within
// that, it amends the engagement like a change order — new QuoteVersion (the previous one
// SUPERSEDED), contract rates from its acceptance date, milestones re-planned, a new SOW
// version and UPDATE_CONTRACT. Approved change orders stay in force on top of it, and
// milestones a change order touched are left to change orders.
import type { BillingModel, QuoteStatus } from '../../db/generated/enums.ts';
import { compareDecimalStrings } from '../../domain/money/decimal-string.ts';
import { writeAudit } from '../../services/audit/write-audit.ts';
import { linkLineage } from '../../services/lineage/link-lineage.ts';
import { utcDate } from '../master-data/employee-cost-rate.ts';
import type { WorkflowOutcome } from '../workflow.ts';
import { amendEngagement } from './amend-engagement.ts';
import { billableMilestones, planColumnsFromQuote } from './billing-plan-terms.ts';
import { approvedChangeOrderTotals, onTop } from './change-order-totals.ts';
import { syncContractRates } from './contract-rate-card.ts';
import { createQuoteVersion } from './create-quote-version.ts';
import { loadMilestones, lockEngagement } from './engagement-milestones.ts';
import { planMilestoneChanges } from './milestone-changes.ts';
import { quoteHold } from './quote-hold.ts';
import type { QuoteStep } from './quote-step.ts';
import type { ValidatedQuote } from './validate-quote.ts';

export interface ExistingQuote {
  id: string;
  legalEntityId: string;
  currency: string;
  clientId: string;
  engagementId: string;
  versions: { id: string; version: number; status: QuoteStatus; billingModel: BillingModel }[];
}

export async function reviseQuote(step: QuoteStep, checked: ValidatedQuote, existing: ExistingQuote): Promise<WorkflowOutcome> {
  const { tx, data, sender, event, now, target } = step;
  const previous = existing.versions[0]!;
  if (checked.legalEntity.id !== existing.legalEntityId) throw quoteHold(target, 'INVALID_LEGAL_ENTITY', `a revision cannot move the engagement to legal entity ${checked.legalEntity.code}`);
  if (data.currency !== existing.currency) throw quoteHold(target, 'CURRENCY_MISMATCH', `a revision cannot change the contract currency from ${existing.currency} to ${data.currency}`);
  if (checked.client.id !== existing.clientId) throw quoteHold(target, 'CLIENT_NOT_MASTERED', `a revision cannot move the engagement to client ${data.client.externalId}`);
  if (data.billingModel !== previous.billingModel) {
    throw quoteHold(target, 'QUOTE_CONTRACT_VALUE_MISMATCH', `a revision cannot change the billing model from ${previous.billingModel} to ${data.billingModel}`);
  }

  await lockEngagement(tx, existing.engagementId);
  const engagement = await tx.engagement.findUniqueOrThrow({ where: { id: existing.engagementId }, include: { billingPlan: { select: { contractRateCardId: true } } } });
  const changeOrders = await approvedChangeOrderTotals(tx, engagement.id);
  const value = onTop(checked.figures.contractValue, changeOrders.value, null)!;
  const figures = {
    value,
    estimatedCost: onTop(data.estimatedCost, changeOrders.estimatedCost, engagement.estimatedCost?.toString() ?? null),
    budgetHours: onTop(checked.budgetHours, changeOrders.budgetHours, engagement.budgetHours?.toString() ?? null),
  };

  const current = await loadMilestones(tx, engagement.id);
  const quoted = billableMilestones(data);
  const quotedRefs = new Set(quoted.map((m) => m.ref));
  const planned = planMilestoneChanges({
    current,
    added: quoted.map((m) => ({ ref: m.ref, name: m.name, amount: m.amount, dueDate: m.dueDate ?? null })),
    cancelRefs: current.filter((m) => !quotedRefs.has(m.ref) && !m.changeOrderId).map((m) => m.ref),
  });
  if (!planned.ok) throw quoteHold(target, planned.code, planned.problem, { refs: planned.refs });
  if (data.billingModel === 'FIXED_FEE_MILESTONE' && compareDecimalStrings(planned.plan.activeTotal, value) !== 0) {
    throw quoteHold(target, 'MILESTONE_VALUE_MISMATCH', `milestones would sum to ${planned.plan.activeTotal}, the contract (with change orders) to ${value}`, { milestonesTotal: planned.plan.activeTotal, contractValue: value });
  }

  const version = await createQuoteVersion(tx, { quoteId: existing.id, data, checked });
  const acceptedAt = new Date(data.acceptedAt);
  const contractRateCardId = await syncContractRates(tx, {
    cardId: engagement.billingPlan?.contractRateCardId ?? null,
    engagementCode: engagement.code,
    currency: data.currency,
    legalEntityId: existing.legalEntityId,
    rates: checked.rates.contractRates,
    from: utcDate(acceptedAt),
  });
  const { standardRateCardId, retainerMonthlyFee, retainerIncludedUnits, retainerOverageRate, retainerStartMonth, retainerMonths, taxNexus, taxExempt } = planColumnsFromQuote(data, checked);
  const audit = { actor: sender.actor, eventId: event.inboxEventId, at: now };
  const amended = await amendEngagement(tx, {
    engagementId: engagement.id,
    cause: { type: 'QuoteVersion', id: version.id, externalId: data.quoteId, version: data.quoteVersion, reason: null },
    figures,
    planColumns: { standardRateCardId, contractRateCardId, retainerMonthlyFee, retainerIncludedUnits, retainerOverageRate, retainerStartMonth, retainerMonths, taxNexus, taxExempt },
    milestones: planned.plan,
    effectiveAt: acceptedAt,
    erp: checked.targets.erp,
    audit,
  });

  const correlationId = engagement.correlationId;
  await writeAudit(tx, {
    ...audit,
    correlationId,
    entityType: 'Quote',
    entityId: existing.id,
    action: 'quote.revised',
    before: { version: previous.version, quoteVersionId: previous.id },
    after: { version: data.quoteVersion, quoteVersionId: version.id, contractValue: checked.figures.contractValue, sowVersion: amended.sowVersion.version },
  });
  const common = { eventId: event.inboxEventId, correlationId };
  await linkLineage(tx, [
    { ...common, from: { type: 'Quote', id: existing.id }, to: { type: 'QuoteVersion', id: version.id }, relation: 'HAS_VERSION' },
    ...version.supersededIds.map((id) => ({ ...common, from: { type: 'QuoteVersion' as const, id: version.id }, to: { type: 'QuoteVersion' as const, id }, relation: 'SUPERSEDES' as const })),
  ]);
  return {
    status: 'applied',
    note: `Quote ${data.quoteId} v${data.quoteVersion} supersedes v${previous.version}: ${engagement.code} value ${amended.figuresBefore.value} → ${value} ${data.currency}, SOW version ${amended.sowVersion.version}.`,
  };
}
