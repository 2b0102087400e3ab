// FINANCE accepts a payer's short-pay deduction (DESIGN.md §6, §7 SHORT_PAY_DEDUCTION): the
// deducted amount is settled by a credit note (reason DEDUCTION), so the invoice is paid
// by cash + credit, and the application records who decided and when. Runs in the
// caller's transaction — the exception's approval and its money effect commit together.
// Approving an approved deduction again is "already done"; a withdrawn or rejected one
// cannot be approved.
import type { Prisma } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { lockApplication } from './cash-rows.ts';
import { issueCashCreditNote, type CashCreditNote } from './issue-cash-credit-note.ts';

export interface DeductionDecisionInput {
  applicationId: string;
  actor: { userId: string };
  note?: string | null;
  now: Date;
}

export type ApprovedDeduction = { alreadyDone: true; applicationId: string } | ({ alreadyDone: false; applicationId: string } & CashCreditNote);

export async function approveDeduction(tx: Prisma.TransactionClient, input: DeductionDecisionInput): Promise<ApprovedDeduction> {
  const { applicationId, actor, now } = input;
  const application = await lockApplication(tx, applicationId);
  if (!application) throw new AppError('NOT_FOUND', 'No such cash application.');
  if (application.deductionStatus === 'APPROVED') return { alreadyDone: true, applicationId };
  if (application.deductionStatus !== 'PENDING_APPROVAL' || application.reversedAt !== null) {
    const why = application.reversedAt ? 'its application was reversed' : `it is ${application.deductionStatus.toLowerCase().replace('_', ' ')}`;
    throw new AppError('CONFLICT', `This deduction cannot be approved: ${why}.`);
  }

  const actorRef = { type: 'USER' as const, id: actor.userId };
  const reason = application.deductionReasonCode ?? 'no reason code';
  const credit = await issueCashCreditNote(tx, {
    invoiceId: application.invoiceId,
    amount: application.deductionAmount,
    reason: 'DEDUCTION',
    note: input.note?.trim() || `Approved short-pay deduction (${reason}) of payment application ${applicationId}.`,
    actor: actorRef,
    now,
  });
  await tx.cashApplication.update({ where: { id: applicationId }, data: { deductionStatus: 'APPROVED', deductionDecidedById: actor.userId, deductionDecidedAt: now } });
  await writeAudit(tx, {
    actor: actorRef,
    entityType: 'CashApplication',
    entityId: applicationId,
    action: 'cash-application.deduction-approved',
    before: { deductionStatus: application.deductionStatus },
    after: { deductionStatus: 'APPROVED', deductionAmount: application.deductionAmount, reasonCode: application.deductionReasonCode, creditNoteId: credit.creditNoteId, creditNoteNumber: credit.number },
    at: now,
  });
  return { alreadyDone: false, applicationId, ...credit };
}
