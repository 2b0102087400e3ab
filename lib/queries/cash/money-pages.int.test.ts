// The reads behind the engagements, invoices and cash pages, on their own data (the
// database holds other tests' rows too: every assertion is about this test's ids).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cashConnectors, createEngagement as createCashEngagement, createInvoice, createPayer, payment, receiptOf, receivePayment } from '../../../test/fixtures/cash.ts';
import { createEngagement, createEmployee, createExpense, createTime } from '../../../test/fixtures/q2c-delivery.ts';
import { db } from '../../db/client.ts';
import { raiseException } from '../../services/exceptions/raise-exception.ts';
import { engagementDelivery } from '../engagements/engagement-delivery.ts';
import { listEngagements } from '../engagements/list-engagements.ts';
import { listInvoiceRows } from '../invoices/list-invoice-rows.ts';
import { listCashDecisions } from './list-cash-decisions.ts';
import { unappliedWorkbench } from './unapplied-workbench.ts';

describe('listEngagements: model, search and sort (console filters)', () => {
  it('filters by billing model and text, sorts by value and pages by keyset', async () => {
    const tag = `Zeta${randomUUID().slice(0, 6)}`;
    const made = [];
    for (const [value, model] of [['300.00', 'FIXED_FEE_MILESTONE'], ['100.00', 'FIXED_FEE_MILESTONE'], ['200.00', 'FIXED_FEE_MILESTONE'], ['999.00', 'TIME_AND_MATERIALS']] as const) {
      const { engagement, client } = await createEngagement({ value, model });
      await db().client.update({ where: { id: client.id }, data: { name: `${tag} ${value}` } });
      made.push(engagement);
    }
    const first = await listEngagements({ search: tag.toLowerCase(), billingModel: ['FIXED_FEE_MILESTONE'], sort: '-value', limit: 2 });
    expect(first.items.map((e) => e.value)).toEqual(['300.00', '200.00']);
    const second = await listEngagements({ search: tag, billingModel: ['FIXED_FEE_MILESTONE'], sort: '-value', limit: 2, cursor: first.nextCursor! });
    expect({ values: second.items.map((e) => e.value), next: second.nextCursor }).toEqual({ values: ['100.00'], next: null });
    expect((await listEngagements({ search: tag, sort: 'value' })).items.map((e) => e.value)).toEqual(['100.00', '200.00', '300.00', '999.00']);
    await expect(listEngagements({ search: tag, sort: 'value', cursor: first.nextCursor! })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('listInvoiceRows', () => {
  it('ageing buckets, the client filter (id or crosswalk id) and the due-date sort', async () => {
    const { payments } = await cashConnectors();
    const { client, externalId } = await createPayer(payments);
    const engagement = await createCashEngagement(client.id);
    const asOf = '2026-06-30';
    // createInvoice: due 30 days after issue.
    const current = await createInvoice(engagement, { net: '100.00', issuedAt: new Date('2026-06-20T10:00:00Z') }); // due 07-20
    const late45 = await createInvoice(engagement, { net: '200.00', issuedAt: new Date('2026-04-16T10:00:00Z') }); // due 05-16: 45 days
    const late120 = await createInvoice(engagement, { net: '300.00', issuedAt: new Date('2026-02-01T10:00:00Z') }); // due 03-03: 119 days
    const paid = await createInvoice(engagement, { net: '400.00', status: 'PAID', issuedAt: new Date('2026-02-01T10:00:00Z') });
    await db().invoice.update({ where: { id: paid.id }, data: { balanceDue: '0' } });

    const all = await listInvoiceRows({ client: client.id, asOf, sort: 'dueDate' });
    // late120 and paid share a due date: the id breaks the tie.
    const sameDue = [[late120.id, '90+'], [paid.id, null]].sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    expect(all.items.map((i) => [i.id, i.ageing])).toEqual([...sameDue, [late45.id, '31-60'], [current.id, 'current']]);
    expect((await listInvoiceRows({ client: externalId, asOf, aging: '31-60' })).items.map((i) => i.id)).toEqual([late45.id]);
    expect((await listInvoiceRows({ client: client.id, asOf, aging: '90+' })).items.map((i) => i.id)).toEqual([late120.id]);
    expect((await listInvoiceRows({ client: client.id, asOf, aging: '1-30' })).items).toEqual([]);
    expect((await listInvoiceRows({ client: 'no-such-client', asOf })).items).toEqual([]);

    const byBalance = await listInvoiceRows({ client: client.id, asOf, sort: '-balanceDue', limit: 2 });
    expect(byBalance.items.map((i) => i.balanceDue)).toEqual(['300.00', '200.00']);
    const rest = await listInvoiceRows({ client: client.id, asOf, sort: '-balanceDue', limit: 2, cursor: byBalance.nextCursor! });
    expect(rest.items.map((i) => i.balanceDue)).toEqual(['100.00', '0.00']);
  });
});

describe('unappliedWorkbench and listCashDecisions', () => {
  it('suggests the invoice a receipt pays; lists a short-pay deduction awaiting a decision', async () => {
    const { payments } = await cashConnectors();
    const { client, externalId } = await createPayer(payments);
    const engagement = await createCashEngagement(client.id);
    const invoice = await createInvoice(engagement, { net: '7331.17' });
    // Paid by the payer with a second invoice open, so no automatic rule settles it.
    await createInvoice(engagement, { net: '50.00' });
    const unapplied = payment({ amount: '7000.00', payer: { externalId }, receivedAt: new Date().toISOString() });
    await receivePayment(payments, unapplied);
    const receipt = await receiptOf(payments, unapplied.paymentId);
    expect(receipt.status).toBe('UNAPPLIED');

    let item;
    let cursor: string | undefined;
    do {
      const page = await unappliedWorkbench({ cursor, limit: 50 });
      item = page.items.find((i) => i.receipt.id === receipt.id);
      cursor = page.nextCursor ?? undefined;
    } while (!item && cursor);
    // Both open invoices are the payer's: the one the cash covers part of ranks with the
    // one it covers whole; each says why.
    expect(item?.suggestions.map((s) => [s.invoice.id, s.evidence, s.applyAmount])).toEqual(
      expect.arrayContaining([[invoice.id, ['AMOUNT_PARTIAL', 'SAME_CLIENT'], '7000.00']]),
    );
    expect(item?.unappliedExact).toBe('7000');

    const shortPaid = await createInvoice(engagement, { net: '1000.00' });
    const short = payment({ amount: '960.00', payer: { externalId }, remittance: [{ invoiceNumber: shortPaid.number!, amount: '960.00', deduction: '40.00', reasonCode: 'DAMAGED' }] });
    await receivePayment(payments, short);
    const decisions = await listCashDecisions({ invoiceId: shortPaid.id });
    expect(decisions.items).toEqual([
      expect.objectContaining({ code: 'SHORT_PAY_DEDUCTION', amount: '40.00', currency: 'USD', reason: 'DAMAGED', invoice: { id: shortPaid.id, number: shortPaid.number, balanceDue: '40.00', status: 'PARTIALLY_PAID' }, paymentId: short.paymentId }),
    ]);
    expect(decisions.items[0]!.options?.approve).toBeTruthy();
  });
});

describe('listCashDecisions: a dispute held before its payment', () => {
  it('lists it with its title (its entity id names the gateway, not a row here) instead of failing the page', async () => {
    const disputeId = `payments:dp_${randomUUID().slice(0, 12)}`;
    const raised = await db().$transaction((tx) =>
      raiseException(tx, { code: 'PAYMENT_DISPUTED', entityType: 'Dispute', entityId: disputeId, impact: { amount: '999999999.00', currency: 'USD', date: new Date('2026-06-30T00:00:00Z') }, now: new Date() }),
    );
    const { items } = await listCashDecisions({ limit: 100 });
    expect(items.find((i) => i.exceptionId === raised.id)).toMatchObject({ code: 'PAYMENT_DISPUTED', invoice: null, amount: null });
  });
});

describe('engagementDelivery', () => {
  it('time by role, unbilled and submitted hours, actual cost in the engagement currency only', async () => {
    const { engagement } = await createEngagement({});
    const employee = await createEmployee();
    await createTime({ engagementId: engagement.id, employeeId: employee.id, hours: '8', rate: '200', amount: '1600', role: 'MANAGER' });
    await createTime({ engagementId: engagement.id, employeeId: employee.id, hours: '2.5', rate: '200', amount: '500', role: 'MANAGER', entryIndex: 1, approvalStatus: 'SUBMITTED' });
    await db().timeTransaction.updateMany({ where: { engagementId: engagement.id }, data: { cost: '400', costCurrency: 'USD' } });
    await createExpense({ engagementId: engagement.id, amount: '120.50', currency: 'USD' });
    await createExpense({ engagementId: engagement.id, amount: '99.00', currency: 'EUR' });
    const delivery = await engagementDelivery({ id: engagement.id, currency: 'USD' });
    expect(delivery.time).toEqual([{ role: 'MANAGER', hours: '8.00', billableHours: '8.00', unbilledHours: '8.00', submittedHours: '2.50', amount: '1600.00', unbilledAmount: '1600.00', writtenOffHours: '0.00', writtenOffAmount: '0.00' }]);
    expect({ cost: delivery.actualCost, other: delivery.costInOtherCurrencies }).toEqual({ cost: '520.50', other: 1 });
  });
});
