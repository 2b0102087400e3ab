// What a lineage node says about itself, read per kind: one query per kind for all the
// graph's nodes of that kind (never one per node). Every query returns the same columns
// so one mapper serves them all: id, label, amount, currency, system, external_id, at.
// The SQL is fixed text; the only input is the $1 array of ids.
import type { EntityType } from '../../db/generated/enums.ts';

interface Columns {
  label: string;
  amount?: string;
  system?: string;
  externalId?: string;
}

const select = (from: string, c: Columns) =>
  `SELECT t.id::text AS id, ${c.label} AS label, ${c.amount ? `${c.amount}::text` : 'NULL::text'} AS amount,
    ${c.amount ? 't.currency::text' : 'NULL::text'} AS currency, ${c.system ?? 'NULL'}::text AS system,
    ${c.externalId ?? 'NULL'}::text AS external_id, t."createdAt" AS at
   FROM ${from} WHERE t.id = ANY($1::uuid[])`;

const own = { system: 't."sourceSystem"', externalId: 't."externalId"' };

/** SQL per kind; $1 is the uuid[] of that kind's node ids. Kinds not listed get a generic label. */
export const nodeQueries: Partial<Record<EntityType, string>> = {
  Client: select('"Client" t', { label: 't.name', ...own }),
  Employee: select('"Employee" t', { label: 't.name', ...own }),
  Quote: select('"Quote" t', { label: `'Quote ' || t."externalId"`, ...own }),
  QuoteVersion: select('"QuoteVersion" t JOIN "Quote" q ON q.id = t."quoteId"', { label: `'Quote ' || q."externalId" || ' v' || t.version`, amount: 't."totalValue"' }),
  QuoteLine: select('"QuoteLine" t', { label: `'Quote line ' || t."lineNo" || ': ' || t.sku`, amount: 't.amount' }),
  Contract: select('"Contract" t', { label: `'Contract ' || COALESCE(t."contractNumber", t."externalId", t.id::text)`, amount: 't."totalValue"', ...own }),
  SowVersion: select('"SowVersion" t', { label: `'SOW v' || t.version`, amount: 't."totalValue"' }),
  ChangeOrder: select('"ChangeOrder" t', { label: `'Change order ' || t."externalId" || ' v' || t.version`, amount: 't."valueDelta"', ...own }),
  Engagement: select('"Engagement" t', { label: `t.code || ' ' || t.name`, amount: 't.value' }),
  BillingPlan: select('"BillingPlan" t', { label: `'Billing plan v' || t.version || ' (' || t.model || ')'`, amount: 't."contractValue"' }),
  Milestone: select('"Milestone" t', { label: `'Milestone ' || t.ref || ' ' || t.name`, amount: 't.amount' }),
  MilestoneEvidence: select('"MilestoneEvidence" t', { label: `'Evidence ' || t.uri` }),
  TimeTransaction: select('"TimeTransaction" t JOIN "ServiceRole" r ON r.id = t."serviceRoleId"', {
    // Written-off time says so: it explains why an amount never reached an invoice.
    label: `t.hours || ' h ' || r.code || ' on ' || to_char(t."workDate", 'YYYY-MM-DD') || CASE WHEN t."timeWriteOffId" IS NOT NULL THEN ' (written off)' ELSE '' END`,
    amount: 't.amount',
    system: 't."sourceSystem"',
    externalId: `COALESCE(t."externalId", t."sourceTimesheetId" || '#' || t."entryIndex")`,
  }),
  Expense: select('"Expense" t', { label: `'Expense ' || t.category || ' ' || to_char(t."expenseDate", 'YYYY-MM-DD')`, amount: 't.amount', ...own }),
  UsageRecord: select('"UsageRecord" t', { label: `'Usage ' || t.units || ' units ' || t.period`, ...own }),
  Invoice: select('"Invoice" t', {
    label: `CASE WHEN t.kind = 'CREDIT_NOTE' THEN 'Credit note ' ELSE 'Invoice ' END || COALESCE(t.number, '(not issued)')`,
    amount: 't.total',
    ...own,
  }),
  InvoiceLine: select('"InvoiceLine" t', { label: `'Line ' || t."lineNo" || ': ' || t.description`, amount: 't.amount' }),
  InvoiceLineSource: select('"InvoiceLineSource" t', { label: `'Source ' || t.kind`, amount: 't.amount' }),
  RevenueSchedule: select('"RevenueSchedule" t', { label: `'Revenue schedule ' || t.treatment`, amount: 't."totalValue"' }),
  RevenueEntry: select('"RevenueEntry" t', { label: `'Revenue ' || lower(t.kind::text) || ' ' || t.period`, amount: 't.amount' }),
  CashReceipt: select('"CashReceipt" t', { label: `'Payment ' || t."externalId"`, amount: 't.amount', ...own }),
  CashApplication: select('"CashApplication" t', { label: `CASE WHEN t.kind = 'REVERSAL' THEN 'Reversal of a cash application' ELSE 'Cash application' END`, amount: 't.amount' }),
  Dispute: select('"Dispute" t', { label: `'Dispute: ' || t.reason`, amount: 't.amount', ...own }),
  CashRefund: select('"CashRefund" t', { label: `'Refund ' || t."externalId"`, amount: 't.amount', ...own }),
  ExternalRef: select('"ExternalRef" t', { label: `t.system || ' ' || t."externalId"`, system: 't.system', externalId: 't."externalId"' }),
};

export interface NodeRow {
  id: string;
  label: string;
  amount: string | null;
  currency: string | null;
  system: string | null;
  external_id: string | null;
  at: Date | null;
}
