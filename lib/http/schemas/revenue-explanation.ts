// Schema of GET /api/v1/revenue/entries/{id}/explanation: why a revenue entry is what it
// is — the cost-to-cost measurement of a fixed fee, the time or expense a T&M entry
// recognises, the retainer month's fee or its overage usage — with the events behind them.
import { z } from 'zod';
import { RevenueEntryKind, RevenueTreatment } from '../../db/generated/enums.ts';
import { explanationNodeSchema, lineageEventSchema } from './lineage.ts';
import { currencyCode, moneyString } from './response-fields.ts';

export const revenueEntryIdParamsSchema = z.object({ id: z.uuid() });

export const revenueExplanationSchema = z.object({
  entry: z.object({
    id: z.uuid(),
    kind: z.enum(RevenueEntryKind),
    treatment: z.enum(RevenueTreatment),
    period: z.string().describe('The accounting period it was posted into, YYYY-MM.'),
    currency: currencyCode,
    amount: moneyString,
    cumulativeAmount: moneyString.describe("The schedule's recognised total after this entry."),
    engagementId: z.uuid(),
    engagementCode: z.string(),
    correlationId: z.string(),
  }),
  summary: z.string().describe('The answer in one sentence.'),
  tree: explanationNodeSchema,
  events: z.array(lineageEventSchema),
});

export type RevenueExplanation = z.output<typeof revenueExplanationSchema>;
