// Plays a generated demo world into a running Threadline over real HTTP, month by month,
// as the firm's systems and people would: the HCM hires, the CRM masters parent accounts
// and accepts quotes, the PSA and time tool send delivery, clients pay through the bank and
// the gateway, finance runs billing weekly and revenue at month end, each on its business
// time, and closes the books two months behind. Nothing is written to tables; the loader
// waits for the worker (settle) wherever the next step depends on the last. Leaves the
// current month unbilled and the queues alive.
import { addDays, type IsoDate } from '../../domain/periods/calendar-date.ts';
import { billingRuns, billingRunTime, revenueRunTime } from '../finance-calendar.ts';
import { legalEntities } from '../firm.ts';
import { planPayment } from '../payment-plan.ts';
import type { DemoEngagement, DemoEvent, DemoMonth, DemoWorld } from '../types.ts';
import { openBooks } from './close-months.ts';
import { resolveEngagements, type LiveEngagement } from './resolve-engagements.ts';
import { inParallel, settle } from './settle.ts';
import { bankPayment, CAMT_ACCOUNT_CURRENCY, settlePayments, type DuePayment } from './settle-payments.ts';
import type { SimulatorClient } from './simulator-client.ts';
import type { ThreadlineClient } from './threadline-client.ts';

export interface DemoLoadSummary {
  events: number;
  refused: number;
  quotes: number;
  invoices: number;
  payments: number;
  skipped: number;
  seconds: number;
}

interface BillingRunAnswer {
  invoicesIssued: number;
  awaitingTax: number;
  invoices: { id: string; number: string; engagementId: string; currency: string; total: string }[];
}

const BUSINESS_DATED = ['psa', 'erp', 'payments'] as const;

type LoadOptions = { world: DemoWorld; threadline: ThreadlineClient; simulators: SimulatorClient; say: (line: string) => void };

/**
 * The PSA, the ERP and the gateway answer on the business dates of the year being played
 * (their businessDated knob: projects ready a few days after acceptance, invoices posted
 * overnight after their issue date, cards charged on the payment's day) while it loads, and
 * on the wall clock again afterwards.
 */
export async function loadDemoWorld(o: LoadOptions): Promise<DemoLoadSummary> {
  for (const name of BUSINESS_DATED) await o.simulators.control(name, { businessDated: true });
  try {
    return await playYear(o);
  } finally {
    for (const name of BUSINESS_DATED) await o.simulators.control(name, { businessDated: false }).catch(() => undefined);
  }
}

async function playYear(o: LoadOptions): Promise<DemoLoadSummary> {
  const { world, threadline, simulators, say } = o;
  const started = Date.now();
  const summary: DemoLoadSummary = { events: 0, refused: 0, quotes: 0, invoices: 0, payments: 0, skipped: 0, seconds: 0 };
  const byQuote = new Map(world.engagements.map((e) => [e.quoteId, e]));
  const clientNames = new Map(world.clients.map((c) => [c.externalId, c.name]));
  const live = new Map<string, LiveEngagement>();
  const byEngagementId = new Map<string, DemoEngagement>();
  const invoiceCount = new Map<string, number>();
  let planned: DuePayment[] = [];
  const yesterday = addDays(world.today, -1);
  const lastBilled = [...world.months].reverse().find((m) => m.asOf)?.month;
  const books = await openBooks(threadline);

  for (const month of world.months) {
    const monthStarted = Date.now();
    // Where the month's time goes, printed with its line: the load's speed is its waits.
    const steps: string[] = [];
    let stepStarted = monthStarted;
    const step = (name: string) => {
      const now = Date.now();
      steps.push(`${name} ${((now - stepStarted) / 1000).toFixed(1)}`);
      stepStarted = now;
    };
    await hire(month);
    await send(month.before.filter((e) => !e.expectRefused));
    // The first month's people and group parents must be in before anything names them;
    // later prospects are named by nothing and ride along with the quotes.
    if (month.hires.length > 0) await settle(threadline, simulators, { what: `${month.month}'s master data` });

    await inParallel(month.quotes, 8, async (quote) => {
      await simulators.post('crm', 'v1/quotes', quote.data);
      await simulators.post('crm', 'v1/quotes/accept', { quoteId: quote.data.quoteId, acceptedAt: quote.acceptedAt });
    });
    summary.quotes += month.quotes.length;
    await settle(threadline, simulators, { what: `${month.month}'s quotes` });
    step('quotes');
    const wanted = month.quotes.map((q) => q.data.quoteId).filter((id) => !byQuote.get(id)?.heldBy);
    for (const found of await resolveEngagements(threadline, wanted)) {
      live.set(found.quoteId, found);
      byEngagementId.set(found.id, byQuote.get(found.quoteId)!);
    }

    const delivery = month.delivery.map(withEngagementRef).filter((e): e is DemoEvent => e !== null);
    await send(delivery.filter((e) => !e.expectRefused));
    await send(delivery.filter((e) => e.expectRefused));
    // The month's cash: invoices are already issued, so payments need not wait for delivery.
    const cutoff: IsoDate = month.asOf ?? yesterday;
    const due = planned.filter((p) => p.plan.on <= cutoff);
    planned = planned.filter((p) => p.plan.on > cutoff);
    if (due.length > 0) await settlePayments({ due, threadline, simulators });
    summary.payments += due.length;
    // Billing bills what the worker has applied: everything sent so far must be in.
    step('sending');
    await settle(threadline, simulators, { what: `${month.month}'s delivery and payments` });
    step('applying');

    let issued = 0;
    if (month.asOf) {
      // Finance bills on the 1st, every Sunday and at month end (finance-calendar.ts), each run
      // stamped on its business time; the last month entity by entity, one during a tax-engine outage.
      const runs = billingRuns(month.month, { lastBilledMonth: month.month === lastBilled, legalEntityCodes: legalEntities.map((e) => e.code), taxOutageLegalEntity: world.taxOutageLegalEntity });
      for (const { asOf, legalEntityCode, taxOutage } of runs) {
        if (taxOutage) await simulators.control('tax', { outage: true });
        try {
          const run = (await threadline.post<BillingRunAnswer>('/api/v1/billing/runs', { asOf, ...(legalEntityCode ? { legalEntityCode } : {}) }, { at: billingRunTime(asOf) })).body;
          issued += run.invoicesIssued;
          planned.push(...plansFor(run, asOf));
        } finally {
          if (taxOutage) await simulators.control('tax', { outage: false });
        }
      }
      step('billing');
      await threadline.post('/api/v1/revenue/runs', { asOf: month.asOf }, { at: revenueRunTime(month.asOf) });
      step('revenue');
      summary.invoices += issued;
    }
    const closed = await books.close(month.close);
    step('close');
    say(`  ${month.month}: ${month.quotes.length} quotes, ${delivery.length} delivery events, ${due.length} payments, ${issued} invoices issued${closed.length ? `, closed ${closed.join(' ')}` : ''} (${((Date.now() - monthStarted) / 1000).toFixed(1)} s: ${steps.join(', ')})`);
  }

  await finish();
  summary.seconds = Math.round((Date.now() - started) / 1000);
  return summary;

  async function hire(month: DemoMonth) {
    await inParallel(month.hires, 8, async (e) => {
      await simulators.post('hcm', 'v1/employees', { employeeId: e.employeeId, name: e.name, costRate: e.costRate, currency: e.currency, costCenter: e.costCenter, effectiveFrom: e.hiredOn });
    });
  }

  async function send(events: DemoEvent[]) {
    if (events.length === 0) return;
    const answer = await threadline.sendEvents(events);
    summary.events += answer.accepted;
    summary.refused += answer.refused;
  }

  function withEngagementRef(event: DemoEvent): DemoEvent | null {
    if (!event.engagementOf) return event;
    const engagement = live.get(event.engagementOf.quoteId);
    const ref = engagement && (event.engagementOf.by === 'psaProjectId' ? (engagement.psaProjectId ?? engagement.code) : engagement.code);
    if (!ref) {
      summary.skipped += 1;
      return null;
    }
    return { ...event, data: { ...event.data, engagementRef: ref } };
  }

  function plansFor(run: BillingRunAnswer, issueDate: IsoDate): DuePayment[] {
    const plans: DuePayment[] = [];
    for (const invoice of [...run.invoices].sort((a, b) => a.number.localeCompare(b.number))) {
      const engagement = byEngagementId.get(invoice.engagementId);
      if (!engagement) continue;
      const ordinal = (invoiceCount.get(engagement.quoteId) ?? 0) + 1;
      invoiceCount.set(engagement.quoteId, ordinal);
      const plan = planPayment(world.seed, engagement.payer, { quoteId: engagement.quoteId, ordinal, number: invoice.number, total: invoice.total, currency: invoice.currency, issueDate });
      if (plan) plans.push({ plan, currency: invoice.currency, payer: { externalId: engagement.clientExternalId, name: clientNames.get(engagement.clientExternalId) ?? engagement.clientExternalId } });
    }
    return plans;
  }

  /** Cash nobody can place, the reconciliation jobs, and a last settle: the queues as finance finds them today. */
  async function finish() {
    const euro = world.strayCredits.filter((c) => c.currency === CAMT_ACCOUNT_CURRENCY);
    for (const credit of euro) await simulators.post('bank', 'v1/credits', credit);
    if (euro.length > 0) await simulators.post('bank', 'v1/statements', {});
    await send(world.strayCredits.filter((c) => c.currency !== CAMT_ACCOUNT_CURRENCY).map((c) => bankPayment({ plan: { on: c.valueDate, amount: c.amount }, currency: c.currency, payer: { name: c.debtorName } }, c.debtorName.replace(/\W+/g, '-'))));
    await settle(threadline, simulators, { what: 'the last statement' });
    await threadline.post('/api/v1/reconciliation/runs', {});
    say(`  reconciliation run; ${planned.length} invoices not yet paid`);
  }
}
