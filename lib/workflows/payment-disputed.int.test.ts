// q2c.payment.disputed.v1 and its resolution on a real database: an invoice dispute opened
// (hold, PAYMENT_DISPUTED) and conceded by FINANCE (DISPUTE credit note); a payment dispute
// contested, then won (nothing moves) or conceded (chargeback); unknown payments held.
import { describe, expect, it } from 'vitest';
import { cashConnectors, createEngagement, createInvoice, createPayer, disputePayment, invoiceRow, money, payment, receiptOf, receivePayment, uniqueId } from '../../test/fixtures/cash.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { db } from '../db/client.ts';
import { resolveDisputeOutcome } from '../services/cash/resolve-dispute.ts';
import { performExceptionAction } from '../services/exceptions/perform-exception-action.ts';
import { raiseException } from '../services/exceptions/raise-exception.ts';
import { WorkflowHold } from './workflow.ts';

const openedAt = '2026-03-10T08:00:00Z';
const now = new Date('2026-03-12T09:00:00Z');

async function paidInvoice(net: string, paid: string) {
  const { payments } = await cashConnectors();
  const { client, externalId } = await createPayer(payments);
  const invoice = await createInvoice(await createEngagement(client.id), { net });
  const data = payment({ amount: paid, payer: { externalId }, remittance: [{ invoiceNumber: invoice.number!, amount: paid }] });
  await receivePayment(payments, data);
  return { payments, invoice, receipt: await receiptOf(payments, data.paymentId) };
}

const disputeOf = (sourceSystem: string, externalId: string) => db().dispute.findUniqueOrThrow({ where: { sourceSystem_externalId: { sourceSystem, externalId } } });
const exceptionOf = (disputeId: string) => db().exception.findFirstOrThrow({ where: { code: 'PAYMENT_DISPUTED', entityId: disputeId } });

describe('q2c.payment.disputed.v1', () => {
  it('an invoice dispute holds the disputed amount and asks FINANCE; conceding credits it', async () => {
    const { payments, invoice } = await paidInvoice('600.00', '200.00');
    const disputeId = uniqueId('dp');
    const { outcome } = await disputePayment(payments, { disputeId, invoiceNumber: invoice.number!, amount: '150.00', reason: 'Work not delivered', openedAt });
    expect(outcome).toMatchObject({ status: 'applied', note: expect.stringContaining('150.00 USD on hold') });
    const dispute = await disputeOf(payments.code, disputeId);
    expect({ status: dispute.status, invoiceId: dispute.invoiceId, held: money(dispute.amount), currency: dispute.currency }).toEqual({ status: 'OPEN', invoiceId: invoice.id, held: '150.00', currency: 'USD' });
    const exception = await exceptionOf(dispute.id);
    expect(exception).toMatchObject({ recoverability: 'DECISION', ownerTeam: 'FINANCE_AR', correlationId: invoice.correlationId });
    expect(money(exception.financialImpact)).toBe('150.00');
    expect(await db().lineageLink.count({ where: { fromId: dispute.id, toId: invoice.id, relation: 'DISPUTES' } })).toBe(1);
    // A replay records nothing new.
    expect((await disputePayment(payments, { disputeId, invoiceNumber: invoice.number!, amount: '150.00', reason: 'Work not delivered', openedAt })).outcome).toMatchObject({ note: expect.stringContaining('already recorded') });

    const finance = await createPerson('FINANCE');
    const result = await performExceptionAction({ exceptionId: exception.id, action: 'approve', actor: finance.actor, now });
    const action = await db().exceptionAction.findUniqueOrThrow({ where: { id: result.actionId! } });
    expect(action.data).toMatchObject({ effectsApplied: true, effects: { status: 'ACCEPTED', conceded: '150.00' } });
    expect(await disputeOf(payments.code, disputeId)).toMatchObject({ status: 'ACCEPTED', decidedById: finance.user.id, closedAt: now });
    const creditNote = await db().invoice.findFirstOrThrow({ where: { originalInvoiceId: invoice.id } });
    expect({ reason: creditNote.creditNoteReason, total: money(creditNote.total) }).toEqual({ reason: 'DISPUTE', total: '-150.00' });
    const after = await invoiceRow(invoice.id);
    expect({ balance: money(after.balanceDue), status: after.status }).toEqual({ balance: '250.00', status: 'PARTIALLY_PAID' });
  });

  it('a contested payment dispute keeps its hold; won, nothing moves and the exception stays resolved', async () => {
    const { payments, invoice, receipt } = await paidInvoice('300.00', '300.00');
    const { outcome } = await disputePayment(payments, { paymentId: receipt.externalId, amount: '500.00', reason: 'Fraudulent', openedAt });
    expect(outcome).toMatchObject({ note: expect.stringContaining('capped') });
    const dispute = await disputeOf(payments.code, `payment:${receipt.externalId}`);
    expect({ receiptId: dispute.receiptId, held: money(dispute.amount) }).toEqual({ receiptId: receipt.id, held: '300.00' });

    const finance = await createPerson('FINANCE');
    await performExceptionAction({ exceptionId: (await exceptionOf(dispute.id)).id, action: 'reject', actor: finance.actor, now });
    expect((await disputeOf(payments.code, dispute.externalId)).status).toBe('CONTESTED');
    const won = await db().$transaction((tx) => resolveDisputeOutcome(tx, { disputeId: dispute.id, outcome: { result: 'WON' }, actor: { userId: finance.user.id }, now }));
    expect(won).toMatchObject({ status: 'WON', conceded: '0.00', creditNoteIds: [] });
    expect((await invoiceRow(invoice.id)).status).toBe('PAID');
    expect(money((await receiptOf(payments, receipt.externalId)).refundedAmount)).toBe('0.00');
  });

  it('a lost payment dispute is a chargeback: the cash leaves the receipt and the invoice is credited, not reopened', async () => {
    const { payments, invoice, receipt } = await paidInvoice('300.00', '300.00');
    await disputePayment(payments, { paymentId: receipt.externalId, amount: '120.00', reason: 'Not as described', openedAt });
    const dispute = await disputeOf(payments.code, `payment:${receipt.externalId}`);
    const finance = await createPerson('FINANCE');
    const lost = await db().$transaction((tx) => resolveDisputeOutcome(tx, { disputeId: dispute.id, outcome: { result: 'LOST' }, actor: { userId: finance.user.id }, now }));
    expect(lost).toMatchObject({ status: 'LOST', conceded: '120.00' });

    const after = await receiptOf(payments, receipt.externalId);
    expect({ applied: money(after.appliedAmount), refunded: money(after.refundedAmount), unapplied: money(after.unappliedAmount) }).toEqual({ applied: '180.00', refunded: '120.00', unapplied: '0.00' });
    expect(after.applications.map((a) => [a.kind, money(a.amount), a.automatic])).toEqual([
      ['APPLICATION', '300.00', true],
      ['REVERSAL', '-300.00', true],
      ['APPLICATION', '180.00', false],
    ]);
    const balance = await invoiceRow(invoice.id);
    expect({ status: balance.status, due: money(balance.balanceDue), credited: money(balance.amountCredited) }).toEqual({ status: 'PAID', due: '0.00', credited: '120.00' });
    expect((await exceptionOf(dispute.id)).status).toBe('RESOLVED');
  });

  it('a dispute of a payment not known yet is held (PAYMENT_DISPUTED) until it arrives and the event is replayed', async () => {
    const { payments } = await cashConnectors();
    await expect(disputePayment(payments, { paymentId: 'pay-unknown', amount: '10.00', currency: 'USD', reason: 'Chargeback', openedAt })).rejects.toBeInstanceOf(WorkflowHold);
    await expect(disputePayment(payments, { paymentId: 'pay-unknown', amount: '10.00', reason: 'Chargeback', openedAt })).rejects.toMatchObject({ exception: { code: 'PAYMENT_DISPUTED', entityType: 'Dispute' } });
    await receivePayment(payments, payment({ paymentId: 'pay-unknown', amount: '10.00' }));
    expect((await disputePayment(payments, { paymentId: 'pay-unknown', amount: '10.00', reason: 'Chargeback', openedAt })).outcome).toMatchObject({ status: 'applied' });
    // The held attempt's exception was only ever raised by the processor; raise it the same way and replay.
    const heldAs = `${payments.code}:payment:pay-late`;
    await db().$transaction((tx) => raiseException(tx, { code: 'PAYMENT_DISPUTED', entityType: 'Dispute', entityId: heldAs, now }));
    await receivePayment(payments, payment({ paymentId: 'pay-late', amount: '10.00' }));
    await disputePayment(payments, { paymentId: 'pay-late', amount: '10.00', reason: 'Chargeback', openedAt });
    expect(await db().exception.findFirstOrThrow({ where: { code: 'PAYMENT_DISPUTED', entityId: heldAs } })).toMatchObject({ status: 'RESOLVED' });
  });
});
