// Voids an invoice (DESIGN.md §6 "Reversals"): allowed while no cash is applied and no
// credit note exists (the core decides). Its sources are released and billable again, its
// number is kept forever, and — when it was issued — VOID_INVOICE goes to the ERP in the
// same transaction. A draft still waiting for tax is voided the same way (its tax
// exceptions resolved). Voiding a void invoice is answered as already done. The revenue
// of an issued invoice's time, expenses and usage is reversed in the same transaction; the
// revenue run recognises it again once those sources are billed again.
import { db } from '../../db/client.ts';
import { voidInvoice as decideVoid } from '../../domain/billing/reverse-invoice.ts';
import { AppError } from '../../errors.ts';
import { enqueueCommand } from '../../outbox/enqueue-command.ts';
import { resolveCommandTarget } from '../../outbox/resolve-command-target.ts';
import { erpOrderingKey } from '../../workflows/commercial/engagement-commands.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { resolveExceptionBySystem } from '../exceptions/resolve-by-system.ts';
import { reverseRevenueForInvoice } from '../revenue/reverse-revenue-for-invoice.ts';
import { loadIssuedInvoice } from './load-issued-invoice.ts';
import { releaseSources } from './release-sources.ts';

export interface VoidInvoiceResult {
  invoiceId: string;
  number: string | null;
  status: 'VOID';
  alreadyVoid: boolean;
  releasedSources: number;
}

export async function voidInvoice(options: { invoiceId: string; reason: string; actor: AuditActor; now: Date }): Promise<VoidInvoiceResult> {
  const { invoiceId, now, actor } = options;
  const reason = options.reason.trim();
  if (!reason) throw new AppError('VALIDATION_FAILED', 'Say why the invoice is voided.');
  return db().$transaction(async (tx) => {
    const { row, input } = await loadIssuedInvoice(tx, invoiceId);
    if (row.status === 'VOID') return { invoiceId, number: row.number, status: 'VOID', alreadyVoid: true, releasedSources: 0 };
    const decision = decideVoid({ invoice: input });
    if (!decision.ok) throw new AppError('CONFLICT', decision.message, { details: { reason: decision.code } });

    const issued = row.number !== null;
    const erp = issued ? await resolveCommandTarget(tx, 'ERP') : null;
    if (erp && !erp.ok) throw new AppError('CONFLICT', `The invoice is in the ERP, but there is no ${erp.reason === 'missing' ? '' : 'single '}active ERP connector to void it in.`);
    const released = await releaseSources(tx, { released: decision.released, now });
    await tx.invoice.update({ where: { id: invoiceId }, data: { status: 'VOID', voidedAt: now, voidReason: reason, balanceDue: 0 } });
    // A draft never issued billed nothing the books know of: only an issued invoice's revenue is reversed.
    if (issued) await reverseRevenueForInvoice(tx, { invoiceId, on: now.toISOString().slice(0, 10), now, actor });
    if (erp?.ok && row.number) {
      await enqueueCommand(tx, {
        connectorCode: erp.code,
        kind: 'VOID_INVOICE',
        idempotencyKey: `${erp.code}:void-invoice:${invoiceId}`,
        orderingKey: erpOrderingKey(erp.code, row.clientId),
        correlationId: row.correlationId,
        entityType: 'Invoice',
        entityId: invoiceId,
        payload: { invoiceId, number: row.number, erpInvoiceNumber: row.erpInvoiceNumber, engagementId: row.engagementId, correlationId: row.correlationId, legalEntityCode: row.legalEntity.code, reason, voidedOn: now.toISOString().slice(0, 10) },
      });
    }
    for (const code of ['TAX_ENGINE_UNAVAILABLE', 'MISSING_TAX_PROFILE', 'LATE_PERIOD_POSTING'] as const) {
      await resolveExceptionBySystem(tx, { code, entityType: 'Invoice', entityId: invoiceId, resolution: `The invoice was voided: ${reason}`, now });
    }
    await writeAudit(tx, {
      actor,
      entityType: 'Invoice',
      entityId: invoiceId,
      action: 'invoice.voided',
      before: { status: row.status, balanceDue: row.balanceDue.toString() },
      after: { status: 'VOID', reason, releasedSources: decision.released.map((r) => r.billingKey) },
      correlationId: row.correlationId,
      at: now,
    });
    return { invoiceId, number: row.number, status: 'VOID', alreadyVoid: false, releasedSources: released };
  });
}
