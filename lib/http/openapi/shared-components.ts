// Schemas used inside several answers, named once in the document so each use is a $ref
// (and so a recursive one, ExplanationNode, can refer to itself).
import { billingPlanSchema, engagementSummarySchema } from '../schemas/engagements.ts';
import { exceptionSchema } from '../schemas/exception-responses.ts';
import { inboxEventSchema } from '../schemas/inbox-responses.ts';
import { invoiceLineSchema, invoiceLineSourceSchema, invoiceSchema } from '../schemas/invoices.ts';
import { explanationNodeSchema, lineageEdgeSchema, lineageEventSchema, lineageNodeSchema } from '../schemas/lineage.ts';
import type { NamedSchema } from './operation.ts';

export const answerComponents: NamedSchema[] = [
  { name: 'EngagementSummary', schema: engagementSummarySchema },
  { name: 'BillingPlan', schema: billingPlanSchema },
  { name: 'Invoice', schema: invoiceSchema },
  { name: 'InvoiceLine', schema: invoiceLineSchema },
  { name: 'InvoiceLineSource', schema: invoiceLineSourceSchema },
  { name: 'LineageNode', schema: lineageNodeSchema },
  { name: 'LineageEdge', schema: lineageEdgeSchema },
  { name: 'LineageEvent', schema: lineageEventSchema },
  { name: 'ExplanationNode', schema: explanationNodeSchema },
  { name: 'Exception', schema: exceptionSchema },
  { name: 'InboxEvent', schema: inboxEventSchema },
];
