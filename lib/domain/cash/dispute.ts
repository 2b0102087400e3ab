// Disputes (DESIGN.md §6, §7 PAYMENT_DISPUTED): a payer challenges an invoice or a payment.
// Opening one puts the disputed amount on hold — not collectable, not counted as settled —
// and raises PAYMENT_DISPUTED for FINANCE (a DECISION). Resolving it says what happens to
// the money: WON releases the hold and nothing changes; LOST (or ACCEPTED, conceded without
// a fight) credits the whole held amount; PARTIAL credits the part conceded and releases
// the rest. A concession is always a credit note (reason DISPUTE), never an edit.
import type { DisputeStatus } from '../../db/generated/enums.ts';
import { Decimal, ZERO, dec, min, type DecimalInput } from '../money/decimal.ts';
import { sameCurrency } from './open-invoices.ts';

export interface DisputedApplication {
  applicationId: string;
  invoiceId: string;
  amount: DecimalInput;
}

export type DisputeTarget =
  | { kind: 'INVOICE'; invoiceId: string; currency: string; total: DecimalInput; balanceDue: DecimalInput }
  | {
      kind: 'RECEIPT';
      receiptId: string;
      currency: string;
      amount: DecimalInput;
      refundedAmount: DecimalInput;
      unappliedAmount: DecimalInput;
      /** Its live (not reversed) applications, in the order they were made. */
      applications: readonly DisputedApplication[];
    };

export type DisputeOpening =
  | {
      ok: true;
      heldAmount: Decimal;
      currency: string;
      /** The payer disputed more than the invoice or payment is worth: the hold is capped. */
      capped: boolean;
      exception: { code: 'PAYMENT_DISPUTED'; recoverability: 'DECISION'; amount: Decimal; currency: string };
    }
  | { ok: false; reason: 'CURRENCY_MISMATCH' | 'NOTHING_TO_DISPUTE' };

export function openDispute(options: { target: DisputeTarget; amount: DecimalInput; currency?: string }): DisputeOpening {
  const { target } = options;
  const amount = dec(options.amount);
  if (!amount.greaterThan(0)) throw new RangeError('A disputed amount must be positive');
  // The event may leave the currency out; it is then the disputed document's.
  if (options.currency !== undefined && !sameCurrency(options.currency, target.currency)) return { ok: false, reason: 'CURRENCY_MISMATCH' };
  const ceiling = target.kind === 'INVOICE' ? dec(target.total) : dec(target.amount).minus(dec(target.refundedAmount));
  if (!ceiling.greaterThan(0)) return { ok: false, reason: 'NOTHING_TO_DISPUTE' };
  const heldAmount = min(amount, ceiling);
  const currency = target.currency.trim().toUpperCase();
  return { ok: true, heldAmount, currency, capped: amount.greaterThan(ceiling), exception: { code: 'PAYMENT_DISPUTED', recoverability: 'DECISION', amount: heldAmount, currency } };
}

export type DisputeOutcome = { result: 'WON' } | { result: 'LOST' } | { result: 'ACCEPTED' } | { result: 'PARTIAL'; concededAmount: DecimalInput };

export interface DisputeCreditNote {
  invoiceId: string;
  amount: Decimal;
  currency: string;
  reason: 'DISPUTE';
}

export type DisputeResolution =
  | { status: 'already-resolved' }
  | {
      status: 'resolved';
      /** PARTIAL is recorded as LOST with the conceded amount: the payer won part of it. */
      disputeStatus: Extract<DisputeStatus, 'WON' | 'LOST' | 'ACCEPTED'>;
      concededAmount: Decimal;
      /** Back to normal: due again (invoice) or kept (payment). */
      releasedAmount: Decimal;
      creditNotes: DisputeCreditNote[];
      /** Invoice disputes: the balance after the credit note. */
      balanceDueAfter: Decimal | null;
      /** Invoice disputes: conceded beyond what was still due (already paid) — owed back to the payer. */
      refundDue: Decimal;
      /**
       * Payment disputes: the cash the payer took back. It comes out of the receipt's
       * unapplied part first; then applications are reversed (newest first) and, when one
       * is only partly taken, its remainder is applied again. Each invoice part taken is
       * credited, so the invoice's balance does not reopen for money the payer won back.
       */
      chargeback: { receiptId: string; amount: Decimal; fromUnapplied: Decimal; reverseApplicationIds: string[]; reapply: { invoiceId: string; amount: Decimal }[] } | null;
    };

export function resolveDispute(options: { target: DisputeTarget; heldAmount: DecimalInput; currentStatus: DisputeStatus; outcome: DisputeOutcome }): DisputeResolution {
  const { target, outcome } = options;
  if (options.currentStatus !== 'OPEN' && options.currentStatus !== 'CONTESTED') return { status: 'already-resolved' };
  const held = dec(options.heldAmount);
  if (!held.greaterThan(0)) throw new RangeError('A dispute holds a positive amount');
  const conceded = concededAmount(outcome, held);
  const disputeStatus = outcome.result === 'PARTIAL' ? 'LOST' : outcome.result;
  const currency = target.currency.trim().toUpperCase();
  const base = { status: 'resolved' as const, disputeStatus, concededAmount: conceded, releasedAmount: held.minus(conceded) };

  if (target.kind === 'INVOICE') {
    const balance = dec(target.balanceDue);
    return {
      ...base,
      creditNotes: conceded.greaterThan(0) ? [{ invoiceId: target.invoiceId, amount: conceded, currency, reason: 'DISPUTE' }] : [],
      balanceDueAfter: Decimal.max(balance.minus(conceded), ZERO),
      refundDue: Decimal.max(conceded.minus(Decimal.max(balance, ZERO)), ZERO),
      chargeback: null,
    };
  }
  if (conceded.isZero()) return { ...base, creditNotes: [], balanceDueAfter: null, refundDue: ZERO, chargeback: null };
  return { ...base, ...chargeBack(target, conceded, currency), balanceDueAfter: null, refundDue: ZERO };
}

function concededAmount(outcome: DisputeOutcome, held: Decimal): Decimal {
  if (outcome.result === 'WON') return ZERO;
  if (outcome.result !== 'PARTIAL') return held;
  const conceded = dec(outcome.concededAmount);
  if (!conceded.greaterThan(0) || !conceded.lessThan(held)) throw new RangeError('A partial outcome concedes more than nothing and less than the held amount');
  return conceded;
}

function chargeBack(target: Extract<DisputeTarget, { kind: 'RECEIPT' }>, conceded: Decimal, currency: string) {
  const take = takeFromReceipt(target, conceded);
  const creditNotes: DisputeCreditNote[] = take.taken.map((t) => ({ invoiceId: t.invoiceId, amount: t.amount, currency, reason: 'DISPUTE' }));
  return { creditNotes, chargeback: { receiptId: target.receiptId, amount: conceded, fromUnapplied: take.fromUnapplied, reverseApplicationIds: take.reverseApplicationIds, reapply: take.reapply } };
}

export interface ReceiptTake {
  fromUnapplied: Decimal;
  /** Applications reversed, newest first. */
  reverseApplicationIds: string[];
  /** The untaken part of a partly taken application, applied again. */
  reapply: { invoiceId: string; amount: Decimal }[];
  /** What each invoice gave back (its balance reopens unless it is credited). */
  taken: { invoiceId: string; amount: Decimal }[];
}

/** The cash that leaves a receipt (a conceded dispute, a refund): unapplied first, then its applications newest first. */
export function takeFromReceipt(target: Extract<DisputeTarget, { kind: 'RECEIPT' }>, amount: Decimal): ReceiptTake {
  const fromUnapplied = min(amount, Decimal.max(dec(target.unappliedAmount), ZERO));
  let rest = amount.minus(fromUnapplied);
  const take: ReceiptTake = { fromUnapplied, reverseApplicationIds: [], reapply: [], taken: [] };
  for (const application of [...target.applications].reverse()) {
    if (!rest.greaterThan(0)) break;
    const applied = dec(application.amount);
    const taken = min(rest, applied);
    take.reverseApplicationIds.push(application.applicationId);
    if (taken.lessThan(applied)) take.reapply.push({ invoiceId: application.invoiceId, amount: applied.minus(taken) });
    take.taken.push({ invoiceId: application.invoiceId, amount: taken });
    rest = rest.minus(taken);
  }
  if (rest.greaterThan(0)) throw new RangeError('The receipt does not hold that amount: its applications and unapplied part are less');
  return take;
}
