// A credit note that settles part of an invoice's balance for a cash decision — an
// approved short-pay deduction (reason DEDUCTION) or a conceded dispute (DISPUTE) — in
// the caller's transaction (the decision and its money effect commit together). Built on
// billing's own pieces: the invoice is locked and read by loadIssuedInvoice, the credit
// note written, numbered and posted to the ERP by writeCreditNote. On top of what billing's
// creditInvoice does, the invoice's status follows its balance: a deduction that closes
// the gap makes it PAID. These reasons never release the sources: the work was delivered.
import type { Prisma } from '../../db/client.ts';
import { invoiceStatusAfterCash } from '../../domain/cash/settlement-status.ts';
import { dec, type DecimalInput } from '../../domain/money/decimal.ts';
import { AppError } from '../../errors.ts';
import { resolveCommandTarget } from '../../outbox/resolve-command-target.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { loadIssuedInvoice } from '../billing/load-issued-invoice.ts';
import { writeCreditNote } from '../billing/write-credit-note.ts';
import { creditNoteForAmount } from './credit-note-for-amount.ts';
import { moneyText } from './money-text.ts';

export interface CashCreditNote {
  creditNoteId: string;
  number: string;
  /** Positive: what the credit note takes off the invoice. */
  credited: string;
  invoice: { id: string; status: string; balanceDue: string; amountCredited: string };
}

export async function issueCashCreditNote(
  tx: Prisma.TransactionClient,
  options: { invoiceId: string; amount: DecimalInput; reason: 'DEDUCTION' | 'DISPUTE'; note: string; actor: AuditActor; now: Date },
): Promise<CashCreditNote> {
  const { invoiceId, reason, actor, now } = options;
  const { row, input } = await loadIssuedInvoice(tx, invoiceId);
  const decision = creditNoteForAmount(input, options.amount, reason);
  if (!decision.ok) throw new AppError('CONFLICT', `Invoice ${row.number ?? invoiceId} cannot be credited: ${decision.message}`);
  const erp = await resolveCommandTarget(tx, 'ERP');
  if (!erp.ok) throw new AppError('CONFLICT', `There is no ${erp.reason === 'missing' ? '' : 'single '}active ERP connector to post the credit note to.`);

  const creditNote = await writeCreditNote(tx, { original: row, draft: decision.draft, erp: erp.code, note: options.note, actor, now });
  const credited = dec(creditNote.total).abs();
  const amountCredited = dec(row.amountCredited.toString()).plus(credited);
  const amountApplied = dec(row.amountApplied.toString());
  const balanceDue = dec(row.total.toString()).minus(amountApplied).minus(amountCredited);
  const status = invoiceStatusAfterCash({ status: row.status, amountApplied, balanceDue, postedAt: row.postedAt });
  const after = { amountCredited: moneyText(amountCredited, row.currency), balanceDue: moneyText(balanceDue, row.currency), status };
  await tx.invoice.update({ where: { id: invoiceId }, data: { ...after, ...(status === 'PAID' && row.status !== 'PAID' ? { paidAt: now } : {}) } });
  await writeAudit(tx, {
    actor,
    entityType: 'Invoice',
    entityId: invoiceId,
    action: 'invoice.credited',
    before: { status: row.status, amountCredited: row.amountCredited.toString(), balanceDue: row.balanceDue.toString() },
    after: { ...after, creditNoteId: creditNote.id, creditNoteNumber: creditNote.number, reason },
    correlationId: row.correlationId,
    at: now,
  });
  return { creditNoteId: creditNote.id, number: creditNote.number, credited: moneyText(credited, row.currency), invoice: { id: invoiceId, ...after } };
}
