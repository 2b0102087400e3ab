// Schemas of the lineage API: GET /api/v1/lineage/{correlationId} (the graph of an
// engagement thread, DESIGN.md §9) and GET /api/v1/invoices/{id}/explanation (why an
// invoice is what it is, down to the timesheets and events behind it).
import { z } from 'zod';
import { EntityType, InvoiceKind, InvoiceStatus, LineageRelation } from '../../db/generated/enums.ts';
import { currencyCode, dateTime, decimalString, moneyString } from './response-fields.ts';

export const lineageParamsSchema = z.object({ correlationId: z.string().trim().min(1).max(200) });

export const lineageEventSchema = z.object({
  id: z.uuid().describe("Threadline's inbox id (GET /api/v1/events/{id})."),
  eventId: z.string().describe('The CloudEvent id given by the sender.'),
  source: z.string(),
  type: z.string(),
  subject: z.string().nullable(),
  receivedAt: dateTime,
});

export const lineageNodeSchema = z.object({
  id: z.string().describe('Unique in the graph: the entity id (prefixed "<kind>:" only if two kinds share an id).'),
  kind: z.enum(EntityType).describe('Canonical model name.'),
  entityId: z.string().describe('The row id, or the external id for nodes that are not rows (Timesheet).'),
  label: z.string(),
  amount: moneyString.optional(),
  currency: currencyCode.optional(),
  system: z.string().optional().describe('The connected system it came from or is known in (connector code).'),
  externalId: z.string().optional().describe('Its id in that system.'),
  eventId: z.uuid().optional().describe('The inbox event that created it; details in `events`.'),
  at: dateTime.optional().describe('When the row was created, for the timeline.'),
});

export const lineageEdgeSchema = z.object({
  from: z.string().describe('Upstream node id (cause or source).'),
  to: z.string().describe('Downstream node id (result).'),
  relation: z.enum(LineageRelation),
  amount: moneyString.optional().describe('Money that flowed along the edge.'),
  currency: currencyCode.optional(),
  eventId: z.uuid().optional(),
});

export const lineageGraphSchema = z.object({
  correlationId: z.string(),
  nodes: z.array(lineageNodeSchema),
  edges: z.array(lineageEdgeSchema),
  events: z.array(lineageEventSchema).describe('The events nodes and edges refer to by eventId.'),
  truncated: z.boolean().describe('True when the thread has more links than one answer carries.'),
});

export type LineageNode = z.output<typeof lineageNodeSchema>;
export type LineageEdge = z.output<typeof lineageEdgeSchema>;
export type LineageEvent = z.output<typeof lineageEventSchema>;
export type LineageGraph = z.output<typeof lineageGraphSchema>;

export interface ExplanationNode {
  id: string;
  kind: EntityType;
  label: string;
  amount?: string;
  currency?: string;
  detail?: string;
  system?: string;
  externalId?: string;
  eventId?: string;
  children: ExplanationNode[];
}

export const explanationNodeSchema: z.ZodType<ExplanationNode> = z
  .object({
  id: z.string(),
  kind: z.enum(EntityType),
  label: z.string(),
  amount: decimalString.optional().describe('Invoice, lines and tax: rounded money. Sources and what they bill: exact, unrounded.'),
  currency: currencyCode.optional(),
  detail: z.string().optional().describe('How the amount is made, e.g. "7.5 h × 120.00 = 900.00".'),
  system: z.string().optional(),
  externalId: z.string().optional(),
  eventId: z.uuid().optional(),
  get children() {
    return z.array(explanationNodeSchema);
  },
  })
  .describe('A node of an explanation: Invoice → lines and tax → sources → time, milestones, usage, expenses, retainer months → timesheets.');

export const invoiceExplanationSchema = z.object({
  invoice: z.object({
    id: z.uuid(),
    kind: z.enum(InvoiceKind),
    number: z.string().nullable(),
    status: z.enum(InvoiceStatus),
    currency: currencyCode,
    subtotal: moneyString,
    tax: moneyString,
    total: moneyString,
  }),
  summary: z.string().describe('The answer in one sentence.'),
  // The invoice's children add up to its total; each line is its sources rounded half-up.
  tree: explanationNodeSchema,
  events: z.array(lineageEventSchema),
});

export type InvoiceExplanation = z.output<typeof invoiceExplanationSchema>;
