// The money side of a payment dispute the payer won (DESIGN.md §6): the conceded cash
// leaves the receipt. It comes out of the unapplied part first; then applications are
// reversed newest first (their cash refunded), the untaken remainder of a partly taken one
// is applied again, and every invoice part taken back is credited (reason DISPUTE) so the
// invoice does not reopen for money the payer won. The plan is the cash core's.
import type { Prisma } from '../../db/client.ts';
import type { DisputeResolution } from '../../domain/cash/dispute.ts';
import { receiptStatus } from '../../domain/cash/settlement-status.ts';
import { dec } from '../../domain/money/decimal.ts';
import { resolveCommandTarget } from '../../outbox/resolve-command-target.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { lockInvoices, lockReceipt } from './cash-rows.ts';
import { issueCashCreditNote } from './issue-cash-credit-note.ts';
import { recordApplications } from './record-applications.ts';
import { reverseApplicationInTx } from './reverse-application.ts';

type Resolved = Extract<DisputeResolution, { status: 'resolved' }>;

export async function chargeBack(
  tx: Prisma.TransactionClient,
  options: { resolution: Resolved; disputeLabel: string; actor: AuditActor; now: Date },
): Promise<{ creditNotes: string[]; reversed: string[]; reapplied: string[] }> {
  const { resolution, disputeLabel, actor, now } = options;
  const plan = resolution.chargeback;
  if (!plan) return { creditNotes: [], reversed: [], reapplied: [] };
  const reason = `Chargeback: ${disputeLabel}`;
  for (const applicationId of plan.reverseApplicationIds) {
    await reverseApplicationInTx(tx, { applicationId, reason, disposition: 'REFUNDED', actor, now });
  }
  const receipt = (await lockReceipt(tx, plan.receiptId))!;
  let applied = dec(receipt.appliedAmount);
  let unapplied = dec(receipt.unappliedAmount).minus(plan.fromUnapplied);
  let refunded = dec(receipt.refundedAmount).plus(plan.fromUnapplied);

  const reapplied: string[] = [];
  if (plan.reapply.length > 0) {
    const erp = await resolveCommandTarget(tx, 'ERP');
    const invoices = new Map((await lockInvoices(tx, plan.reapply.map((r) => r.invoiceId))).map((i) => [i.id, i]));
    const recorded = await recordApplications(tx, {
      receipt,
      applications: plan.reapply.map((r) => ({
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
      eventId: null,
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

  const creditNotes: string[] = [];
  for (const note of resolution.creditNotes) {
    const credit = await issueCashCreditNote(tx, { invoiceId: note.invoiceId, amount: note.amount, reason: 'DISPUTE', note: reason, actor, now });
    creditNotes.push(credit.creditNoteId);
  }
  return { creditNotes, reversed: plan.reverseApplicationIds, reapplied };
}
