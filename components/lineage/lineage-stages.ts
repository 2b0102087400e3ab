// The stages a thread moves through, left to right in the lineage graph (DESIGN.md §9):
// quote versions → contract → project → time and milestones → invoices → cash → revenue.
// Each canonical kind belongs to one stage; kinds not named sit with the project.
import type { LineageNode } from '@/lib/http/schemas/lineage';

export const lineageStages = [
  { key: 'quote', label: 'Quote', kinds: ['Client', 'Quote', 'QuoteVersion', 'QuoteLine'] },
  { key: 'contract', label: 'Contract', kinds: ['Contract', 'SowVersion', 'ChangeOrder'] },
  { key: 'project', label: 'Project', kinds: ['Engagement', 'BillingPlan', 'ExternalRef', 'ResourceAssignment', 'Employee'] },
  { key: 'delivery', label: 'Time & milestones', kinds: ['Timesheet', 'TimeTransaction', 'Milestone', 'MilestoneEvidence', 'Expense', 'UsageRecord'] },
  { key: 'invoices', label: 'Invoices', kinds: ['InvoiceLineSource', 'InvoiceLine', 'Invoice'] },
  { key: 'cash', label: 'Payments', kinds: ['CashReceipt', 'CashApplication', 'Dispute'] },
  { key: 'revenue', label: 'Revenue', kinds: ['RevenueSchedule', 'RevenueEntry'] },
] as const;

export type StageKey = (typeof lineageStages)[number]['key'];
type Kind = LineageNode['kind'];

const stageOfKind = new Map<string, number>(lineageStages.flatMap((stage, index) => stage.kinds.map((kind) => [kind, index] as const)));
const PROJECT = lineageStages.findIndex((s) => s.key === 'project');

export function stageIndexOf(kind: Kind): number {
  return stageOfKind.get(kind) ?? PROJECT;
}

/** A kind's place inside its stage (its order in the stage's list; unknown kinds last). */
export function kindOrder(kind: Kind): number {
  const stage = lineageStages[stageIndexOf(kind)]!;
  const index = (stage.kinds as readonly string[]).indexOf(kind);
  return index === -1 ? stage.kinds.length : index;
}

const kindNames: Partial<Record<Kind, [string, string]>> = {
  QuoteVersion: ['quote version', 'quote versions'],
  QuoteLine: ['quote line', 'quote lines'],
  SowVersion: ['SOW version', 'SOW versions'],
  ChangeOrder: ['change order', 'change orders'],
  BillingPlan: ['billing plan', 'billing plans'],
  ExternalRef: ['external id', 'external ids'],
  Timesheet: ['timesheet', 'timesheets'],
  TimeTransaction: ['time entry', 'time entries'],
  MilestoneEvidence: ['evidence document', 'evidence documents'],
  UsageRecord: ['usage record', 'usage records'],
  InvoiceLineSource: ['invoice line source', 'invoice line sources'],
  InvoiceLine: ['invoice line', 'invoice lines'],
  CashReceipt: ['payment', 'payments'],
  CashApplication: ['cash application', 'cash applications'],
  RevenueSchedule: ['revenue schedule', 'revenue schedules'],
  RevenueEntry: ['revenue entry', 'revenue entries'],
};

/** "412 time entries", "1 invoice". */
export function countOfKind(kind: Kind, count: number): string {
  const [one, many] = kindNames[kind] ?? [kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), `${kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}s`];
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** "Time entry", "Invoice line": the kind as a label. */
export function kindLabel(kind: Kind): string {
  const [one] = kindNames[kind] ?? [kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()];
  return one.charAt(0).toUpperCase() + one.slice(1);
}
