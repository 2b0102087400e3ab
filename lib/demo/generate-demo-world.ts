// The demo world (DESIGN.md §12, docs/DEMO.md): a global consulting firm with four legal
// entities, a few hundred clients in groups, a year of T&M, fixed-fee and retainer work
// ending yesterday, and planted faults for every exception code. Pure and deterministic:
// the same seed, scale and day give the same world, event for event and id for id.
import { addDays, addMonths, firstDayOfMonth, lastDayOfMonth, yearMonthOf, type IsoDate, type YearMonth } from '../domain/periods/calendar-date.ts';
import { legalEntities, type LegalEntityCode } from './firm.ts';
import { fixedFee, retainer, timeAndMaterials, type EngagementContext, type GeneratedEngagement } from './generate-engagements.ts';
import { generateClients, generateEmployees } from './generate-parties.ts';
import * as plant from './plant-faults.ts';
import { seededRandom, type Random } from './random.ts';
import type { DemoClient, DemoEmployee, DemoEvent, DemoMonth, DemoQuote, DemoWorld } from './types.ts';

export interface DemoWorldOptions {
  seed?: string;
  /** 1 = the full firm (~300 clients, ~120 quotes); tests use 0.05–0.2. */
  scale?: number;
  /** The load date: the year shown ends the day before. */
  today: IsoDate;
}

export const DEFAULT_DEMO_SEED = 'threadline-demo';

const count = (n: number, scale: number, least = 1) => Math.max(least, Math.round(n * scale));

export function generateDemoWorld(options: DemoWorldOptions): DemoWorld {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 5)) throw new RangeError(`scale must be above 0 and at most 5, got ${scale}`);
  const random = seededRandom(seed);
  const today = options.today;
  const current = yearMonthOf(today);
  const firstMonth = addMonths(current, -12);

  const employees = generateEmployees(random.fork('people'), { count: count(96, scale, 20), hiredOn: firstDayOfMonth(firstMonth) });
  const clients = generateClients(random.fork('clients'), { count: count(300, scale, 16) });
  const numbers = new Map<string, number>();
  const context: EngagementContext = {
    random: random.fork('engagements'),
    firstMonth,
    lastDay: today,
    employees,
    quoteNumber: (entity) => {
      const n = (numbers.get(entity) ?? 0) + 1;
      numbers.set(entity, n);
      return `Q-${entity}-${String(n).padStart(4, '0')}`;
    },
  };

  const buyers = pickBuyers(random.fork('buyers'), clients);
  const healthy: GeneratedEngagement[] = [];
  const plan: [typeof timeAndMaterials, number, [number, number], [number, number]][] = [
    [timeAndMaterials, count(40, scale, 4), [0, 11], [2, 6]],
    [fixedFee, count(30, scale, 4), [0, 9], [3, 7]],
    [retainer, count(30, scale, 4), [0, 8], [6, 12]],
  ];
  for (const [make, n, [firstStart, lastStart], [shortest, longest]] of plan) {
    for (let i = 0; i < n; i++) {
      const start = addMonths(firstMonth, context.random.int(firstStart, lastStart));
      // The first of each model in every legal entity, however small the world.
      const entity = i < legalEntities.length ? legalEntities[i]!.code : undefined;
      healthy.push(make(context, buyers.next(entity), start, context.random.int(shortest, longest)));
    }
  }
  // However small the world, someone pays short and someone disputes: the first T&M and retainer clients.
  healthy.find((g) => g.engagement.model === 'TIME_AND_MATERIALS')!.engagement.payer = 'short-payer';
  healthy.find((g) => g.engagement.model === 'RETAINER_WITH_OVERAGE')!.engagement.payer = 'disputer';

  const faults: plant.PlantedFault[] = [];
  const extra: DemoEvent[] = [];
  const quotes: DemoQuote[] = healthy.map((g) => g.quote);
  const perFault = count(3, scale);
  const faultRandom = random.fork('faults');
  const midYear = addMonths(firstMonth, 6);

  // Quotes held at acceptance: fresh engagements whose delivery never starts.
  const held: GeneratedEngagement[] = [];
  for (const [code, breakIt] of Object.entries(plant.quoteFaults)) {
    for (let i = 0; i < perFault; i++) {
      const g = timeAndMaterials(context, buyers.next(), addMonths(firstMonth, faultRandom.int(4, 11)), 3);
      faults.push({ code, where: breakIt(g) });
      g.engagement.heldBy = code;
      held.push(g);
      quotes.push(g.quote);
    }
  }
  // Change orders for held quotes wait for them: OUT_OF_ORDER_GAP.
  for (const g of held.filter((h) => h.engagement.heldBy === 'UNMAPPED_SERVICE_SKU')) {
    extra.push(plant.changeOrderForHeldQuote(g.engagement.quoteId, `${addDays(g.engagement.acceptedOn, 20)}T10:00:00Z`));
    faults.push({ code: 'OUT_OF_ORDER_GAP', where: `CO-${g.engagement.quoteId}-1 waits for its quote` });
  }

  // Clients whose names overflow the ERP's and PSA's fields: their commands dead-letter, the
  // engagement never activates, and the time booked to it by code stays unbilled.
  for (let i = 0; i < perFault; i++) {
    const client = plant.overlongName(buyers.next());
    clients.push({ ...client, externalId: `${client.externalId}-EMEA`, kind: 'standalone' });
    const g = timeAndMaterials(context, { ...client, externalId: `${client.externalId}-EMEA` }, addMonths(firstMonth, faultRandom.int(6, 9)), 4);
    for (const e of g.events) if (e.engagementOf) e.engagementOf.by = 'code';
    healthy.push(g);
    quotes.push(g.quote);
    faults.push({ code: 'CONNECTOR_DELIVERY_FAILED', where: `${g.engagement.quoteId}: ERP customer and project, PSA project refused (name too long)` });
    faults.push({ code: 'ORPHANED_PROJECT', where: `${g.engagement.quoteId}: contract without its projects` });
    faults.push({ code: 'UNBILLED_APPROVED_TIME', where: `${g.engagement.quoteId}: time on an engagement that never activated` });
  }

  // The CPQ re-quotes live T&M engagements as fixed fees: QUOTE_CONTRACT_VALUE_MISMATCH.
  const revised = (g: GeneratedEngagement) => g.events.some((e) => e.type === 'q2c.quote.accepted.v1');
  const tm = healthy.filter((g) => g.engagement.model === 'TIME_AND_MATERIALS' && !revised(g) && g.engagement.acceptedOn < firstDayOfMonth(addMonths(current, -2)));
  for (const g of tm.slice(0, perFault)) {
    extra.push(plant.requotedAsFixedFee(g, `${addDays(g.engagement.acceptedOn, 25)}T12:00:00Z`, lastDayOfMonth(addMonths(current, 2))));
    faults.push({ code: 'QUOTE_CONTRACT_VALUE_MISMATCH', where: `${g.engagement.quoteId} v2 changes the billing model` });
  }

  // Delivery faults.
  const employeesByEntity = (code: LegalEntityCode) => employees.filter((e) => e.legalEntityCode === code);
  const ffMilestones = healthy.flatMap((g) => g.events.filter((e) => e.type === 'q2c.milestone.completed.v1'));
  for (const event of ffMilestones.filter((_, i) => i % 6 === 3).slice(0, perFault)) {
    event.data.evidence = [];
    faults.push({ code: 'MILESTONE_MISSING_EVIDENCE', where: `${event.subject} completed without a sign-off document` });
  }
  const timesheets = healthy.flatMap((g) => g.events.filter((e) => e.type === 'q2c.timesheet.approved.v1' && e.engagementOf?.by === 'psaProjectId'));
  for (let i = 0; i < perFault; i++) {
    const monday = mondayOf(addDays(firstDayOfMonth(midYear), 7 * (i + 1)));
    const member = faultRandom.pick(employeesByEntity('US01'));
    extra.push(plant.timeForUnknownProject(i + 1, monday, member.employeeId, member.role));
    faults.push({ code: 'TIME_FOR_UNKNOWN_ENGAGEMENT', where: `TS-LEGACY-${i + 1}: project PSA-LEGACY-${i + 1} has no contract` });
    extra.push(plant.schemaInvalidTimesheet(i + 1, monday));
    faults.push({ code: 'SCHEMA_INVALID', where: `TS-BROKEN-${i + 1}: no employee, negative hours` });
    extra.push(plant.orphanedProject(i + 1, addDays(monday, 3)));
    faults.push({ code: 'ORPHANED_PROJECT', where: `PSA-ORPHAN-${i + 1}: project without an engagement` });
    const original = timesheets[Math.floor((timesheets.length * (i + 1)) / (perFault + 2))];
    if (original) {
      const at = `${addDays(original.time.slice(0, 10), 9)}T08:00:00Z`;
      if (at.slice(0, 10) < today) {
        extra.push(plant.conflictingRepeat(original, at));
        faults.push({ code: 'PAYLOAD_CONFLICT', where: `${original.id} sent again with other hours` });
      }
    }
    const mastered = clients.filter((c) => c.kind === 'parent')[i];
    if (mastered) {
      extra.push(plant.termsFromCrm(mastered, addDays(firstDayOfMonth(midYear), 3 + i)));
      faults.push({ code: 'OWNERSHIP_VIOLATION', where: `${mastered.externalId}: the CRM changes payment terms the ERP owns` });
    }
  }

  // The outage meets the entity of a retainer still running in the last billed month: that run has invoices to tax.
  const lastBilledMonth = addMonths(current, -1);
  const running = healthy.find((g) => g.engagement.model === 'RETAINER_WITH_OVERAGE' && g.engagement.acceptedOn < firstDayOfMonth(lastBilledMonth) && retainerEnd(g) >= lastBilledMonth);
  const taxOutageLegalEntity = running?.engagement.legalEntityCode ?? 'US01';
  faults.push({ code: 'TAX_ENGINE_UNAVAILABLE', where: `the last billing run of ${taxOutageLegalEntity} meets a tax-engine outage` });
  const lastMonthEnd = lastDayOfMonth(addMonths(current, -1));
  const strayCredits = Array.from({ length: perFault }, (_, i) => {
    const entity = legalEntities[i % legalEntities.length]!;
    return { amount: `${faultRandom.int(2, 40) * 250}.00`, currency: entity.currency, debtorName: `Unknown remitter ${i + 1}`, valueDate: addDays(lastMonthEnd, -(i * 3 + 1)), remittanceText: 'PAYMENT THANK YOU' };
  });
  faults.push({ code: 'UNAPPLIED_CASH', where: 'bank credits without a reference from remitters nobody knows; overpayments' });
  faults.push({ code: 'SHORT_PAY_DEDUCTION', where: 'clients that pay short with a reason code (remittance advice)' });
  faults.push({ code: 'PAYMENT_DISPUTED', where: 'card payments disputed through the gateway' });

  const engagements = [...healthy.map((g) => g.engagement), ...held.map((g) => g.engagement)];
  const months = buildMonths({
    firstMonth,
    today,
    clients,
    employees,
    buyers: buyers.used,
    quotes,
    events: [...healthy.flatMap((g) => g.events), ...extra],
  });
  return { seed, scale, today, clients, employees, engagements, months, taxOutageLegalEntity, strayCredits, faults };
}

const retainerEnd = (g: GeneratedEngagement): YearMonth => {
  const terms = g.quote.data.retainer as { startMonth: YearMonth; months: number };
  return addMonths(terms.startMonth, terms.months - 1);
};

const mondayOf = (day: IsoDate) => {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
};

/** Clients in buying order: every non-parent client buys once before any buys twice; parents buy too. */
function pickBuyers(random: Random, clients: DemoClient[]) {
  const pool = clients.filter((c) => c.kind !== 'parent');
  const order = [...pool].sort(() => random.next() - 0.5);
  const used = new Set<string>();
  let i = 0;
  return {
    used,
    /** The next buyer, in `entity` when named (the first unused client there, else any of its clients). */
    next(entity?: LegalEntityCode): DemoClient {
      const inEntity = entity ? order.find((c) => c.legalEntityCode === entity && !used.has(c.externalId)) ?? random.pick(clients.filter((c) => c.legalEntityCode === entity)) : undefined;
      const client = inEntity ?? (i < order.length * 0.7 ? order[i] : random.pick(clients));
      if (!inEntity) i += 1;
      used.add(client!.externalId);
      return client!;
    },
  };
}

function buildMonths(o: { firstMonth: YearMonth; today: IsoDate; clients: DemoClient[]; employees: DemoEmployee[]; buyers: Set<string>; quotes: DemoQuote[]; events: DemoEvent[] }): DemoMonth[] {
  const months: DemoMonth[] = [];
  for (let i = 0; i <= 12; i++) {
    const month = addMonths(o.firstMonth, i);
    const asOf = lastDayOfMonth(month);
    months.push({ month, ...(asOf < o.today ? { asOf } : {}), hires: [], before: [], quotes: [], delivery: [], close: i >= 2 ? [addMonths(month, -2)] : [] });
  }
  const at = (time: string) => months.find((m) => m.month === yearMonthOf(time.slice(0, 10)));
  // Parents are mastered in the CRM first; prospects (clients nobody bought for) trickle in.
  const first = months[0]!;
  first.hires.push(...o.employees);
  for (const [n, client] of o.clients.entries()) {
    const isParent = client.kind === 'parent';
    if (!isParent && o.buyers.has(client.externalId)) continue;
    const month = isParent ? first : months[1 + (n % 10)]!;
    month.before.push({
      id: `demo-client-${client.externalId}`, connector: 'crm', source: '/demo/crm', type: 'q2c.client.updated.v1', subject: client.externalId,
      time: `${firstDayOfMonth(month.month)}T07:00:00Z`,
      data: { externalId: client.externalId, fields: { name: client.name, billToLegalEntityCode: client.legalEntityCode, ...(client.parentExternalId ? { parentExternalId: client.parentExternalId } : {}) } },
    });
  }
  for (const quote of o.quotes) at(quote.acceptedAt)?.quotes.push(quote);
  for (const event of o.events) if (event.time.slice(0, 10) < o.today) at(event.time)?.delivery.push(event);
  for (const month of months) {
    month.quotes.sort((a, b) => a.acceptedAt.localeCompare(b.acceptedAt) || a.data.quoteId.localeCompare(b.data.quoteId));
    month.delivery.sort((a, b) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id));
  }
  return months;
}
