// The event catalog of DESIGN.md §5: every event type Threadline accepts, the schema its
// `data` must satisfy, who normally sends it and the aggregate it concerns (the worker
// orders processing per aggregate: the CloudEvent `subject` is that aggregate's id).
import type { z } from 'zod';
import { changeOrderApprovedData } from './change-order-approved.ts';
import { clientUpdatedData } from './client-updated.ts';
import { employeeUpdatedData } from './employee-updated.ts';
import { expenseApprovedData } from './expense-approved.ts';
import { invoicePostedData } from './invoice-posted.ts';
import { milestoneCompletedData } from './milestone-completed.ts';
import { paymentDisputedData } from './payment-disputed.ts';
import { paymentReceivedData } from './payment-received.ts';
import { paymentRefundedData } from './payment-refunded.ts';
import { projectCreatedData } from './project-created.ts';
import { quoteAcceptedData } from './quote-accepted.ts';
import { timesheetApprovedData } from './timesheet-approved.ts';
import { usageRecordedData } from './usage-recorded.ts';

/** The kinds of connected system (the Prisma enum SystemKind, without THREADLINE and TAX, which send no events). */
export type SenderKind = 'CRM' | 'PSA' | 'TIME' | 'ERP' | 'HCM' | 'PAYMENTS' | 'BANK' | 'SERVICE_PLATFORM';

/** Canonical model names (the Prisma enum EntityType) of the aggregates events concern. */
export type EventAggregate =
  | 'Quote'
  | 'ChangeOrder'
  | 'Engagement'
  | 'Timesheet'
  | 'Expense'
  | 'UsageRecord'
  | 'Milestone'
  | 'Employee'
  | 'Client'
  | 'Invoice'
  | 'CashReceipt'
  | 'Dispute';

export interface EventCatalogEntry {
  schema: z.ZodType;
  description: string;
  /** The system kinds that normally send it (CRM covers CRM/CPQ). */
  senders: readonly SenderKind[];
  aggregate: EventAggregate;
}

export const eventCatalog = {
  'q2c.quote.accepted.v1': {
    schema: quoteAcceptedData,
    description: 'A quote version was accepted: creates or updates the client, the contract and the engagement shell.',
    senders: ['CRM'],
    aggregate: 'Quote',
  },
  'q2c.change_order.approved.v1': {
    schema: changeOrderApprovedData,
    description: 'A change order was approved: deltas on value, cost estimate, budget hours and milestones.',
    senders: ['CRM', 'PSA'],
    aggregate: 'ChangeOrder',
  },
  'q2c.project.created.v1': {
    schema: projectCreatedData,
    description: 'The PSA created the project of an engagement: records its id and activates the engagement.',
    senders: ['PSA'],
    aggregate: 'Engagement',
  },
  'q2c.timesheet.approved.v1': {
    schema: timesheetApprovedData,
    description: 'A timesheet was approved; a later sequence replaces its entries.',
    senders: ['PSA', 'TIME'],
    aggregate: 'Timesheet',
  },
  'q2c.expense.approved.v1': {
    schema: expenseApprovedData,
    description: 'An expense on an engagement was approved.',
    senders: ['PSA'],
    aggregate: 'Expense',
  },
  'q2c.usage.recorded.v1': {
    schema: usageRecordedData,
    description: 'Units consumed under a retainer in a month.',
    senders: ['SERVICE_PLATFORM'],
    aggregate: 'UsageRecord',
  },
  'q2c.milestone.completed.v1': {
    schema: milestoneCompletedData,
    description: 'A fixed-fee milestone was completed, with its approval and evidence when known.',
    senders: ['PSA'],
    aggregate: 'Milestone',
  },
  'q2c.employee.updated.v1': {
    schema: employeeUpdatedData,
    description: 'An employee record and cost rate changed in the HCM.',
    senders: ['HCM'],
    aggregate: 'Employee',
  },
  'q2c.client.updated.v1': {
    schema: clientUpdatedData,
    description: 'Fields of a client changed in the CRM or ERP; ownership rules decide which apply.',
    senders: ['CRM', 'ERP'],
    aggregate: 'Client',
  },
  'q2c.invoice.posted.v1': {
    schema: invoicePostedData,
    description: 'The ERP posted an invoice Threadline issued and gave it its number.',
    senders: ['ERP'],
    aggregate: 'Invoice',
  },
  'q2c.payment.received.v1': {
    schema: paymentReceivedData,
    description: 'A payment arrived through the gateway or the bank, with remittance when sent.',
    senders: ['PAYMENTS', 'BANK'],
    aggregate: 'CashReceipt',
  },
  'q2c.payment.disputed.v1': {
    schema: paymentDisputedData,
    description: 'A payer disputed a payment or an invoice.',
    senders: ['PAYMENTS'],
    aggregate: 'Dispute',
  },
  'q2c.payment.refunded.v1': {
    schema: paymentRefundedData,
    description: "Money of a payment went back to the payer: it leaves the receipt's unapplied cash first, then its applications, whose invoices reopen.",
    senders: ['PAYMENTS', 'BANK'],
    aggregate: 'CashReceipt',
  },
} as const satisfies Record<string, EventCatalogEntry>;

export type EventType = keyof typeof eventCatalog;

/** The validated (normalised) `data` of an event type. */
export type EventData<T extends EventType> = z.output<(typeof eventCatalog)[T]['schema']>;

/** The `data` of an event type as a sender writes it (amounts may be numbers, …). */
export type EventDataInput<T extends EventType> = z.input<(typeof eventCatalog)[T]['schema']>;

export const eventTypes = Object.keys(eventCatalog) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventCatalog, type);
}
