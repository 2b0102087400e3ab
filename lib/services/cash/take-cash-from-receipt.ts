// Carries out a ReceiptTake of the cash core (lib/domain/cash/dispute.ts takeFromReceipt)
// in the caller's transaction: the applications are reversed with their cash refunded
// (each reversal audited, with its ERP command), the untaken rest of a partly taken one is
// applied again, and the receipt's applied, unapplied and refunded totals and status are
// brought up to date. A conceded dispute and a refund both end here.
import type { Prisma } from '../../db/client.ts';
import type { ReceiptTake } from '../../domain/cash/dispute.ts';
import { receiptStatus } from '../../domain/cash/settlement-status.ts';
import { dec } from '../../domain/money/decimal.ts';
import { resolveCommandTarget } from '../../outbox/resolve-command-target.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { lockInvoices, lockReceipt } from './cash-rows.ts';
import { recordApplications } from './record-applications.ts';
import { reverseApplicationInTx } from './reverse-application.ts';

export async function takeCashFromReceipt(
  tx: Prisma.TransactionClient,
  options: { receiptId: string; take: ReceiptTake; reason: string; actor: AuditActor; eventId?: string | null; now: Date },
): Promise<{ reversed: string[]; reapplied: string[]; status: string }> {
  const { take, reason, actor, now } = options;
  for (const applicationId of take.reverseApplicationIds) {
    await reverseApplicationInTx(tx, { applicationId, reason, disposition: 'REFUNDED', actor, now });
  }
  const receipt = (await lockReceipt(tx, options.receiptId))!;
  let applied = dec(receipt.appliedAmount);
  let unapplied = dec(receipt.unappliedAmount).minus(take.fromUnapplied);
  let refunded = dec(receipt.refundedAmount).plus(take.fromUnapplied);

  const reapplied: string[] = [];
  if (take.reapply.length > 0) {
    const erp = await resolveCommandTarget(tx, 'ERP');
    const invoices = new Map((await lockInvoices(tx, take.reapply.map((r) => r.invoiceId))).map((i) => [i.id, i]));
    const recorded = await recordApplications(tx, {
      receipt,
      applications: take.reapply.map((r) => ({
        invoiceId: r.invoiceId,
        method: 'MANUAL' as const,
        automatic: false,
        amount: r.amount,
        currency: receipt.currency,
        deductionAmount: dec(0),
        deductionReasonCode: null,
        deductionStatus: 'NONE' as const,
        remittanceLineIndex: null,
        remittanceInvoiceRef: null,
      })),
      invoices,
      appliedAt: now,
      appliedById: actor.type === 'USER' ? (actor.id ?? null) : null,
      actor,
      erp: erp.ok ? erp.code : '',
      eventId: options.eventId ?? null,
      now,
    });
    // The reversal refunded the whole application; the part applied again did not leave.
    const again = recorded.reduce((total, r) => total.plus(r.amount), dec(0));
    applied = applied.plus(again);
    refunded = refunded.minus(again);
    reapplied.push(...recorded.map((r) => r.id));
  }
  const status = receiptStatus({ amount: receipt.amount, appliedAmount: applied, unappliedAmount: unapplied, refundedAmount: refunded });
  unapplied = unapplied.isNegative() ? dec(0) : unapplied;
  await tx.cashReceipt.update({ where: { id: receipt.id }, data: { appliedAmount: applied.toString(), unappliedAmount: unapplied.toString(), refundedAmount: refunded.toString(), status } });
  return { reversed: take.reverseApplicationIds, reapplied, status };
}
