// FINANCE applies unapplied cash by hand (the workbench): exact money moved from the
// receipt to the invoice, MANUAL and not automatic, ERP told, UNAPPLIED_CASH resolved when
// nothing is left; every refusal is a clear error and changes nothing.
import { describe, expect, it } from 'vitest';
import { cashConnectors, createEngagement, createInvoice, createPayer, invoiceRow, money, payment, receiptOf, receivePayment } from '../../../test/fixtures/cash.ts';
import { createPerson } from '../../../test/fixtures/exceptions.ts';
import { db } from '../../db/client.ts';
import { applyReceiptToInvoice } from './apply-receipt-to-invoice.ts';

const now = new Date('2026-03-10T12:00:00Z');

async function unappliedReceipt(options: { amount: string; invoiceNet: string; currency?: string; invoiceCurrency?: string }) {
  const { payments } = await cashConnectors();
  const { client } = await createPayer(payments);
  const engagement = await createEngagement(client.id, { currency: options.invoiceCurrency ?? 'USD' });
  const invoice = await createInvoice(engagement, { net: options.invoiceNet, currency: options.invoiceCurrency ?? 'USD' });
  // A name only: the matcher cannot find the payer, so all of it stays unapplied.
  const data = payment({ amount: options.amount, currency: options.currency ?? 'USD', payer: { name: 'Someone in AP' } });
  await receivePayment(payments, data);
  const receipt = await receiptOf(payments, data.paymentId);
  const finance = await createPerson('FINANCE');
  return { payments, invoice, receipt, finance, paymentId: data.paymentId };
}

describe('applyReceiptToInvoice', () => {
  it('applies part of a receipt: invoice partially paid, receipt partially applied, exception still open', async () => {
    const { invoice, receipt, finance } = await unappliedReceipt({ amount: '1500.00', invoiceNet: '1000.00' });
    const result = await applyReceiptToInvoice({ receiptId: receipt.id, invoiceId: invoice.id, amount: '400.10', expectedUnapplied: '1500.00', actor: { userId: finance.user.id }, now });
    expect(result).toMatchObject({ method: 'MANUAL', amount: '400.10', invoice: { status: 'PARTIALLY_PAID', balanceDue: '599.90' }, receipt: { status: 'PARTIALLY_APPLIED', unappliedAmount: '1099.90' } });

    const application = await db().cashApplication.findUniqueOrThrow({ where: { id: result.applicationId } });
    expect({ method: application.method, automatic: application.automatic, amount: money(application.amount), by: application.appliedById }).toEqual({ method: 'MANUAL', automatic: false, amount: '400.10', by: finance.user.id });
    const after = await invoiceRow(invoice.id);
    expect({ applied: money(after.amountApplied), balance: money(after.balanceDue) }).toEqual({ applied: '400.10', balance: '599.90' });
    expect(await db().outboxCommand.count({ where: { kind: 'POST_CASH_APPLICATION', entityId: result.applicationId } })).toBe(1);
    expect(await db().auditRecord.count({ where: { entityId: receipt.id, action: 'cash-receipt.applied-manually', actorId: finance.user.id } })).toBe(1);
    expect((await db().exception.findFirstOrThrow({ where: { code: 'UNAPPLIED_CASH', entityId: receipt.id } })).status).toBe('OPEN');
  });

  it('applying the rest settles both and resolves UNAPPLIED_CASH', async () => {
    const { invoice, receipt, finance } = await unappliedReceipt({ amount: '1000.00', invoiceNet: '1000.00' });
    const result = await applyReceiptToInvoice({ receiptId: receipt.id, invoiceId: invoice.id, amount: '1000', actor: { userId: finance.user.id }, now });
    expect(result).toMatchObject({ invoice: { status: 'PAID', balanceDue: '0.00' }, receipt: { status: 'APPLIED', unappliedAmount: '0.00' } });
    expect((await invoiceRow(invoice.id)).paidAt).toEqual(now);
    expect((await db().exception.findFirstOrThrow({ where: { code: 'UNAPPLIED_CASH', entityId: receipt.id } })).status).toBe('RESOLVED');
  });

  it.each([
    ['more than is unapplied', { amount: '600.00', invoiceNet: '1000.00' }, '700.00', 'VALIDATION_FAILED', 'Only 600.00 USD of the receipt is unapplied.'],
    ['more than the invoice balance', { amount: '2000.00', invoiceNet: '1000.00' }, '1000.01', 'VALIDATION_FAILED', 'has only 1000.00 USD open'],
    ['sub-cent amount', { amount: '100.00', invoiceNet: '1000.00' }, '10.005', 'VALIDATION_FAILED', 'USD has 2 decimal places.'],
    ['another currency', { amount: '100.00', invoiceNet: '1000.00', invoiceCurrency: 'EUR' }, '100.00', 'UNPROCESSABLE', 'cash is applied only in the invoice'],
  ] as const)('refuses %s and changes nothing', async (_name, setup, amount, code, message) => {
    const { invoice, receipt, finance } = await unappliedReceipt(setup);
    await expect(applyReceiptToInvoice({ receiptId: receipt.id, invoiceId: invoice.id, amount, actor: { userId: finance.user.id }, now })).rejects.toMatchObject({ code, message: expect.stringContaining(message) });
    expect(await db().cashApplication.count({ where: { receiptId: receipt.id } })).toBe(0);
    expect(money((await invoiceRow(invoice.id)).balanceDue)).toBe(money(invoice.balanceDue));
  });

  it('a double submit is refused: the receipt changed since it was read', async () => {
    const { invoice, receipt, finance } = await unappliedReceipt({ amount: '1000.00', invoiceNet: '3000.00' });
    const input = { receiptId: receipt.id, invoiceId: invoice.id, amount: '500.00', expectedUnapplied: '1000.00', actor: { userId: finance.user.id }, now };
    await applyReceiptToInvoice(input);
    await expect(applyReceiptToInvoice(input)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('500.00 USD is unapplied now') });
    expect(await db().cashApplication.count({ where: { receiptId: receipt.id } })).toBe(1);
  });

  it('refuses a paid invoice and unknown ids', async () => {
    const { invoice, receipt, finance } = await unappliedReceipt({ amount: '1000.00', invoiceNet: '1000.00' });
    await db().invoice.update({ where: { id: invoice.id }, data: { status: 'PAID', balanceDue: '0' } });
    const base = { receiptId: receipt.id, invoiceId: invoice.id, amount: '1.00', actor: { userId: finance.user.id }, now };
    await expect(applyReceiptToInvoice(base)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(applyReceiptToInvoice({ ...base, receiptId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(applyReceiptToInvoice({ ...base, invoiceId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(applyReceiptToInvoice({ ...base, amount: '0' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
