// FINANCE's decisions on cash exceptions, taken through the exception queue: a short-pay
// deduction approved (credit note, invoice paid) or rejected (the amount stays due), and
// unapplied cash kept on account or refunded — each decision and its money effect in one
// transaction, recorded with effectsApplied.
import { describe, expect, it } from 'vitest';
import { cashConnectors, createEngagement, createInvoice, createPayer, invoiceRow, money, payment, receiptOf, receivePayment } from '../../../test/fixtures/cash.ts';
import { createPerson } from '../../../test/fixtures/exceptions.ts';
import { db } from '../../db/client.ts';
import { performExceptionAction } from '../exceptions/perform-exception-action.ts';

const now = new Date('2026-03-05T12:00:00Z');

async function shortPaid(options: { net: string; taxRate?: string; currency?: string; legalEntityCode?: string; paid: string; deduction: string }) {
  const { payments } = await cashConnectors();
  const { client, externalId } = await createPayer(payments, { legalEntityCode: options.legalEntityCode });
  const engagement = await createEngagement(client.id, { legalEntityCode: options.legalEntityCode, currency: options.currency });
  const invoice = await createInvoice(engagement, { net: options.net, taxRate: options.taxRate, currency: options.currency });
  const data = payment({ amount: options.paid, currency: options.currency ?? 'USD', payer: { externalId }, remittance: [{ invoiceNumber: invoice.number!, amount: options.paid, deduction: options.deduction, reasonCode: 'PRICING' }] });
  await receivePayment(payments, data);
  const [application] = (await receiptOf(payments, data.paymentId)).applications;
  const exception = await db().exception.findFirstOrThrow({ where: { code: 'SHORT_PAY_DEDUCTION', entityId: application!.id } });
  return { invoice, application: application!, exception };
}

const decide = async (exceptionId: string, action: 'approve' | 'reject') => {
  const finance = await createPerson('FINANCE');
  const result = await performExceptionAction({ exceptionId, action, actor: finance.actor, note: 'Checked with the account manager', now });
  const recorded = await db().exceptionAction.findUniqueOrThrow({ where: { id: result.actionId! } });
  return { result, recorded, finance };
};

describe('SHORT_PAY_DEDUCTION decisions', () => {
  it('approve: a DEDUCTION credit note for exactly the deduction, the invoice paid, effectsApplied true', async () => {
    const { invoice, application, exception } = await shortPaid({ net: '1000.00', paid: '950.00', deduction: '50.00' });
    const { result, recorded, finance } = await decide(exception.id, 'approve');
    expect(result.exception.status).toBe('RESOLVED');

    const creditNote = await db().invoice.findFirstOrThrow({ where: { originalInvoiceId: invoice.id, kind: 'CREDIT_NOTE' }, include: { lines: true } });
    expect({ reason: creditNote.creditNoteReason, status: creditNote.status, total: money(creditNote.total) }).toEqual({ reason: 'DEDUCTION', status: 'ISSUED', total: '-50.00' });
    expect(creditNote.number).toMatch(/^CN-US01-2026-\d{6}$/);
    const after = await invoiceRow(invoice.id);
    expect({ status: after.status, balance: money(after.balanceDue), credited: money(after.amountCredited), applied: money(after.amountApplied) }).toEqual({ status: 'PAID', balance: '0.00', credited: '50.00', applied: '950.00' });
    expect(await db().cashApplication.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ deductionStatus: 'APPROVED', deductionDecidedById: finance.user.id, deductionDecidedAt: now });
    expect(recorded.data).toMatchObject({ decision: 'approve', effectsApplied: true, effects: { creditNoteId: creditNote.id, credited: '50.00', invoice: { status: 'PAID' } } });
    expect(await db().outboxCommand.count({ where: { kind: 'POST_CREDIT_NOTE', entityId: creditNote.id } })).toBe(1);
    expect(await db().lineageLink.count({ where: { fromId: creditNote.id, toId: invoice.id, relation: 'CREDITS' } })).toBe(1);
  });

  it('approve on a taxed invoice: the credit note, tax included, equals the deduction to the cent', async () => {
    const { invoice, exception } = await shortPaid({ net: '1000.00', taxRate: '0.2', currency: 'GBP', legalEntityCode: 'GB01', paid: '1136.67', deduction: '63.33' });
    await decide(exception.id, 'approve');
    const creditNote = await db().invoice.findFirstOrThrow({ where: { originalInvoiceId: invoice.id } });
    expect({ subtotal: money(creditNote.subtotal), tax: money(creditNote.taxTotal), total: money(creditNote.total) }).toEqual({ subtotal: '-52.78', tax: '-10.55', total: '-63.33' });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'PAID' });
    expect(money((await invoiceRow(invoice.id)).balanceDue)).toBe('0.00');
  });

  it('reject: no credit note; the deducted amount stays due on the invoice', async () => {
    const { invoice, application, exception } = await shortPaid({ net: '400.00', paid: '380.00', deduction: '20.00' });
    const { recorded } = await decide(exception.id, 'reject');
    expect(await db().invoice.count({ where: { originalInvoiceId: invoice.id } })).toBe(0);
    const after = await invoiceRow(invoice.id);
    expect({ status: after.status, balance: money(after.balanceDue) }).toEqual({ status: 'PARTIALLY_PAID', balance: '20.00' });
    expect((await db().cashApplication.findUniqueOrThrow({ where: { id: application.id } })).deductionStatus).toBe('REJECTED');
    expect(recorded.data).toMatchObject({ decision: 'reject', effectsApplied: true, effects: { invoice: { balanceDue: '20.00' } } });
  });

  it('a failing effect rolls the decision back: the exception stays open', async () => {
    const { application, exception } = await shortPaid({ net: '300.00', paid: '290.00', deduction: '10.00' });
    await db().cashApplication.update({ where: { id: application.id }, data: { deductionStatus: 'NONE' } });
    const finance = await createPerson('FINANCE');
    await expect(performExceptionAction({ exceptionId: exception.id, action: 'approve', actor: finance.actor, now })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await db().exception.findUniqueOrThrow({ where: { id: exception.id } })).status).toBe('OPEN');
  });
});

describe('UNAPPLIED_CASH decisions', () => {
  it('approve keeps it on account; reject refunds what is unapplied', async () => {
    const { payments } = await cashConnectors();
    const kept = payment({ amount: '70.00', payer: { name: 'Someone' } });
    const refunded = payment({ amount: '80.00', payer: { name: 'Someone else' } });
    for (const data of [kept, refunded]) await receivePayment(payments, data);
    const exceptionFor = async (paymentId: string) => db().exception.findFirstOrThrow({ where: { code: 'UNAPPLIED_CASH', entityId: (await receiptOf(payments, paymentId)).id } });

    expect((await decide((await exceptionFor(kept.paymentId)).id, 'approve')).recorded.data).toMatchObject({ effectsApplied: true });
    expect(await receiptOf(payments, kept.paymentId)).toMatchObject({ status: 'UNAPPLIED' });
    await decide((await exceptionFor(refunded.paymentId)).id, 'reject');
    const receipt = await receiptOf(payments, refunded.paymentId);
    expect({ status: receipt.status, unapplied: money(receipt.unappliedAmount), refunded: money(receipt.refundedAmount) }).toEqual({ status: 'REFUNDED', unapplied: '0.00', refunded: '80.00' });
  });
});
