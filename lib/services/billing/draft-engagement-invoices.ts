// Which invoices an engagement has due by asOf, by its billing model (DESIGN.md §6): T&M
// per ISO week (time, reversals of superseded invoiced time, expenses); fixed fee per
// billable milestone; retainer per month (fee in advance, overage in arrears). Expenses on
// fixed-fee and retainer engagements are billed weekly like T&M expenses. What cannot be
// billed yet comes back as `held`, with the reason, for the run summary and the queue.
import { billMilestones } from '../../domain/billing/bill-milestones.ts';
import { billRetainer } from '../../domain/billing/bill-retainer.ts';
import { billTimeAndMaterials } from '../../domain/billing/bill-time-and-materials.ts';
import type { FxLookup } from '../../domain/billing/convert-currency.ts';
import type { HeldSource, InvoiceDraft } from '../../domain/billing/invoice-draft.ts';
import type { IsoDate } from '../../domain/periods/calendar-date.ts';
import type { BillingEngagement, EngagementBillingInputs } from './load-billing-inputs.ts';

export interface BillingHeld {
  engagementId: string;
  engagementCode: string;
  invoiceId?: string;
  sourceKind?: string;
  sourceId?: string;
  /** An exception code (RATE_CARD_MISSING, TAX_ENGINE_UNAVAILABLE …) or a state (MISSING_APPROVAL, NO_OPEN_PERIOD …). */
  code: string;
  message: string;
}

export interface EngagementDraft {
  engagement: BillingEngagement;
  draft: InvoiceDraft;
}

export interface EngagementDrafting {
  drafts: EngagementDraft[];
  held: BillingHeld[];
  /** Sources the core could not price or convert: each raises its exception. */
  heldSources: (HeldSource & { engagement: BillingEngagement })[];
}

export function draftEngagementInvoices(inputs: EngagementBillingInputs, options: { asOf: IsoDate; fx: FxLookup }): EngagementDrafting {
  const { engagement } = inputs;
  const { asOf, fx } = options;
  const model = engagement.plan?.model ?? 'TIME_AND_MATERIALS';
  const common = { engagementId: engagement.id, currency: engagement.currency, asOf };
  const drafts: InvoiceDraft[] = [];
  const held: BillingHeld[] = [];
  const heldSources: HeldSource[] = [];
  const tag = { engagementId: engagement.id, engagementCode: engagement.code };

  // Time is billed by the hour only on T&M; on the other models it is cost, not billing.
  const timeAndExpenses = billTimeAndMaterials({ ...common, timeTransactions: model === 'TIME_AND_MATERIALS' ? inputs.timeTransactions : [], expenses: inputs.expenses, fx });
  drafts.push(...timeAndExpenses.invoices);
  heldSources.push(...timeAndExpenses.held);

  if (model === 'FIXED_FEE_MILESTONE') {
    const billing = billMilestones({ ...common, milestones: inputs.milestones });
    if (billing.invoice) drafts.push(billing.invoice);
    heldSources.push(...billing.held);
    for (const m of billing.notBillable) {
      held.push({ ...tag, sourceKind: 'MILESTONE', sourceId: m.milestoneId, code: m.reason, message: `Milestone ${m.ref} is completed but not billable: ${m.reasons.join(', ')}` });
    }
  }
  if (model === 'RETAINER_WITH_OVERAGE') {
    const plan = engagement.plan?.retainer;
    if (!plan) {
      held.push({ ...tag, code: 'RETAINER_TERMS_MISSING', message: `${engagement.code} is a retainer without its fee, start month and term on the billing plan` });
    } else {
      const billing = billRetainer({ ...common, plan, billedFeeMonths: inputs.billedFeeMonths, usageRecords: inputs.usageRecords });
      drafts.push(...billing.invoices);
      for (const id of billing.outOfTermUsageRecordIds.filter((id) => inputs.usageRecords.some((u) => u.id === id && u.invoiceLineId === null))) {
        held.push({ ...tag, sourceKind: 'USAGE_RECORD', sourceId: id, code: 'USAGE_OUT_OF_TERM', message: 'Usage recorded for a month outside the retainer term is not billed' });
      }
    }
  }
  for (const source of heldSources) held.push({ ...tag, sourceKind: source.sourceKind, sourceId: source.sourceId, code: source.code, message: source.message });
  return { drafts: drafts.map((draft) => ({ engagement, draft })), held, heldSources: heldSources.map((s) => ({ ...s, engagement })) };
}
