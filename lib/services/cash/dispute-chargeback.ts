// The money side of a payment dispute the payer won (DESIGN.md §6): the conceded cash
// leaves the receipt. It comes out of the unapplied part first; then applications are
// reversed newest first (their cash refunded), the untaken remainder of a partly taken one
// is applied again (take-cash-from-receipt.ts), and every invoice part taken back is
// credited (reason DISPUTE) so the invoice does not reopen for money the payer won. The
// plan is the cash core's.
import type { Prisma } from '../../db/client.ts';
import type { DisputeResolution } from '../../domain/cash/dispute.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { issueCashCreditNote } from './issue-cash-credit-note.ts';
import { takeCashFromReceipt } from './take-cash-from-receipt.ts';

type Resolved = Extract<DisputeResolution, { status: 'resolved' }>;

export async function chargeBack(
  tx: Prisma.TransactionClient,
  options: { resolution: Resolved; disputeLabel: string; actor: AuditActor; now: Date },
): Promise<{ creditNotes: string[]; reversed: string[]; reapplied: string[] }> {
  const { resolution, disputeLabel, actor, now } = options;
  const plan = resolution.chargeback;
  if (!plan) return { creditNotes: [], reversed: [], reapplied: [] };
  const reason = `Chargeback: ${disputeLabel}`;
  const { reversed, reapplied } = await takeCashFromReceipt(tx, { receiptId: plan.receiptId, take: { ...plan, taken: [] }, reason, actor, now });

  const creditNotes: string[] = [];
  for (const note of resolution.creditNotes) {
    const credit = await issueCashCreditNote(tx, { invoiceId: note.invoiceId, amount: note.amount, reason: 'DISPUTE', note: reason, actor, now });
    creditNotes.push(credit.creditNoteId);
  }
  return { creditNotes, reversed, reapplied };
}
