// FINANCE decides unapplied cash goes back to the payer (UNAPPLIED_CASH "reject"): what is
// left unapplied on the receipt is recorded as refunded, so it is no longer on account and
// no longer counts as unapplied cash. Paying it out is treasury's, outside Threadline.
import type { Prisma } from '../../db/client.ts';
import { receiptStatus } from '../../domain/cash/settlement-status.ts';
import { dec } from '../../domain/money/decimal.ts';
import { AppError } from '../../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { lockReceipt } from './cash-rows.ts';

export async function refundUnappliedCash(
  tx: Prisma.TransactionClient,
  input: { receiptId: string; actor: { userId: string }; note?: string | null; now: Date },
): Promise<{ receiptId: string; refunded: string; status: string }> {
  const { receiptId, actor, now } = input;
  const receipt = await lockReceipt(tx, receiptId);
  if (!receipt) throw new AppError('NOT_FOUND', 'No such payment.');
  const unapplied = dec(receipt.unappliedAmount);
  if (!unapplied.greaterThan(0)) return { receiptId, refunded: '0', status: receipt.status };
  const refundedAmount = dec(receipt.refundedAmount).plus(unapplied);
  const status = receiptStatus({ amount: receipt.amount, appliedAmount: receipt.appliedAmount, unappliedAmount: 0, refundedAmount });
  await tx.cashReceipt.update({ where: { id: receiptId }, data: { unappliedAmount: '0', refundedAmount: refundedAmount.toString(), status } });
  await writeAudit(tx, {
    actor: { type: 'USER', id: actor.userId },
    entityType: 'CashReceipt',
    entityId: receiptId,
    action: 'cash-receipt.unapplied-refunded',
    before: { unappliedAmount: receipt.unappliedAmount, refundedAmount: receipt.refundedAmount, status: receipt.status },
    after: { unappliedAmount: '0', refundedAmount, status, note: input.note ?? null },
    at: now,
  });
  return { receiptId, refunded: unapplied.toString(), status };
}
