// The records an accepted quote version creates (DESIGN.md §4): the contract, the
// engagement shell (status SHELL until the PSA project exists), its billing plan with the
// contract and standard rate cards, its milestones, and SOW version 1 with the plan as
// it stands. Called once per quote: the caller holds the quote's lock and has checked
// that the quote is new.
import type { QuoteAcceptedData } from '../../ingest/schemas/quote-accepted.ts';
import { utcDate } from '../master-data/employee-cost-rate.ts';
import type { Tx } from '../workflow.ts';
import { loadBillingPlanSnapshot } from './billing-plan-snapshot.ts';
import { billableMilestones, DEFAULT_PAYMENT_TERMS_DAYS, planColumnsFromQuote } from './billing-plan-terms.ts';
import { syncContractRates } from './contract-rate-card.ts';
import { allocateEngagementCode } from './engagement-code.ts';
import type { ValidatedQuote } from './validate-quote.ts';

export interface CreatedEngagement {
  id: string;
  code: string;
  name: string;
  correlationId: string;
  contractId: string;
  billingPlanId: string;
  sowVersionId: string;
  milestones: { id: string; ref: string; amount: string }[];
}

export async function createEngagement(
  tx: Tx,
  options: { data: QuoteAcceptedData; checked: ValidatedQuote; quoteId: string; quoteVersionId: string; client: { id: string; name: string; paymentTermsDays: number | null }; correlationId: string },
): Promise<CreatedEngagement> {
  const { data, checked, quoteId, quoteVersionId, client, correlationId } = options;
  const acceptedAt = new Date(data.acceptedAt);
  const { figures, legalEntity } = checked;
  const code = await allocateEngagementCode(tx, legalEntity.code);
  const name = `${client.name} · ${data.quoteId}`;

  const contract = await tx.contract.create({
    data: {
      contractNumber: code.replace(/^ENG-/, 'SOW-'),
      clientId: client.id,
      legalEntityId: legalEntity.id,
      quoteId,
      currency: data.currency,
      totalValue: figures.contractValue,
      signedAt: acceptedAt,
    },
    select: { id: true },
  });
  const engagement = await tx.engagement.create({
    data: {
      code,
      name,
      correlationId,
      clientId: client.id,
      legalEntityId: legalEntity.id,
      quoteId,
      contractId: contract.id,
      currency: data.currency,
      status: 'SHELL',
      value: figures.contractValue,
      estimatedCost: data.estimatedCost ?? null,
      budgetHours: checked.budgetHours,
      quoteAcceptedAt: acceptedAt,
    },
    select: { id: true },
  });
  const contractRateCardId = await syncContractRates(tx, {
    cardId: null,
    engagementCode: code,
    currency: data.currency,
    legalEntityId: legalEntity.id,
    rates: checked.rates.contractRates,
    from: utcDate(acceptedAt),
  });
  const plan = await tx.billingPlan.create({
    data: { ...planColumnsFromQuote(data, checked), engagementId: engagement.id, contractRateCardId, paymentTermsDays: client.paymentTermsDays ?? DEFAULT_PAYMENT_TERMS_DAYS },
    select: { id: true },
  });
  const quoted = billableMilestones(data);
  const milestones = await tx.milestone.createManyAndReturn({
    data: quoted.map((m, index) => ({
      engagementId: engagement.id,
      ref: m.ref,
      name: m.name,
      sortOrder: index + 1,
      amount: m.amount,
      currency: data.currency,
      dueDate: m.dueDate ? new Date(`${m.dueDate}T00:00:00Z`) : null,
    })),
    select: { id: true, ref: true, amount: true },
  });
  const sow = await tx.sowVersion.create({
    data: {
      contractId: contract.id,
      version: 1,
      quoteVersionId,
      billingModel: data.billingModel,
      currency: data.currency,
      totalValue: figures.contractValue,
      estimatedCost: data.estimatedCost ?? null,
      budgetHours: checked.budgetHours,
      billingPlanSnapshot: await loadBillingPlanSnapshot(tx, engagement.id),
      effectiveAt: acceptedAt,
    },
    select: { id: true },
  });
  return {
    id: engagement.id,
    code,
    name,
    correlationId,
    contractId: contract.id,
    billingPlanId: plan.id,
    sowVersionId: sow.id,
    milestones: milestones.map((m) => ({ id: m.id, ref: m.ref, amount: m.amount.toString() })),
  };
}
