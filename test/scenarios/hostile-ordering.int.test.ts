// The same year of events, delivered twice (IN01, INR, GST 18 %): once in order, one event at
// a time, and once shuffled, with duplicates (the same CloudEvent resent, and the same
// business event resent under a new id), in batches drained in between. Causality the senders
// themselves obey is kept: the PSA announces its project only after Threadline asked it to
// create one, so the quote phase and the delivery phase are shuffled separately. Both
// engagements must end in the same state, and in the hand-computed one:
//
//   contract     quote version 1: 220 h, re-accepted two days later as version 2:
//                Consultant 240 h × 5,000 = 1,200,000 INR
//   CO-IN-1      version 1 +100,000, replaced by version 2 +150,000 → value 1,350,000
//   time         one timesheet a month, 10 h + 10 h; May's resubmitted as version 2 (8 h + 10 h)
//                → 11 × 20 h + 18 h = 238 h × 5,000 = 1,190,000
//   expense      USD 300 on 10 June at the June reference rate (91.50 INR per USD) → 27,450
//   year end     one billing run and one revenue run: 12 weekly invoices, subtotal 1,217,450,
//                GST 219,141, total 1,436,591; recognized 1,217,450
//   January      the client pays every invoice; the payment for week 24 is disputed for the
//                expense (27,450 + 18 % = 32,391). Hostile: the dispute arrives before the
//                payment it disputes, and the payments shuffled and duplicated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { changeOrderApproved, employeeUpdated, expenseApproved, paymentDisputed, paymentReceived, projectCreated, quoteAccepted, timesheetApproved } from './events.ts';
import { plusDays } from './calendar.ts';
import { expectInvariants } from './invariants.ts';
import { cloudEventOf, openWorld, type InvoiceAnswer, type OutgoingEvent, type System, type World } from './world.ts';

let world: World;
beforeAll(async () => {
  world = await openWorld({ start: '2026-12-31T08:00:00Z' });
});
afterAll(async () => world?.stop());

const WORK_WEEK = ['2026-01-12', '2026-02-09', '2026-03-09', '2026-04-13', '2026-05-11', '2026-06-08', '2026-07-13', '2026-08-10', '2026-09-14', '2026-10-12', '2026-11-09', '2026-12-07'];
type Sent = [System, OutgoingEvent];

/** The quote phase: both versions of the CRM's quote and both versions of its change order. */
function commercialEvents(tag: string): Sent[] {
  const quoteId = `Q-IN-${tag}`;
  const change = (version: number, valueDelta: string, approvedAt: string): Sent => [
    'crm',
    changeOrderApproved({ changeOrderId: `CO-IN-${tag}`, quoteId, version, valueDelta, estimatedCostDelta: '0', budgetHoursDelta: String(Number(valueDelta) / 5000), reason: 'Extra integration', approvedAt }),
  ];
  const quote = (quoteVersion: number, hours: string, acceptedAt: string): Sent => ['crm', quoteAccepted(`thread-in-${tag}`, {
    quoteId, quoteVersion,
    client: { externalId: `CRM-GANGA-${tag}`, name: `Ganga Textiles ${tag}`, legalEntityCode: 'IN01' },
    currency: 'INR', billingModel: 'TIME_AND_MATERIALS',
    lines: [{ sku: 'ADV-CONSULTANT', description: 'Consultant', quantity: hours, unitPrice: '5000', role: 'CONSULTANT' }],
    estimatedCost: String(Number(hours) * 2000),
    taxProfile: { nexus: 'IN', exempt: false },
    acceptedAt,
  })];
  return [
    quote(1, '220', '2026-01-05T06:00:00Z'),
    quote(2, '240', '2026-01-07T06:00:00Z'),
    change(1, '100000', '2026-04-01T06:00:00Z'),
    change(2, '150000', '2026-04-03T06:00:00Z'),
  ];
}

/**
 * The delivery phase: the HCM's employee (the HCM and the PSA do not wait for each other),
 * the year's timesheets (May resubmitted) and one expense, referring to the PSA's project id.
 */
function deliveryEvents(tag: string): Sent[] {
  const project = `PSA-IN-${tag}`;
  const sheet = (month: number, hours: [string, string], version = 1): Sent => {
    const monday = WORK_WEEK[month - 1]!;
    return ['psa', timesheetApproved({
      timesheetId: `TS-IN-${tag}-${month}`, employeeId: `E-IN-${tag}`, engagementRef: project, version,
      entries: [[monday, hours[0], 'CONSULTANT'], [plusDays(monday, 1), hours[1], 'CONSULTANT']],
      approvedAt: `${plusDays(monday, 4)}T12:00:00Z`,
    })];
  };
  return [
    ['hcm', employeeUpdated(`E-IN-${tag}`, '2000', 'INR', 'IN01-ADV')],
    ...Array.from({ length: 12 }, (_, i) => sheet(i + 1, ['10', '10'])),
    sheet(5, ['8', '10'], 2),
    ['psa', expenseApproved({ expenseId: `EXP-IN-${tag}`, engagementRef: project, amount: '300.00', currency: 'USD', date: '2026-06-10' })],
  ];
}

/** The client pays each invoice by its number; the week-24 payment is disputed for the expense. */
function cashEvents(tag: string, invoices: InvoiceAnswer[]): { payments: Sent[]; dispute: Sent } {
  const payments = invoices.map((i): Sent => ['payments', paymentReceived({ paymentId: `PAY-${tag}-${i.billingPeriodKey}`, amount: i.total, currency: 'INR', payerExternalId: `CRM-GANGA-${tag}`, receivedAt: '2027-01-20T10:00:00Z', remittance: [{ invoiceNumber: i.number!, amount: i.total }] })]);
  const dispute: Sent = ['payments', paymentDisputed({ disputeId: `DSP-${tag}`, paymentId: `PAY-${tag}-2026-W24`, amount: '32391.00', currency: 'INR', reason: 'Travel was not pre-approved', openedAt: '2027-01-25T10:00:00Z' })];
  return { payments, dispute };
}

/** A seeded shuffle (mulberry32), so a failure can be replayed exactly. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function sendInOrder(events: Sent[]) {
  for (const [system, event] of events) {
    await world.send(system, event);
    await world.drain();
  }
}

/**
 * Shuffled, every third event sent again as the very same CloudEvent and every fourth
 * resent by its system under a new event id, in batches of five per system with the
 * inbox drained between batches.
 */
async function sendHostile(events: Sent[], seed: number): Promise<number> {
  let duplicates = 0;
  const wire: [System, Record<string, unknown>][] = events.map(([system, event]) => [system, cloudEventOf(system, event, world.now())]);
  const resent = wire.filter((_, i) => i % 3 === 0);
  const retried = wire.filter((_, i) => i % 4 === 0).map(([system, e]): [System, Record<string, unknown>] => [system, { ...e, id: `${String(e.id)}-retry` }]);
  const all = shuffled([...wire, ...resent, ...retried], seed);
  for (let i = 0; i < all.length; i += 5) {
    for (const [system, batch] of groupBySystem(all.slice(i, i + 5))) {
      duplicates += (await world.sendRaw(system, batch)).filter((r) => r.status === 'duplicate').length;
    }
    await world.drain();
  }
  return duplicates;
}

function groupBySystem(events: [System, Record<string, unknown>][]): Map<System, Record<string, unknown>[]> {
  const groups = new Map<System, Record<string, unknown>[]>();
  for (const [system, event] of events) groups.set(system, [...(groups.get(system) ?? []), event]);
  return groups;
}

/** What must be the same: the figures, each invoice's lines, the live time, the revenue by period. */
async function endState(correlationId: string) {
  const engagement = await world.api.engagementByCorrelation(correlationId);
  const invoices = (await world.api.invoices(engagement.id)).filter((i) => i.status !== 'VOID');
  const time = await db().timeTransaction.findMany({ where: { engagementId: engagement.id, superseded: false }, orderBy: [{ workDate: 'asc' }, { hours: 'asc' }] });
  const revenue = await db().revenueEntry.groupBy({ by: ['period'], where: { engagementId: engagement.id }, _sum: { amount: true }, orderBy: { period: 'asc' } });
  const openExceptions = await db().exception.findMany({ where: { correlationId, status: { in: ['OPEN', 'ASSIGNED'] } }, select: { code: true } });
  const disputes = await db().dispute.findMany({ where: { OR: [{ invoice: { engagementId: engagement.id } }, { receipt: { applications: { some: { invoice: { engagementId: engagement.id } } } } }] }, select: { status: true, amount: true } });
  const receipts = await db().cashReceipt.findMany({ where: { applications: { some: { invoice: { engagementId: engagement.id } } } }, orderBy: { amount: 'asc' } });
  return {
    id: engagement.id,
    state: {
      status: engagement.status,
      figures: [engagement.value, engagement.billed, engagement.recognized, engagement.unbilled, engagement.collected],
      receipts: receipts.map((r) => [r.status, r.amount.toFixed(2), r.appliedAmount.toFixed(2)]),
      disputes: disputes.map((d) => [d.status, d.amount.toFixed(2)]),
      invoices: invoices
        .map((i) => ({ week: i.billingPeriodKey, subtotal: i.subtotal, tax: i.tax, total: i.total, lines: i.lines.map((l) => [l.kind, l.quantity, l.amount]) }))
        .sort((a, b) => String(a.week).localeCompare(String(b.week))),
      time: time.map((t) => [t.workDate.toISOString().slice(0, 10), t.hours.toString(), t.amount?.toString()]),
      revenue: revenue.map((r) => [r.period, r._sum.amount?.toFixed(2)]),
      openExceptions: openExceptions.map((e) => e.code).sort(),
    },
  };
}

describe('hostile ordering: the same year shuffled and duplicated ends in the same state (IN01, INR)', { timeout: 600_000 }, () => {
  it('ordered and hostile deliveries agree with each other and with the hand-computed year', async () => {
    // In order: quote phase, the PSA's project, delivery phase; one event at a time.
    await sendInOrder(commercialEvents('A'));
    const ordered = await world.api.engagementByCorrelation('thread-in-A');
    await sendInOrder([['psa', projectCreated(ordered.code, 'PSA-IN-A')]]);
    await sendInOrder(deliveryEvents('A'));

    // Hostile: each phase shuffled and duplicated.
    let duplicates = await sendHostile(commercialEvents('B'), 20260101);
    const hostile = await world.api.engagementByCorrelation('thread-in-B');
    duplicates += await sendHostile([['psa', projectCreated(hostile.code, 'PSA-IN-B')], ...deliveryEvents('B')], 20260103);

    world.at('2026-12-31T18:00:00Z');
    await world.api.billingRun('2026-12-31', 'IN01');
    await world.api.revenueRun('2026-12-31', 'IN01');

    // January: the cash. In order, then hostile (the dispute before its payment).
    world.at('2027-01-26T09:00:00Z');
    const inOrder = cashEvents('A', await world.api.invoices(ordered.id));
    await sendInOrder([...inOrder.payments, inOrder.dispute]);
    const raced = cashEvents('B', await world.api.invoices(hostile.id));
    await sendHostile([raced.dispute], 20270101);
    duplicates += await sendHostile(raced.payments, 20270102);
    expect(duplicates).toBeGreaterThan(0);

    // The hostility happened: resent events were answered as duplicates, stale versions were
    // superseded, and events that overtook what they depend on waited and were released.
    const bEvents = await db().inboxEvent.groupBy({ by: ['status'], where: { OR: [{ subject: { contains: '-B' } }, { subject: { contains: 'PAY-B' } }] }, _count: true });
    const released = await db().exceptionAction.count({ where: { kind: 'RESOLVE', actorType: 'SYSTEM', note: { contains: 'requeued' } } });
    if (process.env.SCENARIO_DEBUG) console.log(bEvents, released);
    expect(bEvents.find((g) => g.status === 'SUPERSEDED')?._count ?? 0).toBeGreaterThan(0);
    expect(released).toBeGreaterThan(0);

    const a = await endState('thread-in-A');
    const b = await endState('thread-in-B');
    expect(b.state).toEqual(a.state);

    expect(a.state.figures).toEqual(['1350000.00', '1436591.00', '1217450.00', '0.00', '1436591.00']);
    expect(a.state.disputes).toEqual([['OPEN', '32391.00']]);
    expect(a.state.openExceptions).toEqual(['PAYMENT_DISPUTED']);
    expect(a.state.invoices).toHaveLength(12);
    const june = a.state.invoices.find((i) => i.week === '2026-W24')!;
    // 20 h × 5,000 + USD 300 × 91.50 = 127,450; GST 18 % = 22,941.
    expect(june).toMatchObject({ subtotal: '127450.00', tax: '22941.00', total: '150391.00' });
    const may = a.state.invoices.find((i) => i.week === '2026-W20')!;
    expect(may.lines).toEqual([['TIME', '18', '90000.00']]);
    await expectInvariants(a.id, 'the ordered year');
    await expectInvariants(b.id, 'the hostile year');
  });
});
