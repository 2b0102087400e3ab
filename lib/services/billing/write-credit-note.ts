// Writes a credit note the core drafted: dated today, posted to today's period (or the next
// open one, flagged), numbered in the legal entity's CN- series (gap-free, like invoices),
// each line pointing at the line it credits and carrying that line's SKU, role and tax
// code; then POST_CREDIT_NOTE to the ERP, audit and lineage, all in the caller's transaction.
import type { Prisma } from '../../db/client.ts';
import type { CreditNoteDraft } from '../../domain/billing/reverse-invoice.ts';
import { postingPeriod } from '../../domain/periods/posting-period.ts';
import { AppError } from '../../errors.ts';
import { enqueueCommand } from '../../outbox/enqueue-command.ts';
import { erpOrderingKey } from '../../workflows/commercial/engagement-commands.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { raiseException } from '../exceptions/raise-exception.ts';
import { linkLineage } from '../lineage/link-lineage.ts';
import { invoiceDocument } from './invoice-document.ts';
import type { StoredInvoice } from './stored-draft.ts';
import { takeInvoiceNumbers } from './take-invoice-numbers.ts';
import { periodsForPosting } from '../periods/periods-for-posting.ts';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export async function writeCreditNote(
  tx: Prisma.TransactionClient,
  options: { original: StoredInvoice; draft: CreditNoteDraft; erp: string; note: string | null; actor: AuditActor; now: Date },
): Promise<{ id: string; number: string; total: string }> {
  const { original, draft, erp, actor, now } = options;
  if (!original.number) throw new AppError('CONFLICT', 'Only an issued invoice can be credited.');
  const issueDate = day(now)!;
  const periods = await periodsForPosting(tx, [original.legalEntityId]);
  const posting = postingPeriod(issueDate, periods);
  if (!posting.ok) throw new AppError('CONFLICT', `No open accounting period for ${posting.originalPeriod} or later in ${original.legalEntity.code}.`);
  const period = periods.find((p) => p.period === posting.period)!;
  const [taken] = await takeInvoiceNumbers(tx, { legalEntityId: original.legalEntityId, legalEntityCode: original.legalEntity.code, kind: 'CREDIT_NOTE', issueDate, count: 1, now });
  const { number, sequenceNumber } = taken!;
  const credited = new Map(original.lines.map((l) => [l.id, l]));

  const creditNote = await tx.invoice.create({
    data: {
      kind: 'CREDIT_NOTE',
      status: 'ISSUED',
      number,
      sequenceNumber,
      legalEntityId: original.legalEntityId,
      clientId: original.clientId,
      engagementId: original.engagementId,
      correlationId: original.correlationId,
      currency: draft.currency,
      subtotal: draft.subtotal,
      taxTotal: draft.taxTotal,
      total: draft.total,
      balanceDue: 0,
      billingPeriodKey: original.billingPeriodKey,
      issueDate: new Date(`${issueDate}T00:00:00Z`),
      taxJurisdictionId: original.taxJurisdictionId,
      taxExempt: original.taxExempt,
      issuedAt: now,
      accountingPeriodId: period.id,
      latePosting: posting.late,
      originalInvoiceId: original.id,
      creditNoteReason: draft.reason,
      lines: {
        create: draft.lines.map((l) => {
          const line = credited.get(l.creditedLineId)!;
          return {
            lineNo: l.lineNo,
            kind: 'CREDIT' as const,
            description: l.description,
            serviceCatalogItemId: line.serviceCatalogItemId,
            serviceRoleId: line.serviceRoleId,
            quantity: l.quantity,
            unitPrice: l.unitPrice,
            amount: l.amount,
            currency: l.currency,
            taxCodeId: line.taxCodeId,
            taxRate: l.taxRate,
            taxAmount: l.taxAmount,
            servicePeriodStart: line.servicePeriodStart,
            servicePeriodEnd: line.servicePeriodEnd,
            creditedLineId: l.creditedLineId,
          };
        }),
      },
    },
    select: { id: true },
  });

  await enqueueCommand(tx, {
    connectorCode: erp,
    kind: 'POST_CREDIT_NOTE',
    idempotencyKey: `${erp}:post-credit-note:${creditNote.id}`,
    orderingKey: erpOrderingKey(erp, original.clientId),
    correlationId: original.correlationId,
    entityType: 'Invoice',
    entityId: creditNote.id,
    payload: {
      ...invoiceDocument({
        invoiceId: creditNote.id,
        number,
        engagement: { id: original.engagementId, code: original.engagement.code, correlationId: original.correlationId },
        client: original.client,
        legalEntityCode: original.legalEntity.code,
        currency: draft.currency,
        issueDate,
        dueDate: null,
        accountingPeriod: period.period,
        latePosting: posting.late,
        totals: draft,
        lines: draft.lines.map((l) => {
          const line = credited.get(l.creditedLineId)!;
          return { ...l, taxCode: line.taxCode?.code ?? null, servicePeriodStart: day(line.servicePeriodStart), servicePeriodEnd: day(line.servicePeriodEnd) };
        }),
      }),
      originalInvoiceId: original.id,
      originalNumber: original.number,
      reason: draft.reason,
    },
  });
  await writeAudit(tx, {
    actor,
    entityType: 'Invoice',
    entityId: creditNote.id,
    action: 'credit_note.issued',
    after: { number, originalInvoiceId: original.id, originalNumber: original.number, reason: draft.reason, note: options.note, subtotal: draft.subtotal, taxTotal: draft.taxTotal, total: draft.total, accountingPeriod: period.period },
    correlationId: original.correlationId,
    at: now,
  });
  await linkLineage(tx, [{ from: { type: 'Invoice', id: creditNote.id }, to: { type: 'Invoice', id: original.id }, relation: 'CREDITS', amount: draft.total, currency: draft.currency, correlationId: original.correlationId }]);
  if (posting.late) {
    await raiseException(tx, {
      code: 'LATE_PERIOD_POSTING',
      entityType: 'Invoice',
      entityId: creditNote.id,
      correlationId: original.correlationId,
      legalEntityId: original.legalEntityId,
      title: `Credit note ${number} dated in closed period ${posting.originalPeriod} posted to ${posting.period}`,
      impact: { amount: draft.total, currency: draft.currency, date: now },
      now,
    });
  }
  return { id: creditNote.id, number, total: draft.total };
}
