// Writes a batch's drafts as AWAITING_TAX invoices with their lines and sources, in bulk
// (one INSERT per table, one UPDATE per kind of source: insert-rows.ts), and points every
// source at the line that bills it. InvoiceLineSource.billingKey is UNIQUE: a source billed by anyone
// else makes the INSERT fail and the batch roll back (BillingConflictError), never bill
// twice. Numbers are not assigned here: a draft waiting for tax has none.
import { randomUUID } from 'node:crypto';
import { Prisma } from '../../db/client.ts';
import { sourceForeignKey } from '../../domain/billing/invoice-draft.ts';
import { formatMinor } from '../../domain/money/currency.ts';
import { sum } from '../../domain/money/decimal.ts';
import type { IsoDate } from '../../domain/periods/calendar-date.ts';
import { writeAuditMany, type AuditActor } from '../audit/write-audit.ts';
import type { EngagementDraft } from './draft-engagement-invoices.ts';
import { insertRows, type ColumnTypes } from './insert-rows.ts';

export class BillingConflictError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BillingConflictError';
  }
}

/** A source billed under the batch's feet: the unique billing key refused it (23505), or it no longer was unbilled. */
export function isBillingConflict(error: unknown): boolean {
  if (error instanceof BillingConflictError) return true;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return error.code === 'P2002' || (error.code === 'P2010' && /23505|unique/i.test(`${JSON.stringify(error.meta ?? {})} ${error.message}`));
}

export interface DraftedInvoice {
  id: string;
  engagementId: string;
  currency: string;
  subtotal: string;
}

const INVOICE_COLUMNS: ColumnTypes = {
  id: 'uuid', kind: '"InvoiceKind"', status: '"InvoiceStatus"', legalEntityId: 'uuid', clientId: 'uuid', engagementId: 'uuid', correlationId: 'text', currency: 'text',
  subtotal: 'numeric', total: 'numeric', billingPeriodKey: 'text', servicePeriodStart: 'date', servicePeriodEnd: 'date', eligibleAt: 'timestamptz', issueDate: 'date',
  paymentTermsDays: 'int', taxExempt: 'boolean', createdAt: 'timestamptz', updatedAt: 'timestamptz',
};
const LINE_COLUMNS: ColumnTypes = {
  id: 'uuid', invoiceId: 'uuid', lineNo: 'int', kind: '"InvoiceLineKind"', description: 'text', serviceCatalogItemId: 'uuid', serviceRoleId: 'uuid', quantity: 'numeric',
  unitPrice: 'numeric', amount: 'numeric', currency: 'text', servicePeriodStart: 'date', servicePeriodEnd: 'date', createdAt: 'timestamptz',
};
const SOURCE_COLUMNS_SQL: ColumnTypes = {
  id: 'uuid', invoiceLineId: 'uuid', kind: '"InvoiceLineSourceKind"', timeTransactionId: 'uuid', milestoneId: 'uuid', expenseId: 'uuid', usageRecordId: 'uuid', billingPlanId: 'uuid',
  periodKey: 'text', quantity: 'numeric', rate: 'numeric', amount: 'numeric', currency: 'text', sourceAmount: 'numeric', sourceCurrency: 'text', fxRate: 'numeric', billingKey: 'text', createdAt: 'timestamptz',
};
const DEFAULT_PAYMENT_TERMS_DAYS = 30;

// Which column of which table points a billed source at its line.
const SOURCE_COLUMNS = {
  TIME_TRANSACTION: ['TimeTransaction', 'invoiceLineId'],
  TIME_REVERSAL: ['TimeTransaction', 'reversalInvoiceLineId'],
  MILESTONE: ['Milestone', 'invoiceLineId'],
  EXPENSE: ['Expense', 'invoiceLineId'],
  USAGE_RECORD: ['UsageRecord', 'invoiceLineId'],
} as const;

export async function writeInvoiceDrafts(
  tx: Prisma.TransactionClient,
  options: { drafts: readonly EngagementDraft[]; issueDate: IsoDate; now: Date; actor: AuditActor },
): Promise<DraftedInvoice[]> {
  const { drafts, issueDate, now, actor } = options;
  if (drafts.length === 0) return [];
  const skus = [...new Set(drafts.flatMap((d) => d.draft.lines.map((l) => l.sku).filter((s): s is string => !!s)))];
  const roles = [...new Set(drafts.flatMap((d) => d.draft.lines.map((l) => l.role).filter((r): r is string => !!r)))];
  const catalog = await tx.serviceCatalogItem.findMany({ where: { sku: { in: skus } }, select: { id: true, sku: true } });
  const roleRows = await tx.serviceRole.findMany({ where: { code: { in: roles } }, select: { id: true, code: true } });
  const skuId = new Map(catalog.map((c) => [c.sku, c.id]));
  const roleId = new Map(roleRows.map((r) => [r.code, r.id]));

  const invoices: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  const sources: Record<string, unknown>[] = [];
  const marks = new Map<keyof typeof SOURCE_COLUMNS, { ids: string[]; lines: string[] }>();
  const drafted: DraftedInvoice[] = [];

  for (const { engagement, draft } of drafts) {
    const invoiceId = randomUUID();
    const subtotal = formatMinor(sum(draft.lines.map((l) => l.amount)), draft.currency);
    invoices.push({
      id: invoiceId,
      kind: 'INVOICE',
      status: 'AWAITING_TAX',
      legalEntityId: engagement.legalEntityId,
      clientId: engagement.clientId,
      engagementId: engagement.id,
      correlationId: engagement.correlationId,
      currency: draft.currency,
      subtotal,
      total: subtotal,
      billingPeriodKey: draft.billingPeriodKey,
      servicePeriodStart: draft.servicePeriodStart,
      servicePeriodEnd: draft.servicePeriodEnd,
      eligibleAt: `${draft.eligibleOn}T00:00:00Z`,
      // The invoice date is fixed now so that a tax retry sends the engine the same document.
      issueDate,
      paymentTermsDays: engagement.plan?.paymentTermsDays ?? DEFAULT_PAYMENT_TERMS_DAYS,
      taxExempt: engagement.plan?.taxExempt ?? false,
      createdAt: now,
      updatedAt: now,
    });
    draft.lines.forEach((line, index) => {
      const lineId = randomUUID();
      lines.push({
        id: lineId,
        invoiceId,
        lineNo: index + 1,
        kind: line.kind,
        description: line.description,
        serviceCatalogItemId: (line.sku && skuId.get(line.sku)) || null,
        serviceRoleId: (line.role && roleId.get(line.role)) || null,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        amount: line.amount,
        currency: line.currency,
        servicePeriodStart: line.servicePeriodStart,
        servicePeriodEnd: line.servicePeriodEnd,
        createdAt: now,
      });
      for (const source of line.sources) {
        sources.push({
          id: randomUUID(),
          invoiceLineId: lineId,
          kind: source.kind,
          ...sourceForeignKey(source),
          periodKey: source.periodKey,
          quantity: source.quantity,
          rate: source.rate,
          amount: source.amount,
          currency: source.currency,
          sourceAmount: source.sourceAmount,
          sourceCurrency: source.sourceCurrency,
          fxRate: source.fxRate,
          billingKey: source.billingKey,
          createdAt: now,
        });
        if (source.kind === 'RETAINER_FEE') continue; // billed against the plan: its key is the record
        const mark = marks.get(source.kind) ?? { ids: [], lines: [] };
        mark.ids.push(source.sourceId);
        mark.lines.push(lineId);
        marks.set(source.kind, mark);
      }
    });
    drafted.push({ id: invoiceId, engagementId: engagement.id, currency: draft.currency, subtotal });
  }

  await insertRows(tx, 'Invoice', INVOICE_COLUMNS, invoices);
  await insertRows(tx, 'InvoiceLine', LINE_COLUMNS, lines);
  await insertRows(tx, 'InvoiceLineSource', SOURCE_COLUMNS_SQL, sources);
  for (const [kind, mark] of marks) {
    const [table, column] = SOURCE_COLUMNS[kind as keyof typeof SOURCE_COLUMNS];
    const updated = await tx.$executeRawUnsafe(
      `UPDATE "${table}" t SET "${column}" = v.line, "updatedAt" = $3 FROM unnest($1::uuid[], $2::uuid[]) AS v(id, line) WHERE t.id = v.id AND t."${column}" IS NULL`,
      mark.ids,
      mark.lines,
      now,
    );
    if (updated !== mark.ids.length) throw new BillingConflictError(`${mark.ids.length - updated} ${kind} source(s) were billed by another transaction`);
  }
  await writeAuditMany(
    tx,
    drafts.map(({ engagement, draft }, i) => ({
      actor,
      entityType: 'Invoice' as const,
      entityId: drafted[i]!.id,
      action: 'invoice.drafted',
      after: { status: 'AWAITING_TAX', billingPeriodKey: draft.billingPeriodKey, currency: draft.currency, subtotal: drafted[i]!.subtotal, lines: draft.lines.length, issueDate },
      correlationId: engagement.correlationId,
      at: now,
    })),
  );
  return drafted;
}
