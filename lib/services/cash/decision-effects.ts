// What approving or rejecting a cash exception does with the money (the wording is the
// classification's): SHORT_PAY_DEDUCTION approve → credit note for the deduction, reject →
// it stays due; PAYMENT_DISPUTED approve → concede (credit / chargeback), reject → contest;
// UNAPPLIED_CASH approve → keep it on account (nothing moves), reject → refund it.
import type { EntityType, ExceptionCode } from '../../db/generated/enums.ts';
import { toJsonSafe } from '../audit/to-json-safe.ts';
import type { DecisionEffect, DecisionEffectOutcome } from '../exceptions/decision-effects.ts';
import { approveDeduction } from './approve-deduction.ts';
import { refundUnappliedCash } from './refund-unapplied-cash.ts';
import { rejectDeduction } from './reject-deduction.ts';
import { contestDispute, resolveDisputeOutcome } from './resolve-dispute.ts';

const done = (details: unknown): DecisionEffectOutcome => ({ applied: true, details: toJsonSafe(details) as Record<string, unknown> });

// Cash application raises these codes on its own rows (CashApplication, Dispute, CashReceipt).
// One raised about something else (by hand, by another flow) has no money to move here: the
// decision is recorded without an effect, as for codes that have none.
const about = (entityType: EntityType, effect: DecisionEffect): DecisionEffect => async (tx, input) =>
  input.exception.entityType === entityType ? effect(tx, input) : { applied: false, details: { skipped: `not about a ${entityType}` } };

export const cashDecisionEffects: Partial<Record<ExceptionCode, DecisionEffect>> = {
  SHORT_PAY_DEDUCTION: about('CashApplication', async (tx, { exception, decision, actor, note, now }) => {
    const input = { applicationId: exception.entityId, actor, note, now };
    return done(decision === 'approve' ? await approveDeduction(tx, input) : await rejectDeduction(tx, input));
  }),
  PAYMENT_DISPUTED: about('Dispute', async (tx, { exception, decision, actor, note, now }) => {
    const input = { disputeId: exception.entityId, actor, note, now };
    return done(decision === 'approve' ? await resolveDisputeOutcome(tx, { ...input, outcome: { result: 'ACCEPTED' } }) : await contestDispute(tx, input));
  }),
  UNAPPLIED_CASH: about('CashReceipt', async (tx, { exception, decision, actor, note, now }) => {
    if (decision === 'approve') return done({ receiptId: exception.entityId, kept: 'on account' });
    return done(await refundUnappliedCash(tx, { receiptId: exception.entityId, actor, note, now }));
  }),
};
