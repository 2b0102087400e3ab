// POST /api/v1/cash/applications/{id}/reverse end to end: real Requests with personal API
// tokens; the reversal restores the invoice's balance, puts the cash back on the receipt
// (UNAPPLIED_CASH), withdraws a pending deduction and tells the ERP; repeating is a no-op.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POST as reverseRoute } from '@/app/api/v1/cash/applications/[id]/reverse/route';
import { cashConnectors, createEngagement, createInvoice, createPayer, invoiceRow, money, payment, receiptOf, receivePayment } from '../../test/fixtures/cash.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { db } from '../db/client.ts';

const withId = (id: string) => ({ params: Promise.resolve({ id }) });
const reverse = (id: string, headers: Record<string, string>, body: unknown) =>
  reverseRoute(new Request(`http://localhost/api/v1/cash/applications/${id}/reverse`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }), withId(id));

async function appliedPayment(remittance: { deduction?: string; reasonCode?: string } = {}) {
  const { payments } = await cashConnectors();
  const { client, externalId } = await createPayer(payments);
  const invoice = await createInvoice(await createEngagement(client.id), { net: '500.00' });
  const paid = remittance.deduction ? '480.00' : '500.00';
  const data = payment({ amount: paid, payer: { externalId }, remittance: [{ invoiceNumber: invoice.number!, amount: paid, ...remittance }] });
  await receivePayment(payments, data);
  const receipt = await receiptOf(payments, data.paymentId);
  return { payments, invoice, receipt, application: receipt.applications[0]! };
}

describe('POST /api/v1/cash/applications/{id}/reverse', () => {
  it('401 without a token, 403 for an executive, 400 without a reason, 404 for an unknown application', async () => {
    const { application } = await appliedPayment();
    expect((await reverse(application.id, {}, { reason: 'x' })).status).toBe(401);
    const executive = await createPerson('EXECUTIVE');
    expect((await reverse(application.id, executive.bearer, { reason: 'Wrong client' })).status).toBe(403);
    const finance = await createPerson('FINANCE');
    const invalid = await reverse(application.id, finance.bearer, { reason: '  ' });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).errors).toEqual([expect.objectContaining({ pointer: '/reason' })]);
    expect((await reverse(randomUUID(), finance.bearer, { reason: 'Wrong client' })).status).toBe(404);
    expect((await reverse('not-a-uuid', finance.bearer, { reason: 'Wrong client' })).status).toBe(404);
  });

  it('reopens the invoice, puts the cash back on the receipt with UNAPPLIED_CASH and tells the ERP; a repeat changes nothing', async () => {
    const { invoice, receipt, application } = await appliedPayment();
    expect((await invoiceRow(invoice.id)).status).toBe('PAID');
    const finance = await createPerson('FINANCE');
    const response = await reverse(application.id, finance.bearer, { reason: 'Paid by the wrong entity' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ applicationId: application.id, alreadyReversed: false, invoice: { status: 'ISSUED', balanceDue: '500.00' }, receipt: { status: 'UNAPPLIED', unappliedAmount: '500.00' } });

    const after = await invoiceRow(invoice.id);
    expect({ status: after.status, balance: money(after.balanceDue), applied: money(after.amountApplied), paidAt: after.paidAt }).toEqual({ status: 'ISSUED', balance: '500.00', applied: '0.00', paidAt: null });
    const rows = await db().cashApplication.findMany({ where: { receiptId: receipt.id }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => ({ kind: r.kind, amount: money(r.amount), reversed: r.reversedAt !== null, reverses: r.reversesApplicationId }))).toEqual([
      { kind: 'APPLICATION', amount: '500.00', reversed: true, reverses: null },
      { kind: 'REVERSAL', amount: '-500.00', reversed: false, reverses: application.id },
    ]);
    const exception = await db().exception.findFirstOrThrow({ where: { code: 'UNAPPLIED_CASH', entityId: receipt.id } });
    expect(money(exception.financialImpact)).toBe('500.00');
    const command = await db().outboxCommand.findFirstOrThrow({ where: { kind: 'POST_CASH_APPLICATION', entityId: body.reversalId } });
    expect(command.payload).toMatchObject({ kind: 'REVERSAL', reversesApplicationId: application.id, amount: '-500', reason: 'Paid by the wrong entity' });
    expect(await db().lineageLink.count({ where: { fromId: body.reversalId, toId: application.id, relation: 'REVERSES' } })).toBe(1);

    const again = await (await reverse(application.id, finance.bearer, { reason: 'Again' })).json();
    expect(again).toMatchObject({ alreadyReversed: true, reversalId: null });
    expect(await db().cashApplication.count({ where: { receiptId: receipt.id } })).toBe(2);
  });

  it('withdraws a pending deduction with the cash and resolves its SHORT_PAY_DEDUCTION; a refund does not leave cash unapplied', async () => {
    const { invoice, receipt, application } = await appliedPayment({ deduction: '20.00', reasonCode: 'LATE' });
    const finance = await createPerson('FINANCE');
    const body = await (await reverse(application.id, finance.bearer, { reason: 'Returned to the payer', disposition: 'REFUNDED' })).json();
    expect(body.receipt).toMatchObject({ status: 'REFUNDED', unappliedAmount: '0.00', refundedAmount: '480.00' });
    expect(money((await invoiceRow(invoice.id)).balanceDue)).toBe('500.00');
    expect((await db().cashApplication.findUniqueOrThrow({ where: { id: application.id } })).deductionStatus).toBe('NONE');
    expect(await db().exception.findFirstOrThrow({ where: { code: 'SHORT_PAY_DEDUCTION', entityId: application.id } })).toMatchObject({ status: 'RESOLVED' });
    expect(await db().exception.count({ where: { code: 'UNAPPLIED_CASH', entityId: receipt.id } })).toBe(0);
  });
});
