// q2c.quote.accepted.v1 — the CRM/CPQ's accepted quote version: the client, billing model
// and priced lines an engagement is created from. Shape only: SKUs, roles, legal entity
// and rate-card codes are checked by the workflow against reference data, and "milestones
// sum to the contract value" is a business exception (MILESTONE_VALUE_MISMATCH), not a schema error.
import { z } from 'zod';
import {
  amount,
  currencyCode,
  identifier,
  isoDate,
  nonEmptyText,
  oneOf,
  optional,
  positiveInteger,
  quantity,
  rate,
  requireUniqueKeys,
  text,
  timestamp,
  yearMonth,
} from './fields.ts';

export const billingModels = ['FIXED_FEE_MILESTONE', 'TIME_AND_MATERIALS', 'RETAINER_WITH_OVERAGE'] as const;

export const quotedMilestone = z.looseObject({
  ref: identifier,
  name: nonEmptyText,
  amount: amount({ positive: true }),
  dueDate: optional(isoDate),
});

const quoteLine = z.looseObject({
  sku: identifier,
  description: text,
  quantity: quantity({ positive: true }),
  unitPrice: rate(),
  // For T&M, a line with a role is the contract's hourly rate for it. Which roles exist is the rate cards' business.
  role: optional(identifier),
});

const retainer = z.looseObject({
  monthlyFee: amount({ positive: true }),
  includedUnits: quantity({ min: '0' }),
  overageRate: rate(),
  startMonth: yearMonth,
  months: positiveInteger({ max: 1200 }),
});

export const quoteAcceptedData = z
  .looseObject({
    quoteId: identifier,
    quoteVersion: positiveInteger(),
    client: z.looseObject({
      externalId: identifier,
      name: nonEmptyText,
      parentExternalId: optional(identifier),
      legalEntityCode: identifier,
    }),
    currency: currencyCode,
    billingModel: oneOf(billingModels),
    lines: z.array(quoteLine).min(1, 'A quote has at least one line.'),
    milestones: optional(z.array(quotedMilestone)),
    retainer: optional(retainer),
    rateCardCode: optional(identifier),
    estimatedCost: optional(amount({ min: '0' })),
    taxProfile: z.looseObject({ nexus: identifier, exempt: z.boolean() }),
    acceptedAt: timestamp,
  })
  .superRefine((quote, ctx) => {
    if (quote.billingModel === 'FIXED_FEE_MILESTONE' && !quote.milestones?.length) {
      ctx.addIssue({ code: 'custom', path: ['milestones'], message: 'A FIXED_FEE_MILESTONE quote needs at least one milestone.', input: quote.milestones });
    }
    if (quote.billingModel === 'RETAINER_WITH_OVERAGE' && !quote.retainer) {
      ctx.addIssue({ code: 'custom', path: ['retainer'], message: 'A RETAINER_WITH_OVERAGE quote needs its retainer terms.', input: quote.retainer });
    }
    if (quote.milestones) requireUniqueKeys(quote.milestones, 'ref', ctx, ['milestones']);
  });

export type QuoteAcceptedData = z.output<typeof quoteAcceptedData>;
