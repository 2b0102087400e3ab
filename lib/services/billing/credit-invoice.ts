// Issues a credit note against an invoice (DESIGN.md §6 "Reversals"), in full or by line
// (a line partly by amount): the core computes the credit lines and their tax from the
// invoice's own lines and says which sources it releases (only for a reason that says the
// billing was wrong, and only lines credited in full). In one transaction: the credit note
// (CREDIT_NOTE, ISSUED, its own gap-free CN- number, negative totals, posting period), the
// original's amountCredited and balance, the released sources and the revenue behind them
// reversed (recognised again when they are billed again), POST_CREDIT_NOTE to the ERP,
// audit and lineage (credit note CREDITS invoice).
import { db } from '../../db/client.ts';
import type { CreditNoteReason } from '../../db/generated/enums.ts';
import { creditInvoice as decideCredit, type CreditRequest } from '../../domain/billing/reverse-invoice.ts';
import { dec } from '../../domain/money/decimal.ts';
import { formatMinor } from '../../domain/money/currency.ts';
import { AppError } from '../../errors.ts';
import { resolveCommandTarget } from '../../outbox/resolve-command-target.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { reverseRevenueForInvoice } from '../revenue/reverse-revenue-for-invoice.ts';
import { loadIssuedInvoice } from './load-issued-invoice.ts';
import { releaseSources } from './release-sources.ts';
import { writeCreditNote } from './write-credit-note.ts';

export interface CreditInvoiceResult {
  creditNoteId: string;
  number: string;
  originalInvoiceId: string;
  total: string;
  fullyCredited: boolean;
  releasedSources: number;
}

export async function creditInvoice(options: { invoiceId: string; reason: CreditNoteReason; lines?: readonly CreditRequest[]; note?: string; actor: AuditActor; now: Date }): Promise<CreditInvoiceResult> {
  const { invoiceId, reason, now, actor } = options;
  return db().$transaction(async (tx) => {
    const { row, input } = await loadIssuedInvoice(tx, invoiceId);
    const decision = decideCredit({ invoice: input, reason, lines: options.lines });
    if (!decision.ok) {
      const status = decision.errors.some((e) => e.code === 'UNKNOWN_LINE' || e.code === 'INVALID_AMOUNT' || e.code === 'LINE_TWICE') ? 'VALIDATION_FAILED' : 'CONFLICT';
      throw new AppError(status, decision.errors.map((e) => e.message).join(' '), { details: { errors: decision.errors } });
    }
    const erp = await resolveCommandTarget(tx, 'ERP');
    if (!erp.ok) throw new AppError('CONFLICT', `There is no ${erp.reason === 'missing' ? '' : 'single '}active ERP connector to post the credit note to.`);

    const creditNote = await writeCreditNote(tx, { original: row, draft: decision.creditNote, erp: erp.code, note: options.note ?? null, actor, now });
    const released = await releaseSources(tx, { released: decision.released, now });
    await reverseRevenueForInvoice(tx, { invoiceId: creditNote.id, on: now.toISOString().slice(0, 10), now, actor });
    const credited = dec(row.amountCredited.toString()).plus(dec(creditNote.total).negated());
    const balanceDue = dec(row.total.toString()).minus(row.amountApplied.toString()).minus(credited);
    const after = { amountCredited: formatMinor(credited, row.currency), balanceDue: formatMinor(balanceDue, row.currency) };
    await tx.invoice.update({ where: { id: invoiceId }, data: after });
    await writeAudit(tx, {
      actor,
      entityType: 'Invoice',
      entityId: invoiceId,
      action: 'invoice.credited',
      before: { amountCredited: row.amountCredited.toString(), balanceDue: row.balanceDue.toString() },
      after: { ...after, creditNoteId: creditNote.id, creditNoteNumber: creditNote.number, reason, releasedSources: decision.released.map((r) => r.billingKey) },
      correlationId: row.correlationId,
      at: now,
    });
    return { creditNoteId: creditNote.id, number: creditNote.number, originalInvoiceId: invoiceId, total: creditNote.total, fullyCredited: decision.fullyCredited, releasedSources: released };
  });
}
