// FINANCE refuses a payer's short-pay deduction (DESIGN.md §7 SHORT_PAY_DEDUCTION): the
// deducted amount stays due on the invoice — a pending deduction never reduced the balance,
// so nothing moves but the decision, recorded on the application with who and when.
import type { Prisma } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import type { DeductionDecisionInput } from './approve-deduction.ts';
import { lockApplication } from './cash-rows.ts';
import { moneyText } from './money-text.ts';

export interface RejectedDeduction {
  alreadyDone: boolean;
  applicationId: string;
  invoice: { id: string; balanceDue: string; status: string };
}

export async function rejectDeduction(tx: Prisma.TransactionClient, input: DeductionDecisionInput): Promise<RejectedDeduction> {
  const { applicationId, actor, now } = input;
  const application = await lockApplication(tx, applicationId);
  if (!application) throw new AppError('NOT_FOUND', 'No such cash application.');
  const invoiceOf = async () => {
    const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: application.invoiceId }, select: { id: true, balanceDue: true, status: true, currency: true } });
    return { id: invoice.id, balanceDue: moneyText(invoice.balanceDue.toString(), invoice.currency), status: invoice.status };
  };
  if (application.deductionStatus === 'REJECTED') return { alreadyDone: true, applicationId, invoice: await invoiceOf() };
  if (application.deductionStatus !== 'PENDING_APPROVAL') throw new AppError('CONFLICT', `This deduction cannot be rejected: it is ${application.deductionStatus.toLowerCase()}.`);

  await tx.cashApplication.update({ where: { id: applicationId }, data: { deductionStatus: 'REJECTED', deductionDecidedById: actor.userId, deductionDecidedAt: now } });
  await writeAudit(tx, {
    actor: { type: 'USER', id: actor.userId },
    entityType: 'CashApplication',
    entityId: applicationId,
    action: 'cash-application.deduction-rejected',
    before: { deductionStatus: application.deductionStatus },
    after: { deductionStatus: 'REJECTED', deductionAmount: application.deductionAmount, reasonCode: application.deductionReasonCode, note: input.note ?? null },
    at: now,
  });
  return { alreadyDone: false, applicationId, invoice: await invoiceOf() };
}
