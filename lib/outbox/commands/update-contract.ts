// UPDATE_CONTRACT → ERP: the contract's value and billing plan after a new SOW version
// (an approved change order or a newer accepted quote version). Carries the whole plan,
// not a delta, so a redelivery or an out-of-order delivery cannot leave the ERP half-updated.
import { z } from 'zod';
import { billingModel, commandAmount, commandCurrency, commandDate, commandHours, commandId, commandRate } from './fields.ts';

const milestone = z.object({ ref: commandId, name: z.string(), amount: commandAmount, dueDate: commandDate.nullable(), status: z.string() });

export const billingPlanTerms = z.object({
  version: z.number().int().positive(),
  model: billingModel,
  cadence: z.enum(['ON_MILESTONE', 'WEEKLY', 'MONTHLY']),
  paymentTermsDays: z.number().int().nonnegative(),
  revenueTreatment: z.string(),
  currency: commandCurrency,
  contractValue: commandAmount,
  estimatedTotalCost: commandAmount.nullable(),
  standardRateCard: z.string().nullable(),
  contractRateCard: z.string().nullable(),
  retainer: z
    .object({ monthlyFee: commandAmount, includedUnits: commandAmount, overageRate: commandRate, startMonth: commandDate, months: z.number().int().positive() })
    .nullable(),
  tax: z.object({ nexus: z.string().nullable(), exempt: z.boolean() }),
  milestones: z.array(milestone),
});

export const updateContractPayload = z.object({
  engagementId: z.uuid(),
  engagementCode: commandId,
  contractId: z.uuid(),
  correlationId: commandId,
  sowVersion: z.number().int().positive(),
  currency: commandCurrency,
  contractValue: commandAmount,
  estimatedCost: commandAmount.nullable(),
  budgetHours: commandHours.nullable(),
  billingPlan: billingPlanTerms,
  cause: z.object({
    type: z.enum(['ChangeOrder', 'QuoteVersion']),
    id: z.uuid(),
    externalId: commandId,
    version: z.number().int().positive(),
    reason: z.string().nullable(),
  }),
});

export type BillingPlanTerms = z.input<typeof billingPlanTerms>;
export type UpdateContractPayload = z.input<typeof updateContractPayload>;
