// How an invoice leaves the server, with its lines and each line's sources. Lines and
// sources of a whole page are read in one batched query (never one per invoice).
import { db, type Prisma } from '../../db/client.ts';
import type { InvoiceLineSourceView, InvoiceLineView, InvoiceView } from '../../http/schemas/invoices.ts';
import { exactDecimal, exactOrNull, isoDate, isoDateTime, money, unroundedMoney } from '../shared/decimal-fields.ts';

export const invoiceSelect = {
  id: true,
  kind: true,
  number: true,
  status: true,
  currency: true,
  correlationId: true,
  issueDate: true,
  dueDate: true,
  billingPeriodKey: true,
  servicePeriodStart: true,
  servicePeriodEnd: true,
  subtotal: true,
  taxTotal: true,
  total: true,
  amountApplied: true,
  amountCredited: true,
  balanceDue: true,
  issuedAt: true,
  postedAt: true,
  paidAt: true,
  voidedAt: true,
  voidReason: true,
  erpInvoiceId: true,
  erpInvoiceNumber: true,
  originalInvoiceId: true,
  creditNoteReason: true,
  createdAt: true,
  engagement: { select: { id: true, code: true } },
  client: { select: { id: true, name: true } },
  legalEntity: { select: { id: true, code: true } },
} satisfies Prisma.InvoiceSelect;

export type InvoiceRow = Prisma.InvoiceGetPayload<{ select: typeof invoiceSelect }>;

const lineInclude = {
  serviceCatalogItem: { select: { sku: true } },
  serviceRole: { select: { code: true } },
  taxCode: { select: { code: true } },
  sources: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.InvoiceLineInclude;

type LineRow = Prisma.InvoiceLineGetPayload<{ include: typeof lineInclude }>;
type SourceRow = LineRow['sources'][number];

/** The invoices with their lines and sources, in the order given. */
export async function withLines(rows: readonly InvoiceRow[]): Promise<InvoiceView[]> {
  if (rows.length === 0) return [];
  const lines = await db().invoiceLine.findMany({ where: { invoiceId: { in: rows.map((r) => r.id) } }, orderBy: [{ invoiceId: 'asc' }, { lineNo: 'asc' }], include: lineInclude });
  const byInvoice = new Map<string, InvoiceLineView[]>();
  for (const line of lines) {
    const views = byInvoice.get(line.invoiceId);
    if (views) views.push(toLineView(line));
    else byInvoice.set(line.invoiceId, [toLineView(line)]);
  }
  return rows.map((row) => toInvoiceView(row, byInvoice.get(row.id) ?? []));
}

function toInvoiceView(row: InvoiceRow, lines: InvoiceLineView[]): InvoiceView {
  const c = row.currency;
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    status: row.status,
    currency: c,
    engagement: row.engagement,
    client: row.client,
    legalEntity: row.legalEntity,
    correlationId: row.correlationId,
    issueDate: isoDate(row.issueDate),
    dueDate: isoDate(row.dueDate),
    billingPeriodKey: row.billingPeriodKey,
    servicePeriodStart: isoDate(row.servicePeriodStart),
    servicePeriodEnd: isoDate(row.servicePeriodEnd),
    subtotal: money(row.subtotal, c),
    tax: money(row.taxTotal, c),
    total: money(row.total, c),
    amountApplied: money(row.amountApplied, c),
    amountCredited: money(row.amountCredited, c),
    balanceDue: money(row.balanceDue, c),
    issuedAt: isoDateTime(row.issuedAt),
    postedAt: isoDateTime(row.postedAt),
    paidAt: isoDateTime(row.paidAt),
    voidedAt: isoDateTime(row.voidedAt),
    voidReason: row.voidReason,
    erpInvoiceId: row.erpInvoiceId,
    erpInvoiceNumber: row.erpInvoiceNumber,
    originalInvoiceId: row.originalInvoiceId,
    creditNoteReason: row.creditNoteReason,
    lines,
  };
}

function toLineView(line: LineRow): InvoiceLineView {
  const c = line.currency;
  return {
    id: line.id,
    lineNo: line.lineNo,
    kind: line.kind,
    description: line.description,
    sku: line.serviceCatalogItem?.sku ?? null,
    role: line.serviceRole?.code ?? null,
    quantity: exactDecimal(line.quantity),
    unitPrice: unroundedMoney(line.unitPrice, c),
    amount: money(line.amount, c),
    taxCode: line.taxCode?.code ?? null,
    taxRate: exactOrNull(line.taxRate),
    taxAmount: money(line.taxAmount, c),
    servicePeriodStart: isoDate(line.servicePeriodStart),
    servicePeriodEnd: isoDate(line.servicePeriodEnd),
    creditedLineId: line.creditedLineId,
    sources: line.sources.map(toSourceView),
  };
}

/** Which billed row a source points at: exactly one of its typed foreign keys is set. */
export function sourceTarget(s: Pick<SourceRow, 'timeTransactionId' | 'milestoneId' | 'expenseId' | 'usageRecordId' | 'billingPlanId'>) {
  if (s.timeTransactionId) return { sourceType: 'TimeTransaction', sourceId: s.timeTransactionId } as const;
  if (s.milestoneId) return { sourceType: 'Milestone', sourceId: s.milestoneId } as const;
  if (s.expenseId) return { sourceType: 'Expense', sourceId: s.expenseId } as const;
  if (s.usageRecordId) return { sourceType: 'UsageRecord', sourceId: s.usageRecordId } as const;
  if (s.billingPlanId) return { sourceType: 'BillingPlan', sourceId: s.billingPlanId } as const;
  return { sourceType: null, sourceId: null } as const;
}

function toSourceView(s: SourceRow): InvoiceLineSourceView {
  return {
    id: s.id,
    kind: s.kind,
    ...sourceTarget(s),
    periodKey: s.periodKey,
    quantity: exactOrNull(s.quantity),
    rate: exactOrNull(s.rate),
    unroundedAmount: unroundedMoney(s.amount, s.currency),
    currency: s.currency,
    sourceAmount: s.sourceAmount && s.sourceCurrency ? unroundedMoney(s.sourceAmount, s.sourceCurrency) : exactOrNull(s.sourceAmount),
    sourceCurrency: s.sourceCurrency,
    fxRate: exactOrNull(s.fxRate),
    inForce: s.billingKey !== null,
    releasedAt: isoDateTime(s.releasedAt),
  };
}
