// A year of time and materials, month by month (US01, USD, New York: no sales tax on
// consulting). Advisory work for Hudson Analytics: a manager at 400/h and an analyst at
// 150/h under the contract rates, billed weekly, revenue as the time is approved.
//
//   contract    Manager 120 h × 400 = 48,000 + Analyst 180 h × 150 = 27,000 → 75,000
//   Jan–Jun     10 h manager + 15 h analyst a month = 4,000 + 2,250 = 6,250 a month
//   June        change order CO-TM-1: +60 analyst hours (+9,000) → value 84,000
//   Jul–Dec     10 h manager + 25 h analyst a month = 4,000 + 3,750 = 7,750 a month
//   total time  6 × 6,250 + 6 × 7,750 = 84,000 = the contract value at the end of the year
//   October     a £400 train fare, billable, at the October rate 1.3450 → 538.00 USD
//   March       the invoice is voided (wrong purchase order) and billed again
//   May         April's invoice is paid 250 short (PRICING); finance approves the deduction
//   September   August is closed before August's billing run: that invoice goes to September
//   November    October's invoiced analyst timesheet is resubmitted (same hours, other days):
//               the week's next invoice reverses and re-bills it, net zero
// The client pays each month's invoice on the 20th of the next month.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { changeOrderApproved, employeeUpdated, expenseApproved, paymentReceived, projectCreated, quoteAccepted, timesheetApproved } from './events.ts';
import { monthEnd, plusDays } from './calendar.ts';
import { expectInvariants } from './invariants.ts';
import { openException, openWorld, type ExplanationNode, type InvoiceAnswer, type World } from './world.ts';

const THREAD = 'thread-tm-hudson';
const CLIENT = 'CRM-HUDSON';
let world: World;
let engagement: { id: string; code: string };
const issued: Record<string, InvoiceAnswer> = {};

beforeAll(async () => {
  world = await openWorld({ start: '2026-01-05T09:00:00Z' });
});
afterAll(async () => world?.stop());

/** Second Monday of each month: the week the team works on the engagement. */
const WORK_WEEK: Record<string, string> = {
  '01': '2026-01-12', '02': '2026-02-09', '03': '2026-03-09', '04': '2026-04-13', '05': '2026-05-11', '06': '2026-06-08',
  '07': '2026-07-13', '08': '2026-08-10', '09': '2026-09-14', '10': '2026-10-12', '11': '2026-11-09', '12': '2026-12-14',
};

/** The month's timesheets: manager 5 + 5 h, analyst split evenly over Monday and Tuesday. */
async function workTheMonth(month: string, analystHours: number) {
  const monday = WORK_WEEK[month]!;
  const tuesday = plusDays(monday, 1);
  world.at(`${plusDays(monday, 4)}T17:00:00Z`);
  const half = String(analystHours / 2);
  await world.send('psa', [
    timesheetApproved({ timesheetId: `TS-MGR-2026-${month}`, employeeId: 'E-MGR-1', engagementRef: engagement.code, entries: [[monday, '5', 'MANAGER'], [tuesday, '5', 'MANAGER']], approvedAt: world.now().toISOString() }),
    timesheetApproved({ timesheetId: `TS-ANL-2026-${month}`, employeeId: 'E-ANL-1', engagementRef: engagement.code, entries: [[monday, half, 'ANALYST'], [tuesday, half, 'ANALYST']], approvedAt: world.now().toISOString() }),
  ]);
  await world.drain();
}

/** Billing and revenue runs on the last day of the month; answers the invoices the run issued. */
async function closeTheMonth(month: string) {
  const asOf = monthEnd(month);
  world.at(`${asOf}T18:00:00Z`);
  const run = await world.api.billingRun(asOf, 'US01');
  await world.api.revenueRun(asOf, 'US01');
  // Both runs are repeatable: the same runs again change nothing.
  expect((await world.api.billingRun(asOf, 'US01')).invoicesIssued).toBe(0);
  expect(await world.api.revenueRun(asOf, 'US01')).toMatchObject({ entriesPosted: 0 });
  return run;
}

/** The client pays an invoice in full on the 20th, naming it in the remittance. */
async function clientPays(invoice: InvoiceAnswer, day: string, amount = invoice.total, extra: { deduction?: string; reasonCode?: string } = {}) {
  world.at(`${day}T10:00:00Z`);
  await world.send('payments', paymentReceived({ paymentId: `PAY-${invoice.number}`, amount, currency: 'USD', payerExternalId: CLIENT, receivedAt: world.now().toISOString(), remittance: [{ invoiceNumber: invoice.number!, amount, ...extra }] }));
  await world.drain();
}

/** The engagement's figures as GET /api/v1/engagements/{id} answers them. */
async function figures() {
  const e = await world.api.figures(engagement.id);
  if (process.env.SCENARIO_DEBUG) console.log(world.now().toISOString(), e.value, e.billed, e.recognized, e.collected, e.unbilled);
  return { value: e.value, billed: e.billed, recognized: e.recognized, collected: e.collected, unbilled: e.unbilled };
}

async function invoiceFor(periodKey: string) {
  const invoices = await world.api.invoices(engagement.id);
  const live = invoices.filter((i) => i.kind === 'INVOICE' && i.billingPeriodKey === periodKey && i.status !== 'VOID');
  expect(live, `one live invoice for ${periodKey}`).toHaveLength(1);
  return live[0]!;
}

describe('time and materials, a year month by month (US01, USD)', { timeout: 180_000 }, () => {
  it('January: the HCM sends the team, the CRM the accepted quote, the PSA the project; the first week is billed', async () => {
    await world.send('hcm', [employeeUpdated('E-MGR-1', '150', 'USD', 'US01-ADV'), employeeUpdated('E-ANL-1', '60', 'USD', 'US01-ADV')]);
    world.at('2026-01-08T15:00:00Z');
    await world.send('crm', quoteAccepted(THREAD, {
      quoteId: 'Q-TM-HUDSON', quoteVersion: 1,
      client: { externalId: CLIENT, name: 'Hudson Analytics', legalEntityCode: 'US01' },
      currency: 'USD', billingModel: 'TIME_AND_MATERIALS',
      lines: [
        { sku: 'ADV-SENIOR', description: 'Engagement manager', quantity: '120', unitPrice: '400', role: 'MANAGER' },
        { sku: 'ADV-ANALYST', description: 'Data analyst', quantity: '180', unitPrice: '150', role: 'ANALYST' },
      ],
      estimatedCost: '28800', // 120 h × 150 + 180 h × 60
      taxProfile: { nexus: 'US-NY', exempt: false },
      acceptedAt: world.now().toISOString(),
    }));
    await world.drain();
    const shell = await world.api.engagementByCorrelation(THREAD);
    expect(shell).toMatchObject({ status: 'SHELL', value: '75000.00', currency: 'USD' });
    engagement = { id: shell.id, code: shell.code };

    world.at('2026-01-09T09:00:00Z');
    await world.send('psa', projectCreated(engagement.code, 'PSA-HUDSON-1'));
    await world.drain();
    expect((await world.api.engagement(engagement.id)).status).toBe('ACTIVE');

    await workTheMonth('01', 15);
    const run = await closeTheMonth('01');
    expect(run.invoicesIssued).toBe(1);
    issued['01'] = await invoiceFor('2026-W03');
    // 10 h × 400 + 15 h × 150 = 6,250.00, no tax in New York.
    expect(issued['01']).toMatchObject({ subtotal: '6250.00', tax: '0.00', total: '6250.00', status: 'ISSUED' });
    expect(issued['01'].lines.map((l) => [l.kind, l.quantity, l.amount])).toEqual([['TIME', '15', '2250.00'], ['TIME', '10', '4000.00']]);
    expect(await figures()).toEqual({ value: '75000.00', billed: '6250.00', recognized: '6250.00', collected: '0.00', unbilled: '0.00' });
    await expectInvariants(engagement.id, 'January');
  });

  it('February: January paid on the 20th, February billed', async () => {
    await workTheMonth('02', 15);
    await clientPays(issued['01']!, '2026-02-20');
    await closeTheMonth('02');
    issued['02'] = await invoiceFor('2026-W07');
    expect(issued['02'].total).toBe('6250.00');
    expect((await world.api.invoices(engagement.id)).find((i) => i.id === issued['01']!.id)).toMatchObject({ status: 'PAID', balanceDue: '0.00' });
    // billed 2 × 6,250; collected January's 6,250.
    expect(await figures()).toMatchObject({ billed: '12500.00', recognized: '12500.00', collected: '6250.00' });
    await expectInvariants(engagement.id, 'February');
  });

  it('March: the invoice goes out against the wrong purchase order, is voided and billed again under a new number', async () => {
    await workTheMonth('03', 15);
    await clientPays(issued['02']!, '2026-03-20');
    await closeTheMonth('03');
    const wrong = await invoiceFor('2026-W11');
    world.at('2026-03-31T18:30:00Z');
    expect(await world.api.voidInvoice(wrong.id, 'Issued against the wrong purchase order')).toMatchObject({ status: 'VOID', number: wrong.number, releasedSources: 4 }); // 4 time entries
    // Released: 6,250 unbilled again and its revenue reversed until it is billed again.
    world.at('2026-03-31T18:45:00Z');
    await world.api.revenueRun('2026-03-31', 'US01');
    expect(await figures()).toMatchObject({ billed: '12500.00', recognized: '12500.00', unbilled: '6250.00' });
    await expectInvariants(engagement.id, 'March, after the void');
    world.at('2026-03-31T19:00:00Z');
    const rebill = await world.api.billingRun('2026-03-31', 'US01');
    expect(rebill.invoicesIssued).toBe(1);
    issued['03'] = await invoiceFor('2026-W11');
    expect(issued['03'].number).not.toBe(wrong.number);
    expect(issued['03'].total).toBe('6250.00');
    await world.api.revenueRun('2026-03-31', 'US01');
    // The void took the March time's revenue back and the re-bill restored it: 3 × 6,250.
    expect(await figures()).toMatchObject({ billed: '18750.00', recognized: '18750.00', collected: '12500.00', unbilled: '0.00' });
    await expectInvariants(engagement.id, 'March');
  });

  it('April: billed as usual; March (the re-billed invoice) is paid', async () => {
    await workTheMonth('04', 15);
    await clientPays(issued['03']!, '2026-04-20');
    await closeTheMonth('04');
    issued['04'] = await invoiceFor('2026-W16');
    expect(await figures()).toMatchObject({ billed: '25000.00', recognized: '25000.00', collected: '18750.00' });
    await expectInvariants(engagement.id, 'April');
  });

  it('May: April is paid 250 short (PRICING); finance approves the deduction as a credit note', async () => {
    await workTheMonth('05', 15);
    await clientPays(issued['04']!, '2026-05-20', '6000.00', { deduction: '250.00', reasonCode: 'PRICING' });
    const application = await db().cashApplication.findFirstOrThrow({ where: { invoiceId: issued['04']!.id } });
    expect(application).toMatchObject({ deductionStatus: 'PENDING_APPROVAL', deductionReasonCode: 'PRICING' });
    expect(application.deductionAmount.toString()).toBe('250');
    await expectInvariants(engagement.id, 'May, short pay pending');

    world.at('2026-05-25T11:00:00Z');
    const deduction = await openException('SHORT_PAY_DEDUCTION', application.id);
    await world.api.exceptionAction(deduction.id, 'approve', 'Agreed discount on the April analyst hours');
    const april = (await world.api.invoices(engagement.id)).find((i) => i.id === issued['04']!.id)!;
    expect(april).toMatchObject({ status: 'PAID', balanceDue: '0.00', amountApplied: '6000.00', amountCredited: '250.00' });

    await closeTheMonth('05');
    issued['05'] = await invoiceFor('2026-W20');
    // billed 5 × 6,250 − 250 credited = 31,000; collected 18,750 + 6,000. The deduction is a
    // concession on the price, not undelivered work: revenue stays at 5 × 6,250.
    expect(await figures()).toMatchObject({ billed: '31000.00', recognized: '31250.00', collected: '24750.00' });
    await expectInvariants(engagement.id, 'May');
  });

  it('June: change order CO-TM-1 adds 60 analyst hours (+9,000)', async () => {
    world.at('2026-06-03T10:00:00Z');
    await world.send('crm', changeOrderApproved({ changeOrderId: 'CO-TM-1', quoteId: 'Q-TM-HUDSON', version: 1, valueDelta: '9000', estimatedCostDelta: '3600', budgetHoursDelta: '60', reason: 'Second data domain', approvedAt: world.now().toISOString() }));
    await world.drain();
    expect((await world.api.engagement(engagement.id)).value).toBe('84000.00');
    await workTheMonth('06', 15);
    await clientPays(issued['05']!, '2026-06-20');
    await closeTheMonth('06');
    issued['06'] = await invoiceFor('2026-W24');
    expect(await figures()).toMatchObject({ value: '84000.00', billed: '37250.00', recognized: '37500.00', collected: '31000.00' });
    await expectInvariants(engagement.id, 'June');
  });

  it('July: the larger analyst load is billed (7,750 a month)', async () => {
    await workTheMonth('07', 25);
    await clientPays(issued['06']!, '2026-07-20');
    await closeTheMonth('07');
    issued['07'] = await invoiceFor('2026-W29');
    // 10 h × 400 + 25 h × 150 = 7,750.
    expect(issued['07'].total).toBe('7750.00');
    expect(await figures()).toMatchObject({ billed: '45000.00', recognized: '45250.00', collected: '37250.00' });
    await expectInvariants(engagement.id, 'July');
  });

  it('August: revenue is recognized at month end, but the billing run is missed', async () => {
    await workTheMonth('08', 25);
    await clientPays(issued['07']!, '2026-08-20');
    world.at('2026-08-31T18:00:00Z');
    await world.api.revenueRun('2026-08-31', 'US01');
    // Nothing billed for August yet: 7,750 unbilled, but earned (45,250 + 7,750).
    expect(await figures()).toMatchObject({ billed: '45000.00', recognized: '53000.00', collected: '45000.00', unbilled: '7750.00' });
    await expectInvariants(engagement.id, 'August');
  });

  it('September: August is closed; its late billing run posts into September, flagged for finance', async () => {
    world.at('2026-09-01T08:00:00Z');
    await world.closePeriod('US01', '2026-08');
    world.at('2026-09-02T09:00:00Z');
    const late = await world.api.billingRun('2026-08-31', 'US01');
    expect(late).toMatchObject({ invoicesIssued: 1, invoices: [{ accountingPeriod: '2026-09', latePosting: true }] });
    issued['08'] = await invoiceFor('2026-W33');
    expect(issued['08']).toMatchObject({ issueDate: '2026-08-31', total: '7750.00' });
    expect(await openException('LATE_PERIOD_POSTING', issued['08'].id)).toMatchObject({ recoverability: 'DECISION' });
    await expectInvariants(engagement.id, 'September, late posting');

    await workTheMonth('09', 25);
    await clientPays(issued['08'], '2026-09-20');
    await closeTheMonth('09');
    issued['09'] = await invoiceFor('2026-W38');
    expect(await figures()).toMatchObject({ billed: '60500.00', recognized: '60750.00', collected: '52750.00' });
    await expectInvariants(engagement.id, 'September');
  });

  it('October: a £400 train fare is billed in USD at the October rate', async () => {
    await world.send('psa', expenseApproved({ expenseId: 'EXP-HUDSON-1', engagementRef: engagement.code, amount: '400.00', currency: 'GBP', date: '2026-10-13' }));
    await workTheMonth('10', 25);
    await clientPays(issued['09']!, '2026-10-20');
    await closeTheMonth('10');
    issued['10'] = await invoiceFor('2026-W42');
    // 7,750 time + £400 × 1.3450 = 538.00 → 8,288.00; the expense is revenue when incurred.
    expect(issued['10']).toMatchObject({ subtotal: '8288.00', total: '8288.00' });
    expect(await figures()).toMatchObject({ billed: '68788.00', recognized: '69038.00', collected: '60500.00' });
    // "Why is this invoice 8,288.00?" — down to the timesheets and the expense, with their events.
    const why = await world.api.explanation(issued['10'].id);
    expect(why.tree.amount).toBe('8288.00');
    const lines = why.tree.children.filter((c) => c.kind === 'InvoiceLine');
    expect(lines.map((l) => l.amount).sort((a, b) => Number(a) - Number(b))).toEqual(['538.00', '3750.00', '4000.00']);
    const leaves = (node: ExplanationNode): ExplanationNode[] => (node.children.length === 0 ? [node] : node.children.flatMap(leaves));
    expect(leaves(why.tree).map((n) => n.kind)).toEqual(expect.arrayContaining(['Timesheet', 'Expense'])); // each time entry down to its timesheet
    expect(why.events.map((e) => e.type)).toEqual(expect.arrayContaining(['q2c.timesheet.approved.v1', 'q2c.expense.approved.v1']));
    await expectInvariants(engagement.id, 'October');
  });

  it('November and December: October\'s invoiced analyst timesheet is resubmitted; the year ends with every estimated hour delivered', async () => {
    await workTheMonth('11', 25);
    await clientPays(issued['10']!, '2026-11-20');
    // The analyst moves 2.5 h from Tuesday to Monday of the invoiced October week (same 25 h).
    world.at('2026-11-24T10:00:00Z');
    await world.send('psa', timesheetApproved({ timesheetId: 'TS-ANL-2026-10', employeeId: 'E-ANL-1', engagementRef: engagement.code, version: 2, entries: [['2026-10-12', '15', 'ANALYST'], ['2026-10-13', '10', 'ANALYST']], approvedAt: world.now().toISOString() }));
    await world.drain();
    await closeTheMonth('11');
    // The week's next invoice reverses the superseded 25 h and bills the new 25 h: net zero.
    const october = (await world.api.invoices(engagement.id)).filter((i) => i.billingPeriodKey === '2026-W42' && i.id !== issued['10']!.id);
    expect(october.map((i) => [i.total, i.lines.map((l) => [l.kind, l.quantity, l.amount])])).toEqual([['0.00', [['TIME', '25', '3750.00'], ['ADJUSTMENT', '-25', '-3750.00']]]]);
    issued['11'] = await invoiceFor('2026-W46');
    expect(await figures()).toMatchObject({ billed: '76538.00', recognized: '76788.00', collected: '68788.00' });
    await expectInvariants(engagement.id, 'November');

    await workTheMonth('12', 25);
    await clientPays(issued['11']!, '2026-12-20');
    await closeTheMonth('12');
    issued['12'] = await invoiceFor('2026-W51');
    // billed 84,000 time + 538 expense − 250 deduction; recognized 84,000 time (= the contract
    // value: the time schedule is complete) + 538 expense; collected all but December's 7,750.
    expect(await figures()).toMatchObject({ value: '84000.00', billed: '84288.00', recognized: '84538.00', collected: '76538.00', unbilled: '0.00' });
    await expectInvariants(engagement.id, 'December', { complete: true });
  });
});
