// q2c.payment.received.v1 on a real database: remittance, exact single, exact subset,
// subsidiaries, unapplied and overpaid cash, idempotent replays; with the invoice balances,
// exceptions, lineage and ERP commands each leaves behind.
import { describe, expect, it } from 'vitest';
import { cashConnectors, createEngagement, createInvoice, createPayer, invoiceRow, money, payment, receiptOf, receivePayment } from '../../test/fixtures/cash.ts';
import { handle } from '../../test/fixtures/commercial.ts';
import { db } from '../db/client.ts';
import { paymentReceivedWorkflow } from './payment-received.ts';

async function payerWithInvoices(nets: string[], options: { parentId?: string } = {}) {
  const { payments } = await cashConnectors();
  const { client, externalId } = await createPayer(payments, options);
  const engagement = await createEngagement(client.id);
  const invoices = [];
  for (const [i, net] of nets.entries()) invoices.push(await createInvoice(engagement, { net, issuedAt: new Date(Date.UTC(2026, 0, 5 + i, 10)) }));
  return { payments, client, externalId, engagement, invoices };
}

const exceptionOf = (code: 'UNAPPLIED_CASH' | 'SHORT_PAY_DEDUCTION', entityId: string) => db().exception.findFirst({ where: { code, entityId } });

describe('q2c.payment.received.v1', () => {
  it('applies remittance lines to the invoices they name, with lineage, audit and one ERP command per application', async () => {
    const { payments, externalId, invoices } = await payerWithInvoices(['1000.00', '250.00', '400.00']);
    const [a, , c] = invoices;
    const data = payment({ amount: '1400.00', payer: { externalId }, remittance: [{ invoiceNumber: a!.number!.toLowerCase(), amount: '1000.00' }, { invoiceNumber: c!.number!, amount: '400.00' }] });
    const { outcome } = await receivePayment(payments, data);
    expect(outcome).toMatchObject({ status: 'applied' });

    const receipt = await receiptOf(payments, data.paymentId);
    expect({ status: receipt.status, applied: money(receipt.appliedAmount), unapplied: money(receipt.unappliedAmount) }).toEqual({ status: 'APPLIED', applied: '1400.00', unapplied: '0.00' });
    expect(receipt.applications.map((r) => ({ invoiceId: r.invoiceId, method: r.method, automatic: r.automatic, amount: money(r.amount) }))).toEqual([
      { invoiceId: a!.id, method: 'REMITTANCE', automatic: true, amount: '1000.00' },
      { invoiceId: c!.id, method: 'REMITTANCE', automatic: true, amount: '400.00' },
    ]);
    for (const invoice of [a!, c!]) expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'PAID', paidAt: new Date(data.receivedAt) });
    expect(money((await invoiceRow(a!.id)).balanceDue)).toBe('0.00');

    const [first] = receipt.applications;
    const edges = await db().lineageLink.findMany({ where: { OR: [{ fromId: receipt.id }, { fromId: first!.id }] } });
    expect(edges.map((e) => `${e.fromType}>${e.relation}>${e.toType}`).sort()).toEqual(['CashApplication>SETTLES>Invoice', 'CashReceipt>APPLIED>CashApplication', 'CashReceipt>APPLIED>CashApplication']);
    const commands = await db().outboxCommand.findMany({ where: { kind: 'POST_CASH_APPLICATION', entityId: { in: receipt.applications.map((r) => r.id) } } });
    expect(commands).toHaveLength(2);
    expect(commands.find((cmd) => cmd.entityId === first!.id)?.payload).toMatchObject({ kind: 'APPLICATION', amount: '1000', currency: 'USD', invoice: { id: a!.id, number: a!.number } });
    expect(await db().auditRecord.count({ where: { entityId: receipt.id, action: 'cash-receipt.received' } })).toBe(1);
    expect(await exceptionOf('UNAPPLIED_CASH', receipt.id)).toBeNull();
  });

  it("without remittance: the payer's one open invoice of exactly that amount, oldest first", async () => {
    const { payments, externalId, invoices } = await payerWithInvoices(['100.00', '250.00', '400.00', '250.00']);
    const data = payment({ amount: '250.00', payer: { externalId } });
    await receivePayment(payments, data);
    const receipt = await receiptOf(payments, data.paymentId);
    expect(receipt.applications.map((r) => [r.invoiceId, r.method])).toEqual([[invoices[1]!.id, 'EXACT_AMOUNT']]);
    expect((await invoiceRow(invoices[3]!.id)).status).toBe('ISSUED');
  });

  it('without remittance: a small set of open invoices summing exactly to the amount', async () => {
    const { payments, externalId, invoices } = await payerWithInvoices(['100.00', '250.00', '400.00']);
    const data = payment({ amount: '500.00', payer: { externalId } });
    await receivePayment(payments, data);
    const receipt = await receiptOf(payments, data.paymentId);
    expect(receipt.applications.map((r) => [r.invoiceId, r.method, money(r.amount)])).toEqual([
      [invoices[0]!.id, 'SUBSET_SUM', '100.00'],
      [invoices[2]!.id, 'SUBSET_SUM', '400.00'],
    ]);
    expect(receipt.status).toBe('APPLIED');
  });

  it("a parent's payment settles its subsidiary's invoice once nothing of its own matches", async () => {
    const parent = await payerWithInvoices(['999.00']);
    const child = await payerWithInvoices(['320.00'], { parentId: parent.client.id });
    const data = payment({ amount: '320.00', payer: { externalId: parent.externalId } });
    await receivePayment(parent.payments, data);
    const receipt = await receiptOf(parent.payments, data.paymentId);
    expect(receipt.applications.map((r) => r.invoiceId)).toEqual([child.invoices[0]!.id]);
    expect(receipt.clientId).toBe(parent.client.id);
  });

  it('a payer known by name only leaves the cash unapplied with UNAPPLIED_CASH for its amount', async () => {
    const { payments } = await payerWithInvoices(['750.00']);
    const data = payment({ amount: '750.00', payer: { name: 'ACME Holdings' } });
    const { outcome, event } = await receivePayment(payments, data);
    expect(outcome).toEqual({ status: 'applied', note: 'Nothing applied; 750.00 USD unapplied.' });
    const receipt = await receiptOf(payments, data.paymentId);
    expect({ status: receipt.status, clientId: receipt.clientId, unapplied: money(receipt.unappliedAmount), applications: receipt.applications.length }).toEqual({ status: 'UNAPPLIED', clientId: null, unapplied: '750.00', applications: 0 });
    const exception = await exceptionOf('UNAPPLIED_CASH', receipt.id);
    expect(exception).toMatchObject({ entityType: 'CashReceipt', recoverability: 'DECISION', ownerTeam: 'FINANCE_AR', status: 'OPEN' });
    expect(money(exception!.financialImpact)).toBe('750.00');
    expect(exception!.details).toMatchObject({ paymentId: data.paymentId, why: expect.stringContaining('name only') });
    expect(await db().exceptionEvent.count({ where: { exceptionId: exception!.id, inboxEventId: event.inboxEventId } })).toBe(1);
  });

  it('an overpayment settles the invoice and leaves the rest as an unapplied credit', async () => {
    const { payments, externalId, invoices } = await payerWithInvoices(['100.00']);
    const data = payment({ amount: '150.00', currency: 'USD', payer: { externalId }, remittance: [{ invoiceNumber: invoices[0]!.number!, amount: '150.00' }] });
    await receivePayment(payments, data);
    const receipt = await receiptOf(payments, data.paymentId);
    expect({ status: receipt.status, applied: money(receipt.appliedAmount), unapplied: money(receipt.unappliedAmount) }).toEqual({ status: 'PARTIALLY_APPLIED', applied: '100.00', unapplied: '50.00' });
    expect((await invoiceRow(invoices[0]!.id)).status).toBe('PAID');
    expect(money((await exceptionOf('UNAPPLIED_CASH', receipt.id))!.financialImpact)).toBe('50.00');
  });

  it('a short pay with a reason code is applied with a deduction waiting for approval', async () => {
    const { payments, externalId, invoices } = await payerWithInvoices(['1000.00']);
    const data = payment({ amount: '950.00', payer: { externalId }, remittance: [{ invoiceNumber: invoices[0]!.number!, amount: '950.00', deduction: '50.00', reasonCode: 'DAMAGED' }] });
    await receivePayment(payments, data);
    const [application] = (await receiptOf(payments, data.paymentId)).applications;
    expect({ deduction: money(application!.deductionAmount), status: application!.deductionStatus, reason: application!.deductionReasonCode }).toEqual({ deduction: '50.00', status: 'PENDING_APPROVAL', reason: 'DAMAGED' });
    const invoice = await invoiceRow(invoices[0]!.id);
    expect({ status: invoice.status, balance: money(invoice.balanceDue) }).toEqual({ status: 'PARTIALLY_PAID', balance: '50.00' });
    const exception = await exceptionOf('SHORT_PAY_DEDUCTION', application!.id);
    expect(exception).toMatchObject({ entityType: 'CashApplication', correlationId: invoice.correlationId, status: 'OPEN' });
    expect(money(exception!.financialImpact)).toBe('50.00');
  });

  it('replaying the same event, or the same payment under a new event id, changes nothing', async () => {
    const { payments, externalId, invoices } = await payerWithInvoices(['100.00', '200.00']);
    const data = payment({ amount: '180.00', payer: { externalId }, remittance: [{ invoiceNumber: invoices[1]!.number!, amount: '180.00' }] });
    const { event } = await receivePayment(payments, data);
    const counts = async () => ({
      receipts: await db().cashReceipt.count({ where: { externalId: data.paymentId } }),
      applications: await db().cashApplication.count({ where: { receipt: { externalId: data.paymentId } } }),
      commands: await db().outboxCommand.count({ where: { kind: 'POST_CASH_APPLICATION' } }),
      lineage: await db().lineageLink.count(),
      audits: await db().auditRecord.count(),
    });
    const before = await counts();
    expect(await handle(paymentReceivedWorkflow, event, payments)).toEqual({ status: 'applied', note: `Payment ${data.paymentId} was already recorded; nothing changed.` });
    expect((await receivePayment(payments, data)).outcome).toMatchObject({ status: 'applied' });
    expect(await counts()).toEqual(before);
    expect(money((await invoiceRow(invoices[1]!.id)).balanceDue)).toBe('20.00');
    // The same payment id with another amount is not a replay: nothing is applied.
    expect((await receivePayment(payments, { ...data, amount: '999.00' })).outcome).toMatchObject({ status: 'ignored' });
    expect(await counts()).toEqual(before);
  });
});
