// The writes of issuing, for invoices already assembled, numbered and given a period: the
// invoice (ISSUED, number, totals, due date, period, late flag), tax per line, milestones
// INVOICED, POST_INVOICE to the ERP in the same transaction (ordered after the client's
// customer and project commands), audit, lineage source → line → invoice with the money
// on each edge, LATE_PERIOD_POSTING for late ones, and the tax exceptions resolved.
import type { TaxResult } from '../../connectors/tax/mapping.ts';
import type { Prisma } from '../../db/client.ts';
import type { EntityType } from '../../db/generated/enums.ts';
import type { AssembledInvoice } from '../../domain/billing/assemble-invoice.ts';
import { enqueueCommands, type EnqueueCommandInput } from '../../outbox/enqueue-command.ts';
import { erpOrderingKey } from '../../workflows/commercial/engagement-commands.ts';
import { writeAuditMany, type AuditActor } from '../audit/write-audit.ts';
import { raiseException } from '../exceptions/raise-exception.ts';
import { resolveExceptionBySystem } from '../exceptions/resolve-by-system.ts';
import { linkLineage, type LineageEdge } from '../lineage/link-lineage.ts';
import { updateRows, type ColumnTypes } from './insert-rows.ts';
import { invoiceDocument } from './invoice-document.ts';
import { sourceIdOf, type StoredInvoice } from './stored-draft.ts';

export interface ReadyInvoice {
  invoice: StoredInvoice;
  assembled: AssembledInvoice;
  tax: TaxResult;
  period: { id: string; period: string; late: boolean; originalPeriod: string | null };
  number: string;
  sequenceNumber: number;
}

const SOURCE_TYPE: Record<string, EntityType> = { TIME_TRANSACTION: 'TimeTransaction', TIME_REVERSAL: 'TimeTransaction', MILESTONE: 'Milestone', EXPENSE: 'Expense', USAGE_RECORD: 'UsageRecord', RETAINER_FEE: 'BillingPlan' };
const date = (d: string) => new Date(`${d}T00:00:00Z`);
const ISSUED_COLUMNS: ColumnTypes = {
  status: '"InvoiceStatus"', number: 'text', sequenceNumber: 'int', subtotal: 'numeric', taxTotal: 'numeric', total: 'numeric', balanceDue: 'numeric', dueDate: 'date',
  paymentTermsDays: 'int', taxJurisdictionId: 'uuid', taxCalculatedAt: 'timestamptz', taxEngineRef: 'text', issuedAt: 'timestamptz', accountingPeriodId: 'uuid', latePosting: 'boolean', updatedAt: 'timestamptz',
};

export async function applyIssueEffects(tx: Prisma.TransactionClient, options: { ready: readonly ReadyInvoice[]; erp: string; now: Date; actor: AuditActor }): Promise<void> {
  const { ready, erp, now, actor } = options;
  if (ready.length === 0) return;
  const taxCodes = [...new Set(ready.flatMap((r) => r.tax.lines.map((l) => l.taxCode)))];
  const jurisdictions = [...new Set(ready.flatMap((r) => r.tax.lines.map((l) => l.jurisdiction)))];
  // One query at a time: a transaction is one connection.
  const codeRows = await tx.taxCode.findMany({ where: { code: { in: taxCodes } }, select: { id: true, code: true } });
  const jurisdictionRows = await tx.taxJurisdiction.findMany({ where: { code: { in: jurisdictions } }, select: { id: true, code: true } });
  const taxCodeId = new Map(codeRows.map((c) => [c.code, c.id]));
  const jurisdictionId = new Map(jurisdictionRows.map((j) => [j.code, j.id]));
  const lineTax = { ids: [] as string[], rates: [] as (string | null)[], amounts: [] as string[], codes: [] as (string | null)[] };
  const edges: LineageEdge[] = [];
  const invoiceRows: Record<string, unknown>[] = [];
  const commands: EnqueueCommandInput<'POST_INVOICE'>[] = [];

  for (const { invoice, assembled, tax, period, number, sequenceNumber } of ready) {
    invoiceRows.push({
      id: invoice.id,
      status: 'ISSUED',
      number,
      sequenceNumber,
      subtotal: assembled.subtotal,
      taxTotal: assembled.taxTotal,
      total: assembled.total,
      balanceDue: assembled.total,
      dueDate: assembled.dueDate,
      paymentTermsDays: assembled.paymentTermsDays,
      taxJurisdictionId: jurisdictionId.get(tax.lines[0]?.jurisdiction ?? '') ?? null,
      taxCalculatedAt: now,
      taxEngineRef: `${tax.connectorCode}:${tax.documentId}`,
      issuedAt: now,
      accountingPeriodId: period.id,
      latePosting: period.late,
      updatedAt: now,
    });
    invoice.lines.forEach((line, index) => {
      const figures = assembled.lines[index]!;
      lineTax.ids.push(line.id);
      lineTax.rates.push(figures.taxRate);
      lineTax.amounts.push(figures.taxAmount);
      lineTax.codes.push(figures.taxCode ? (taxCodeId.get(figures.taxCode) ?? null) : null);
      edges.push({ from: { type: 'InvoiceLine', id: line.id }, to: { type: 'Invoice', id: invoice.id }, relation: 'PART_OF', amount: figures.amount, currency: invoice.currency, correlationId: invoice.correlationId });
      for (const s of line.sources) {
        const source = { type: SOURCE_TYPE[s.kind]!, id: sourceIdOf(s) };
        const money = { amount: s.amount.toString(), currency: s.currency, correlationId: invoice.correlationId };
        edges.push(s.kind === 'TIME_REVERSAL' ? { from: { type: 'InvoiceLine', id: line.id }, to: source, relation: 'REVERSES', ...money } : { from: source, to: { type: 'InvoiceLine', id: line.id }, relation: 'BILLED', ...money });
      }
    });
    commands.push({
      connectorCode: erp,
      kind: 'POST_INVOICE',
      idempotencyKey: `${erp}:post-invoice:${invoice.id}`,
      orderingKey: erpOrderingKey(erp, invoice.clientId),
      heldAmount: { amount: assembled.total, currency: invoice.currency },
      correlationId: invoice.correlationId,
      entityType: 'Invoice',
      entityId: invoice.id,
      payload: {
        ...invoiceDocument({
          invoiceId: invoice.id,
          number,
          engagement: { id: invoice.engagementId, code: invoice.engagement.code, correlationId: invoice.correlationId },
          client: invoice.client,
          legalEntityCode: invoice.legalEntity.code,
          currency: invoice.currency,
          issueDate: assembled.issueDate,
          dueDate: assembled.dueDate,
          accountingPeriod: period.period,
          latePosting: period.late,
          totals: assembled,
          lines: assembled.lines,
        }),
        billingPeriodKey: invoice.billingPeriodKey,
      },
    });
  }

  await updateRows(tx, 'Invoice', ISSUED_COLUMNS, invoiceRows);
  await enqueueCommands(tx, commands);
  await tx.$executeRawUnsafe(
    `UPDATE "InvoiceLine" l SET "taxRate" = v.rate::numeric, "taxAmount" = v.amount::numeric, "taxCodeId" = v.code
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[]) AS v(id, rate, amount, code) WHERE l.id = v.id`,
    lineTax.ids,
    lineTax.rates,
    lineTax.amounts,
    lineTax.codes,
  );
  const milestoneIds = ready.flatMap((r) => r.invoice.lines.flatMap((l) => l.sources.filter((s) => s.kind === 'MILESTONE' && s.milestoneId).map((s) => s.milestoneId!)));
  if (milestoneIds.length > 0) await tx.milestone.updateMany({ where: { id: { in: milestoneIds } }, data: { status: 'INVOICED' } });
  await linkLineage(tx, edges);
  await writeAuditMany(
    tx,
    ready.map(({ invoice, assembled, number, period }) => ({
      actor,
      entityType: 'Invoice' as const,
      entityId: invoice.id,
      action: 'invoice.issued',
      before: { status: 'AWAITING_TAX' },
      after: { status: 'ISSUED', number, subtotal: assembled.subtotal, taxTotal: assembled.taxTotal, total: assembled.total, dueDate: assembled.dueDate, accountingPeriod: period.period, latePosting: period.late },
      correlationId: invoice.correlationId,
      at: now,
    })),
  );
  await settleExceptions(tx, ready, now);
}

async function settleExceptions(tx: Prisma.TransactionClient, ready: readonly ReadyInvoice[], now: Date): Promise<void> {
  for (const { invoice, assembled, number, period } of ready.filter((r) => r.period.late)) {
    await raiseException(tx, {
      code: 'LATE_PERIOD_POSTING',
      entityType: 'Invoice',
      entityId: invoice.id,
      correlationId: invoice.correlationId,
      legalEntityId: invoice.legalEntityId,
      title: `Invoice ${number} dated in closed period ${period.originalPeriod} posted to ${period.period}`,
      impact: { amount: assembled.total, currency: invoice.currency, date: date(assembled.issueDate) },
      details: { number, originalPeriod: period.originalPeriod, postedPeriod: period.period },
      raisedBy: 'billing-run',
      now,
    });
  }
  const open = await tx.exception.findMany({
    where: { entityType: 'Invoice', entityId: { in: ready.map((r) => r.invoice.id) }, code: { in: ['TAX_ENGINE_UNAVAILABLE', 'MISSING_TAX_PROFILE'] }, status: { in: ['OPEN', 'ASSIGNED'] } },
    select: { code: true, entityId: true },
  });
  for (const exception of open) {
    await resolveExceptionBySystem(tx, { code: exception.code, entityType: 'Invoice', entityId: exception.entityId, resolution: 'The tax engine answered; the invoice is issued with its tax.', now, actorId: 'billing-run' });
  }
}
