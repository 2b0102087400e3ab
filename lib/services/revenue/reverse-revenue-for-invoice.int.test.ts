// Revenue reversal on a voided invoice or a credit note (DESIGN.md §6 "Reversals"), the way
// the billing services call it — inside their transaction, after releasing the sources:
// the time's revenue is reversed against the invoice, held while the time is unbilled, and
// recognised again when the time is billed again; a credit that releases nothing reverses nothing.
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { addTime, createEngagement, invoiceTime, voidInvoiceRows } from '../../../test/fixtures/revenue.ts';
import { clockFor, expectRevenueInvariants, ledgerRows, runThrough } from '../../../test/support/revenue-ledger.ts';
import { reverseRevenueForInvoice } from './reverse-revenue-for-invoice.ts';

const reverse = (invoiceId: string, on: string) => db().$transaction((tx) => reverseRevenueForInvoice(tx, { invoiceId, on, now: clockFor(on) }));

describe('reverseRevenueForInvoice', () => {
  it('a void reverses the time revenue in the void month; the run holds it until the time is billed again', async () => {
    const engagement = await createEngagement({ model: 'TIME_AND_MATERIALS', contractValue: '20000', acceptedOn: '2026-05-01' });
    const [a, b] = [await addTime(engagement, { workDate: '2026-05-04', approvedOn: '2026-05-08', amount: '1000' }), await addTime(engagement, { workDate: '2026-05-05', approvedOn: '2026-05-08', amount: '800' })];
    const [first, second] = [a, b].sort((x, y) => (x.id < y.id ? -1 : 1)) as [typeof a, typeof b];
    await runThrough('2026-05-31', { engagementIds: [engagement.id] });
    const invoice = await invoiceTime(engagement, { issuedOn: '2026-06-01', time: [{ id: a.id, amount: '1000' }, { id: b.id, amount: '800' }] });

    await voidInvoiceRows(invoice.id, '2026-06-10');
    const reversal = await reverse(invoice.id, '2026-06-10');
    expect(reversal).toMatchObject({ engagementId: engagement.id, currency: 'USD', entriesPosted: 2, amount: '-1800.00', notReversed: [], flags: [] });
    expect(await reverse(invoice.id, '2026-06-10')).toMatchObject({ entriesPosted: 0, amount: '0.00' });
    const reversals = await db().revenueEntry.findMany({ where: { engagementId: engagement.id, kind: 'REVERSAL' } });
    expect(reversals.map((r) => [r.invoiceId, r.period])).toEqual([
      [invoice.id, '2026-06'],
      [invoice.id, '2026-06'],
    ]);
    const audit = await db().auditRecord.findFirstOrThrow({ where: { entityId: invoice.id, action: 'revenue.reversed' } });
    expect(audit.after).toMatchObject({ entries: 2, amount: '-1800.00' });

    // Unbilled again: the run does not recognise it while the billing is withdrawn.
    expect((await runThrough('2026-06-30', { engagementIds: [engagement.id] })).entriesPosted).toBe(0);
    await invoiceTime(engagement, { issuedOn: '2026-07-01', time: [{ id: a.id, amount: '1000' }, { id: b.id, amount: '800' }] });
    expect((await runThrough('2026-07-31', { engagementIds: [engagement.id] })).entriesPosted).toBe(2);
    expect(await ledgerRows(engagement.id)).toEqual([
      [`TIME:${first.id}:1`, 'RECOGNITION', '2026-05', first === a ? '1000.00' : '800.00', ''],
      [`TIME:${second.id}:1`, 'RECOGNITION', '2026-05', second === a ? '1000.00' : '800.00', ''],
      [`TIME:${first.id}:2`, 'REVERSAL', '2026-06', first === a ? '-1000.00' : '-800.00', ''],
      [`TIME:${second.id}:2`, 'REVERSAL', '2026-06', second === a ? '-1000.00' : '-800.00', ''],
      [`TIME:${first.id}:3`, 'RECOGNITION', '2026-07', first === a ? '1000.00' : '800.00', ''],
      [`TIME:${second.id}:3`, 'RECOGNITION', '2026-07', second === a ? '1000.00' : '800.00', ''],
    ]);
    await expectRevenueInvariants(engagement.id, { currency: 'USD' });
  });

  it('a credit note that releases nothing (a deduction) reverses nothing', async () => {
    const engagement = await createEngagement({ model: 'TIME_AND_MATERIALS', contractValue: '20000', acceptedOn: '2026-05-01' });
    const time = await addTime(engagement, { workDate: '2026-05-04', approvedOn: '2026-05-08', amount: '1000' });
    await runThrough('2026-05-31', { engagementIds: [engagement.id] });
    const invoice = await invoiceTime(engagement, { issuedOn: '2026-06-01', time: [{ id: time.id, amount: '1000' }] });
    const credit = await db().invoice.create({
      data: {
        kind: 'CREDIT_NOTE', creditNoteReason: 'DEDUCTION', originalInvoiceId: invoice.id, legalEntityId: engagement.legalEntityId, clientId: engagement.clientId, engagementId: engagement.id,
        correlationId: engagement.correlationId, status: 'ISSUED', currency: 'USD', issueDate: new Date('2026-06-20T00:00:00Z'),
        lines: { create: [{ lineNo: 1, kind: 'CREDIT', description: 'Deduction', quantity: '1', unitPrice: '-100', amount: '-100', currency: 'USD', creditedLineId: invoice.lines[0]!.id }] },
      },
    });
    expect(await reverse(credit.id, '2026-06-20')).toMatchObject({ entriesPosted: 0, amount: '0.00', notReversed: [] });
    expect(await db().revenueEntry.count({ where: { engagementId: engagement.id, kind: 'REVERSAL' } })).toBe(0);
  });
});
