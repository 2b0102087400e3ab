// Invoices not confirmed by the ERP on a real database: issued (or paid) and unposted past
// the grace period is a finding with the invoice total as impact and the POST_INVOICE
// command's state; a repeat run counts; the ERP's confirmation or a void clears it.
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { cashConnectors, createEngagement, createInvoice, createPayer } from '../../../test/fixtures/cash.ts';
import { exceptionFor, exceptionsOf, reconcile } from '../../../test/support/reconciliation.ts';

const ASOF = '2026-03-10T12:00:00Z';
let engagement: Awaited<ReturnType<typeof createEngagement>>;
let unconfirmedId = '';
let paidId = '';

describe('reconciliation: invoices not confirmed by the ERP', () => {
  it('finds nothing when issued invoices are posted, voided, still in their grace period or not issued', async () => {
    const { payments } = await cashConnectors();
    const payer = await createPayer(payments);
    engagement = await createEngagement(payer.client.id);
    await createInvoice(engagement, { net: '100', status: 'POSTED', issuedAt: new Date('2026-03-01T10:00:00Z'), postedAt: new Date('2026-03-01T11:00:00Z') });
    await createInvoice(engagement, { net: '100', status: 'VOID', issuedAt: new Date('2026-03-01T10:00:00Z') });
    await createInvoice(engagement, { net: '100', status: 'ISSUED', issuedAt: new Date('2026-03-09T12:00:01Z') }); // 23:59:59 before asOf
    expect(await reconcile('invoice-confirmation', ASOF)).toMatchObject({ code: 'INVOICE_NOT_CONFIRMED', findings: 0 });
    expect(await exceptionsOf('INVOICE_NOT_CONFIRMED')).toEqual([]);
  });

  it('raises one exception per unconfirmed invoice, impact its total, with the state of its ERP command', async () => {
    const invoice = await createInvoice(engagement, { net: '1000', taxRate: '0.2', status: 'ISSUED', issuedAt: new Date('2026-03-09T12:00:00Z') });
    unconfirmedId = invoice.id;
    paidId = (await createInvoice(engagement, { net: '50', status: 'PAID', issuedAt: new Date('2026-03-02T10:00:00Z') })).id;
    const erp = await db().connector.findUniqueOrThrow({ where: { code: 'erp' } });
    await db().outboxCommand.create({ data: { connectorId: erp.id, kind: 'POST_INVOICE', payload: {}, idempotencyKey: `erp:post-invoice:${invoice.id}`, status: 'DEAD', attempts: 10, lastError: 'HTTP 500', entityType: 'Invoice', entityId: invoice.id } });

    expect(await reconcile('invoice-confirmation', ASOF)).toMatchObject({ findings: 2, opened: 2, impactUsd: '1250.00' });
    const exception = await exceptionFor('INVOICE_NOT_CONFIRMED', unconfirmedId);
    expect(exception).toMatchObject({ entityType: 'Invoice', status: 'OPEN', ownerTeam: 'INTEGRATION_OPS', recoverability: 'DATA_FIX', correlationId: engagement.correlationId, impactCurrency: 'USD', title: expect.stringContaining('command dead') });
    expect(exception.financialImpact.toString()).toBe('1200');
    expect(exception.details).toMatchObject({ status: 'ISSUED', total: '1200.00', command: { status: 'DEAD', attempts: 10, lastError: 'HTTP 500' } });
    expect(await exceptionFor('INVOICE_NOT_CONFIRMED', paidId)).toMatchObject({ title: expect.stringContaining('no command in the outbox') });
  });

  it('a repeat run counts an occurrence', async () => {
    expect(await reconcile('invoice-confirmation', ASOF)).toMatchObject({ findings: 2, opened: 0, recurred: 2 });
    expect(await exceptionFor('INVOICE_NOT_CONFIRMED', unconfirmedId)).toMatchObject({ occurrences: 2 });
    expect(await exceptionsOf('INVOICE_NOT_CONFIRMED')).toHaveLength(2);
  });

  it('a run as of an earlier moment finds less but does not clear what later runs found', async () => {
    expect(await reconcile('invoice-confirmation', '2026-03-05T00:00:00Z')).toMatchObject({ findings: 1, recurred: 1, cleared: 0 });
    expect((await exceptionsOf('INVOICE_NOT_CONFIRMED')).map((e) => e.status)).toEqual(['OPEN', 'OPEN']);
  });

  it('the confirmation clears one, a void the other', async () => {
    await db().invoice.update({ where: { id: unconfirmedId }, data: { status: 'POSTED', postedAt: new Date('2026-03-10T11:00:00Z'), erpInvoiceNumber: 'ERP-1' } });
    await db().invoice.update({ where: { id: paidId }, data: { status: 'VOID', voidedAt: new Date('2026-03-10T11:00:00Z') } });
    expect(await reconcile('invoice-confirmation', ASOF)).toMatchObject({ findings: 0, cleared: 2 });
    expect((await exceptionsOf('INVOICE_NOT_CONFIRMED')).map((e) => e.status)).toEqual(['RESOLVED', 'RESOLVED']);
  });
});
