// Unapplied cash on a real database: receipts with cash left to apply are findings (the
// one cash application raised is taken over, one it never raised is opened, impact in USD
// at the receipt date); a repeat run counts; applying or refunding the cash clears it.
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { createFxRate } from '../../../test/fixtures/exceptions.ts';
import { cashConnectors, createEngagement, createInvoice, createPayer, payment, receiptOf, receivePayment, uniqueId } from '../../../test/fixtures/cash.ts';
import { exceptionFor, exceptionsOf, reconcile } from '../../../test/support/reconciliation.ts';

const ASOF = '2026-03-10T12:00:00Z';
let workflowReceiptId = '';
let silentReceiptId = '';

describe('reconciliation: unapplied cash', () => {
  it('finds nothing when every receipt is applied or refunded', async () => {
    const { payments } = await cashConnectors();
    const payer = await createPayer(payments);
    const engagement = await createEngagement(payer.client.id);
    await createInvoice(engagement, { net: '250.00' });
    await receivePayment(payments, payment({ amount: '250.00', payer: { externalId: payer.externalId } })); // exact amount: applied
    await db().cashReceipt.create({ data: { sourceSystem: 'bank', externalId: uniqueId('ref'), amount: '90', currency: 'USD', unappliedAmount: '0', refundedAmount: '90', status: 'REFUNDED', receivedAt: new Date('2026-03-01T09:00:00Z') } });

    expect(await reconcile('unapplied-cash', ASOF)).toMatchObject({ code: 'UNAPPLIED_CASH', findings: 0, opened: 0, cleared: 0 });
    expect(await exceptionsOf('UNAPPLIED_CASH')).toEqual([]);
  });

  it('takes over the exception cash application raised, and opens one for unapplied cash nobody raised, with the impact in USD', async () => {
    const { payments } = await cashConnectors();
    await receivePayment(payments, payment({ paymentId: 'pay-unknown', amount: '400.00', payer: { name: 'Nobody we know' } }));
    workflowReceiptId = (await receiptOf(payments, 'pay-unknown')).id;
    expect(await exceptionFor('UNAPPLIED_CASH', workflowReceiptId)).toMatchObject({ occurrences: 1 });

    // Cash put back on a receipt by a path that raised nothing (e.g. loaded by a data fix).
    await createFxRate('EUR', 'USD', '2026-03-04', '1.1');
    const silent = await db().cashReceipt.create({
      data: { sourceSystem: 'bank', externalId: uniqueId('ref'), payerName: 'Kunde GmbH', amount: '1000', currency: 'EUR', appliedAmount: '600', unappliedAmount: '400.5', status: 'PARTIALLY_APPLIED', receivedAt: new Date('2026-03-05T08:00:00Z') },
    });
    silentReceiptId = silent.id;

    expect(await reconcile('unapplied-cash', ASOF)).toMatchObject({ findings: 2, opened: 1, recurred: 1, impactUsd: '840.55' });
    expect(await exceptionFor('UNAPPLIED_CASH', workflowReceiptId)).toMatchObject({ occurrences: 2, status: 'OPEN', details: expect.objectContaining({ why: expect.any(String), reconciliation: expect.objectContaining({ job: 'unapplied-cash' }) }) });
    const opened = await exceptionFor('UNAPPLIED_CASH', silentReceiptId);
    expect(opened).toMatchObject({ entityType: 'CashReceipt', status: 'OPEN', occurrences: 1, impactCurrency: 'EUR', recoverability: 'DECISION', ownerTeam: 'FINANCE_AR', title: expect.stringContaining('400.50 EUR from Kunde GmbH') });
    expect(opened.impactAmount?.toString()).toBe('400.5');
    expect(opened.financialImpact.toString()).toBe('440.55');
  });

  it('a repeat run counts occurrences, not new exceptions; a grace period leaves young receipts out', async () => {
    expect(await reconcile('unapplied-cash', ASOF)).toMatchObject({ findings: 2, opened: 0, recurred: 2 });
    expect((await exceptionsOf('UNAPPLIED_CASH')).map((e) => e.occurrences).sort()).toEqual([2, 3]);
    // With 6 days of grace only the receipt of 03-02 is old enough: the other is no finding any
    // more, so its exception is cleared, and reopened once it is old enough again.
    expect(await reconcile('unapplied-cash', ASOF, { unappliedCashGraceHours: 24 * 6 })).toMatchObject({ findings: 1, recurred: 1, cleared: 1 });
    expect(await exceptionFor('UNAPPLIED_CASH', silentReceiptId)).toMatchObject({ status: 'RESOLVED' });
    expect(await reconcile('unapplied-cash', ASOF)).toMatchObject({ findings: 2, reopened: 1, recurred: 1 });
  });

  it('applying the cash clears its exception; the other stays open', async () => {
    await db().cashReceipt.update({ where: { id: silentReceiptId }, data: { appliedAmount: '1000', unappliedAmount: '0', status: 'APPLIED' } });
    expect(await reconcile('unapplied-cash', ASOF)).toMatchObject({ findings: 1, recurred: 1, cleared: 1 });
    expect(await exceptionFor('UNAPPLIED_CASH', silentReceiptId)).toMatchObject({ status: 'RESOLVED', resolvedAt: expect.any(Date) });
    expect(await exceptionFor('UNAPPLIED_CASH', workflowReceiptId)).toMatchObject({ status: 'OPEN' });
  });

  it('two runs at once take turns (advisory lock per job): one more exception, counted twice', async () => {
    await db().cashReceipt.create({ data: { sourceSystem: 'bank', externalId: uniqueId('ref'), amount: '75', currency: 'USD', unappliedAmount: '75', status: 'UNAPPLIED', receivedAt: new Date('2026-03-08T08:00:00Z') } });
    const [a, b] = await Promise.all([reconcile('unapplied-cash', ASOF), reconcile('unapplied-cash', ASOF)]);
    expect(a.opened + b.opened).toBe(1);
    expect(a.recurred + b.recurred).toBe(3);
    expect(await exceptionsOf('UNAPPLIED_CASH')).toHaveLength(3);
  });
});
