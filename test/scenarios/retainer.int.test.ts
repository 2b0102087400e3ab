// A year of a managed-services retainer with overage, month by month (GB01, GBP, UK VAT 20 %).
// Thames Retail: 8,000 a month for 12 months from January, 1,000 units included, 4.50 per
// unit above. The fee is invoiced on the 2nd in advance with last month's overage in
// arrears; the fee is recognized ratably, overage when the usage occurs. The client pays
// each invoice on the 25th.
//
//   usage        Jan 900 · Feb 1,200 · Mar 1,000 · Apr 1,500 · May 800 · Jun 1,100 · Jul 950
//                Aug 1,300 · Sep 1,000 · Oct 1,200 (+200 reported late) · Nov 700 · Dec 1,250
//   overage      Feb 200 → 900 · Apr 500 → 2,250 · Jun 100 → 450 · Aug 300 → 1,350
//                Oct 200 → 900 (+200 late → 900) · Dec 250 → 1,125 (invoiced in January 2027)
//   invoices     fee 8,000 (+ previous month's overage) + 20 % VAT: Jan 9,600 · Feb 9,600
//                Mar 10,680 · Apr 9,600 · May 12,300 · Jun 9,600 · Jul 10,140 · Aug 9,600
//                Sep 11,220 · Oct 9,600 · Nov 10,680 · Dec 9,600 + the late October increment 1,080
//   May          the invoice lacks the client's PO number: voided on the 3rd and billed again
//   August       the card payment for July is disputed for 540 (June's overage with VAT);
//                finance concedes: a chargeback of 540, the invoice credited, not reopened
//   November     October is closed on the 3rd; October's late 200 units post into November
//   revenue      fee 12 × 8,000 = 96,000 (= the contract value) + overage 7,875 = 103,875
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { paymentDisputed, paymentReceived, projectCreated, quoteAccepted, usageRecorded } from './events.ts';
import { monthEnd } from './calendar.ts';
import { expectInvariants } from './invariants.ts';
import { openException, openWorld, type InvoiceAnswer, type World } from './world.ts';

const THREAD = 'thread-ret-thames';
const CLIENT = 'CRM-THAMES';
let world: World;
let engagement: { id: string; code: string };

beforeAll(async () => {
  world = await openWorld({ start: '2026-01-02T05:00:00Z' });
});
afterAll(async () => world?.stop());

const USAGE: Record<string, string> = { '01': '900', '02': '1200', '03': '1000', '04': '1500', '05': '800', '06': '1100', '07': '950', '08': '1300', '09': '1000', '10': '1200', '11': '700', '12': '1250' };
/** Month-end figures: [invoice total of the month, billed, recognized, collected] (see the header). */
const EXPECTED: Record<string, [string, string, string, string]> = {
  '01': ['9600.00', '9600.00', '8000.00', '9600.00'],
  '02': ['9600.00', '19200.00', '16900.00', '19200.00'],
  '03': ['10680.00', '29880.00', '24900.00', '29880.00'],
  '04': ['9600.00', '39480.00', '35150.00', '39480.00'],
  '05': ['12300.00', '51780.00', '43150.00', '51780.00'],
  '06': ['9600.00', '61380.00', '51600.00', '61380.00'],
  '07': ['10140.00', '71520.00', '59600.00', '71520.00'],
  '08': ['9600.00', '80580.00', '68950.00', '80580.00'], // after the 540 chargeback
  '09': ['11220.00', '91800.00', '76950.00', '91800.00'],
  '10': ['9600.00', '101400.00', '85850.00', '101400.00'],
  '11': ['10680.00', '112080.00', '94750.00', '112080.00'], // + October's late 900
  '12': ['9600.00', '122760.00', '103875.00', '122760.00'], // + the 1,080 increment invoice
};

async function invoiceOf(periodKey: string): Promise<InvoiceAnswer> {
  const live = (await world.api.invoices(engagement.id)).filter((i) => i.kind === 'INVOICE' && i.billingPeriodKey === periodKey && i.status !== 'VOID');
  expect(live, `one live invoice for ${periodKey}`).toHaveLength(1);
  return live[0]!;
}

async function pay(paymentId: string, day: string, invoices: InvoiceAnswer[]) {
  world.at(`${day}T10:00:00Z`);
  const amount = invoices.reduce((total, i) => total + Number(i.total) * 100, 0) / 100;
  await world.send('payments', paymentReceived({ paymentId, amount: amount.toFixed(2), currency: 'GBP', payerExternalId: CLIENT, receivedAt: world.now().toISOString(), remittance: invoices.map((i) => ({ invoiceNumber: i.number!, amount: i.total })) }));
  await world.drain();
}

async function expectMonthEnd(month: string) {
  const [invoiceTotal, billed, recognized, collected] = EXPECTED[month]!;
  expect((await invoiceOf(`2026-${month}`)).total, `the ${month} invoice`).toBe(invoiceTotal);
  const e = await world.api.figures(engagement.id);
  expect({ billed: e.billed, recognized: e.recognized, collected: e.collected }, `month end ${month}`).toEqual({ billed, recognized, collected });
}

/** The month as it usually goes: bill on the 2nd, paid on the 25th, usage and revenue at month end. */
async function usualMonth(month: string, options: { afterBilling?: () => Promise<void>; beforeMonthEnd?: () => Promise<void> } = {}) {
  world.at(`2026-${month}-02T06:00:00Z`);
  await world.api.billingRun(`2026-${month}-02`, 'GB01');
  await options.afterBilling?.();
  await expectInvariants(engagement.id, `billing ${month}`);
  await pay(`PAY-THAMES-${month}`, `2026-${month}-25`, [await invoiceOf(`2026-${month}`)]);
  await options.beforeMonthEnd?.();
  world.at(`${monthEnd(month)}T20:00:00Z`);
  await world.send('platform', usageRecorded({ usageId: `U-THAMES-${month}`, engagementRef: engagement.code, units: USAGE[month]!, period: `2026-${month}` }));
  await world.drain();
  await world.api.revenueRun(monthEnd(month), 'GB01');
  await expectMonthEnd(month);
  await expectInvariants(engagement.id, `month end ${month}`, { complete: month === '12' });
}

describe('retainer with overage, a year month by month (GB01, GBP)', { timeout: 180_000 }, () => {
  it('January: accepted and activated on the 2nd; the first fee is billed in advance', async () => {
    await world.send('crm', quoteAccepted(THREAD, {
      quoteId: 'Q-RET-THAMES', quoteVersion: 1,
      client: { externalId: CLIENT, name: 'Thames Retail plc', legalEntityCode: 'GB01' },
      currency: 'GBP', billingModel: 'RETAINER_WITH_OVERAGE',
      lines: [{ sku: 'MS-RETAINER', description: 'Managed analytics service', quantity: '12', unitPrice: '8000' }],
      retainer: { monthlyFee: '8000', includedUnits: '1000', overageRate: '4.5', startMonth: '2026-01', months: 12 },
      taxProfile: { nexus: 'GB', exempt: false },
      acceptedAt: world.now().toISOString(),
    }));
    await world.drain();
    const shell = await world.api.engagementByCorrelation(THREAD);
    engagement = { id: shell.id, code: shell.code };
    expect(shell.value).toBe('96000.00'); // 12 × 8,000
    world.at('2026-01-02T05:30:00Z');
    await world.send('psa', projectCreated(engagement.code, 'PSA-THAMES-1'));
    await world.drain();
    await usualMonth('01');
    const january = await invoiceOf('2026-01');
    expect(january).toMatchObject({ subtotal: '8000.00', tax: '1600.00' });
    expect(january.lines.map((l) => [l.kind, l.amount])).toEqual([['RETAINER_FEE', '8000.00']]);
  });

  it('February to April: overage above 1,000 units is billed the month after', async () => {
    await usualMonth('02');
    await usualMonth('03');
    const march = await invoiceOf('2026-03');
    // February: 1,200 − 1,000 = 200 units × 4.50 = 900.
    expect(march.lines.map((l) => [l.kind, l.quantity, l.amount])).toEqual([['RETAINER_FEE', '1', '8000.00'], ['USAGE_OVERAGE', '200', '900.00']]);
    await usualMonth('04');
  });

  it('May: the invoice lacks the PO number; voided on the 3rd and billed again, revenue unchanged', async () => {
    await usualMonth('05', {
      afterBilling: async () => {
        const wrong = await invoiceOf('2026-05');
        world.at('2026-05-03T09:00:00Z');
        await world.api.voidInvoice(wrong.id, 'Client PO number missing');
        await expectInvariants(engagement.id, 'May, voided');
        const again = await world.api.billingRun('2026-05-03', 'GB01');
        expect(again.invoicesIssued).toBe(1);
        const rebilled = await invoiceOf('2026-05');
        expect(rebilled.number).not.toBe(wrong.number);
        // 8,000 fee + April's 500 units × 4.50 = 2,250 → 10,250 + 2,050 VAT.
        expect(rebilled).toMatchObject({ subtotal: '10250.00', tax: '2050.00', total: '12300.00' });
      },
    });
    // April's overage revenue was reversed by the void in May and recognized again in May.
    const usageEntries = await db().revenueEntry.findMany({ where: { engagementId: engagement.id, schedule: { treatment: 'USAGE' }, period: '2026-05' }, orderBy: { createdAt: 'asc' } });
    expect(usageEntries.map((e) => [e.kind, e.amount.toFixed(2)])).toEqual([['REVERSAL', '-2250.00'], ['RECOGNITION', '2250.00']]);
  });

  it('June to July: usual months', async () => {
    await usualMonth('06');
    await usualMonth('07');
  });

  it('August: the card payment for July is disputed for 540; finance concedes the chargeback', async () => {
    await usualMonth('08', {
      afterBilling: async () => {
        world.at('2026-08-05T08:00:00Z');
        await world.send('payments', paymentDisputed({ disputeId: 'DSP-THAMES-1', paymentId: 'PAY-THAMES-07', amount: '540.00', currency: 'GBP', reason: 'Overage not agreed', openedAt: world.now().toISOString() }));
        await world.drain();
        const dispute = await db().dispute.findFirstOrThrow({ where: { externalId: 'DSP-THAMES-1' } });
        await expectInvariants(engagement.id, 'August, dispute open');
        world.at('2026-08-12T14:00:00Z');
        await world.api.exceptionAction((await openException('PAYMENT_DISPUTED', dispute.id)).id, 'approve', 'June overage was not pre-approved by the client');
        const july = await db().invoice.findFirstOrThrow({ where: { engagementId: engagement.id, billingPeriodKey: '2026-07', kind: 'INVOICE', status: { not: 'VOID' } } });
        // 10,140 paid, 540 charged back and credited: settled, not reopened.
        expect([july.status, july.amountApplied.toFixed(2), july.amountCredited.toFixed(2), july.balanceDue.toFixed(2)]).toEqual(['PAID', '9600.00', '540.00', '0.00']);
        const receipt = await db().cashReceipt.findFirstOrThrow({ where: { externalId: 'PAY-THAMES-07' } });
        expect([receipt.appliedAmount.toFixed(2), receipt.refundedAmount.toFixed(2), receipt.unappliedAmount.toFixed(2)]).toEqual(['9600.00', '540.00', '0.00']);
      },
    });
  });

  it('September to October: usual months', async () => {
    await usualMonth('09');
    await usualMonth('10');
  });

  it('November: October is closed on the 3rd; 200 more October units arrive on the 10th and post into November', async () => {
    await usualMonth('11', {
      afterBilling: async () => {
        world.at('2026-11-03T08:00:00Z');
        await world.closePeriod('GB01', '2026-10');
      },
      beforeMonthEnd: async () => {
        world.at('2026-11-26T09:00:00Z');
        await world.send('platform', usageRecorded({ usageId: 'U-THAMES-10-LATE', engagementRef: engagement.code, units: '200', period: '2026-10' }));
        await world.drain();
      },
    });
    const late = await db().revenueEntry.findMany({ where: { engagementId: engagement.id, late: true } });
    // 200 units × 4.50 = 900, October's revenue, posted in November.
    expect(late.map((e) => [e.period, e.originalPeriod, e.amount.toFixed(2)])).toEqual([['2026-11', '2026-10', '900.00']]);
  });

  it('December: the late increment is billed on its own beside the fee; the fee revenue reaches the contract value', async () => {
    world.at('2026-12-02T06:00:00Z');
    const run = await world.api.billingRun('2026-12-02', 'GB01');
    expect(run.invoicesIssued).toBe(2);
    // October's 200 late units × 4.50 = 900 + VAT, billed again under November's key.
    const increment = (await world.api.invoices(engagement.id)).filter((i) => i.billingPeriodKey === '2026-11' && i.kind === 'INVOICE');
    expect(increment.map((i) => i.total).sort((a, b) => Number(a) - Number(b))).toEqual(['1080.00', '10680.00']);
    const december = await invoiceOf('2026-12');
    await pay('PAY-THAMES-12', '2026-12-24', [december, increment.find((i) => i.total === '1080.00')!]);
    world.at('2026-12-31T20:00:00Z');
    await world.send('platform', usageRecorded({ usageId: 'U-THAMES-12', engagementRef: engagement.code, units: USAGE['12']!, period: '2026-12' }));
    await world.drain();
    await world.api.revenueRun('2026-12-31', 'GB01');
    await expectMonthEnd('12');
    await expectInvariants(engagement.id, 'December', { complete: true });
  });
});
