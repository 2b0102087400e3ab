// Ends a dispute (DESIGN.md §6, §7 PAYMENT_DISPUTED) with its outcome, in the caller's
// transaction: WON releases the hold and nothing moves; ACCEPTED (FINANCE concedes, the
// exception's "approve") or LOST credits the whole held amount; PARTIAL credits the part
// conceded. An invoice dispute is settled by a credit note (reason DISPUTE); a payment
// dispute is a chargeback (dispute-chargeback.ts). Contesting (the exception's "reject")
// keeps the hold while the gateway decides. A closed dispute is "already done".
import type { Prisma } from '../../db/client.ts';
import type { DisputeStatus } from '../../db/generated/enums.ts';
import { resolveDispute, type DisputeOutcome } from '../../domain/cash/dispute.ts';
import { AppError } from '../../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { resolveExceptionBySystem } from '../exceptions/resolve-by-system.ts';
import { chargeBack } from './dispute-chargeback.ts';
import { disputeTarget, lockDisputeSubject } from './dispute-subject.ts';
import { issueCashCreditNote } from './issue-cash-credit-note.ts';
import { moneyText } from './money-text.ts';

export interface DisputeDecisionInput {
  disputeId: string;
  actor: { userId: string };
  note?: string | null;
  now: Date;
}

export interface ResolvedDispute {
  disputeId: string;
  alreadyDone: boolean;
  status: DisputeStatus;
  conceded: string;
  creditNoteIds: string[];
  refundDue: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function lockDispute(tx: Prisma.TransactionClient, disputeId: string) {
  if (!uuid.test(disputeId)) throw new AppError('CONFLICT', 'The dispute is not recorded yet: replay its held event once the disputed payment or invoice is known, then decide.');
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM "Dispute" WHERE id = ${disputeId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'No such dispute.');
  return tx.dispute.findUniqueOrThrow({ where: { id: disputeId } });
}

export async function resolveDisputeOutcome(tx: Prisma.TransactionClient, input: DisputeDecisionInput & { outcome: DisputeOutcome }): Promise<ResolvedDispute> {
  const { disputeId, actor, now, outcome } = input;
  const dispute = await lockDispute(tx, disputeId);
  const subject = await lockDisputeSubject(tx, dispute);
  if (subject.kind !== 'INVOICE' && subject.kind !== 'RECEIPT') throw new Error(`The ${subject.what} of dispute ${disputeId} is missing`);
  const decided = resolveDispute({ target: disputeTarget(subject), heldAmount: dispute.amount.toString(), currentStatus: dispute.status, outcome });
  if (decided.status === 'already-resolved') {
    return { disputeId, alreadyDone: true, status: dispute.status, conceded: '0', creditNoteIds: [], refundDue: '0' };
  }
  const actorRef = { type: 'USER' as const, id: actor.userId };
  const label = `dispute ${dispute.externalId} (${dispute.reason})`;
  let creditNoteIds: string[] = [];
  if (subject.kind === 'INVOICE') {
    for (const note of decided.creditNotes) {
      const credit = await issueCashCreditNote(tx, { invoiceId: note.invoiceId, amount: note.amount, reason: 'DISPUTE', note: input.note?.trim() || `Conceded ${label}.`, actor: actorRef, now });
      creditNoteIds.push(credit.creditNoteId);
    }
  } else {
    creditNoteIds = (await chargeBack(tx, { resolution: decided, disputeLabel: label, actor: actorRef, now })).creditNotes;
  }
  const conceded = moneyText(decided.concededAmount, dispute.currency);
  const refundDue = moneyText(decided.refundDue, dispute.currency);
  const resolution = input.note?.trim() || `${outcome.result}: ${conceded} ${dispute.currency} conceded, ${moneyText(decided.releasedAmount, dispute.currency)} released.`;
  await tx.dispute.update({ where: { id: disputeId }, data: { status: decided.disputeStatus, decidedById: actor.userId, decidedAt: now, resolution, closedAt: now } });
  await writeAudit(tx, {
    actor: actorRef,
    entityType: 'Dispute',
    entityId: disputeId,
    action: 'dispute.resolved',
    before: { status: dispute.status, held: dispute.amount },
    after: { status: decided.disputeStatus, outcome: outcome.result, conceded, released: decided.releasedAmount, refundDue, creditNoteIds },
    at: now,
  });
  // Outside a triage action (the gateway's final word), the queue item closes here.
  await resolveExceptionBySystem(tx, { code: 'PAYMENT_DISPUTED', entityType: 'Dispute', entityId: disputeId, resolution, now, actorId: actor.userId });
  return { disputeId, alreadyDone: false, status: decided.disputeStatus, conceded, creditNoteIds, refundDue };
}

/** FINANCE contests the dispute: the hold stays until the outcome is known. */
export async function contestDispute(tx: Prisma.TransactionClient, input: DisputeDecisionInput): Promise<{ disputeId: string; alreadyDone: boolean; status: DisputeStatus }> {
  const { disputeId, actor, now } = input;
  const dispute = await lockDispute(tx, disputeId);
  if (dispute.status === 'CONTESTED') return { disputeId, alreadyDone: true, status: dispute.status };
  if (dispute.status !== 'OPEN') throw new AppError('CONFLICT', `The dispute is already ${dispute.status.toLowerCase()}.`);
  await tx.dispute.update({ where: { id: disputeId }, data: { status: 'CONTESTED', decidedById: actor.userId, decidedAt: now, resolution: input.note?.trim() || null } });
  await writeAudit(tx, { actor: { type: 'USER', id: actor.userId }, entityType: 'Dispute', entityId: disputeId, action: 'dispute.contested', before: { status: dispute.status }, after: { status: 'CONTESTED', note: input.note ?? null }, at: now });
  return { disputeId, alreadyDone: false, status: 'CONTESTED' };
}
