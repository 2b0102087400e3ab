// The firm's engagements over the year: T&M advisory (weekly time at contract rates, a
// change order now and then), fixed-fee transformations (milestones with evidence, time as
// cost for percentage of completion) and managed-services retainers (fee in advance,
// monthly usage with overage). Each engagement yields its accepted quote and the delivery
// events its systems send (PSA time, expenses, milestones, usage; CRM change orders).
import { dec, sum } from '../domain/money/decimal.ts';
import { addDays, addMonths, firstDayOfMonth, isoDayOfWeek, lastDayOfMonth, type IsoDate, type YearMonth } from '../domain/periods/calendar-date.ts';
import { advisorySku, legalEntities, listRates, type LegalEntityCode, type Role } from './firm.ts';
import type { Random } from './random.ts';
import type { BillingModel, DemoClient, DemoEmployee, DemoEngagement, DemoEvent, DemoQuote, PayerHabit } from './types.ts';

export interface GeneratedEngagement {
  engagement: DemoEngagement;
  quote: DemoQuote;
  events: DemoEvent[];
}

export interface EngagementContext {
  random: Random;
  /** The first month of the year shown, and the last day any event may carry. */
  firstMonth: YearMonth;
  lastDay: IsoDate;
  employees: readonly DemoEmployee[];
  quoteNumber: (entity: LegalEntityCode) => string;
}

const PAYERS: readonly [PayerHabit, number][] = [['prompt', 0.5], ['slow', 0.2], ['card', 0.12], ['short-payer', 0.1], ['disputer', 0.08]];
const TEAM_ROLES: Record<BillingModel, Role[]> = {
  TIME_AND_MATERIALS: ['MANAGER', 'ANALYST'],
  FIXED_FEE_MILESTONE: ['MANAGER', 'CONSULTANT'],
  RETAINER_WITH_OVERAGE: ['CONSULTANT'],
};
/** A currency's amounts relative to USD, to size fees and expenses. */
const SCALE: Record<string, number> = { USD: 1, GBP: 0.8, EUR: 0.9, INR: 30 };

const roundTo = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);
const atTime = (day: IsoDate, hhmm: string) => `${day}T${hhmm}:00Z`;

function pickWeighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  let roll = random.next();
  for (const [item, weight] of items) {
    if ((roll -= weight) < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** Mondays from the first on or after `from` while the week's Friday is before `until`. */
export function workWeeks(from: IsoDate, until: IsoDate): IsoDate[] {
  const weeks: IsoDate[] = [];
  let monday = addDays(from, (8 - isoDayOfWeek(from)) % 7);
  while (addDays(monday, 4) < until) {
    weeks.push(monday);
    monday = addDays(monday, 7);
  }
  return weeks;
}

function teamFor(context: EngagementContext, entity: LegalEntityCode, model: BillingModel): DemoEmployee[] {
  return TEAM_ROLES[model].map((role) => context.random.pick(context.employees.filter((e) => e.legalEntityCode === entity && e.role === role)));
}

/** The week's timesheet of one person: `hours` over the first days of the week, approved the next Monday. */
function timesheet(o: { quoteId: string; member: DemoEmployee; monday: IsoDate; hours: number; billable: boolean }): DemoEvent {
  const days = o.hours > 16 ? 4 : 2;
  const perDay = o.hours / days;
  const timesheetId = `TS-${o.quoteId}-${o.member.employeeId}-${o.monday}`;
  const approvedAt = atTime(addDays(o.monday, 7), '09:30');
  return {
    id: `demo-ts-${timesheetId}-v1`,
    connector: 'psa',
    source: '/demo/time',
    type: 'q2c.timesheet.approved.v1',
    subject: timesheetId,
    time: approvedAt,
    sequence: 1,
    engagementOf: { quoteId: o.quoteId, by: 'psaProjectId' },
    data: {
      timesheetId,
      employeeId: o.member.employeeId,
      engagementRef: '',
      entries: Array.from({ length: days }, (_, d) => ({ date: addDays(o.monday, d), hours: String(perDay), role: o.member.role, billable: o.billable })),
      approvedAt,
      approver: `pm.${o.quoteId.toLowerCase()}@demo.threadline.dev`,
    },
  };
}

function expense(o: { quoteId: string; n: number; date: IsoDate; amount: string; currency: string }): DemoEvent {
  const expenseId = `EXP-${o.quoteId}-${o.n}`;
  return {
    id: `demo-exp-${expenseId}`,
    connector: 'psa',
    source: '/demo/psa',
    type: 'q2c.expense.approved.v1',
    subject: expenseId,
    time: atTime(addDays(o.date, 2), '11:00'),
    engagementOf: { quoteId: o.quoteId, by: 'psaProjectId' },
    data: { expenseId, engagementRef: '', amount: o.amount, currency: o.currency, billable: true, category: 'EXP-TRAVEL', date: o.date },
  };
}

interface Frame {
  quoteId: string;
  entity: (typeof legalEntities)[number];
  client: DemoClient;
  start: IsoDate;
  end: IsoDate;
  team: DemoEmployee[];
  weeks: IsoDate[];
}

function frame(context: EngagementContext, model: BillingModel, client: DemoClient, startMonth: YearMonth, months: number): Frame {
  const entity = legalEntities.find((e) => e.code === client.legalEntityCode)!;
  const start = addDays(firstDayOfMonth(startMonth), context.random.int(1, 12));
  const end = lastDayOfMonth(addMonths(startMonth, months - 1));
  const until = end < context.lastDay ? end : context.lastDay;
  return { quoteId: context.quoteNumber(entity.code), entity, client, start, end, team: teamFor(context, entity.code, model), weeks: workWeeks(addDays(start, 3), addDays(until, 1)) };
}

function quoteOf(f: Frame, model: BillingModel, rest: Record<string, unknown>): DemoQuote {
  return {
    acceptedAt: atTime(f.start, '15:00'),
    data: {
      quoteId: f.quoteId,
      quoteVersion: 1,
      client: { externalId: f.client.externalId, name: f.client.name, legalEntityCode: f.client.legalEntityCode, ...(f.client.parentExternalId ? { parentExternalId: f.client.parentExternalId } : {}) },
      currency: f.entity.currency,
      billingModel: model,
      taxProfile: { nexus: f.client.nexus, exempt: false },
      ...rest,
    },
  };
}

function engagementOf(context: EngagementContext, f: Frame, model: BillingModel, value: string): DemoEngagement {
  return { quoteId: f.quoteId, model, legalEntityCode: f.entity.code, currency: f.entity.currency, clientExternalId: f.client.externalId, value, acceptedOn: f.start, payer: pickWeighted(context.random, PAYERS) };
}

/** Travel now and then; one in five in another currency (billed at the month's FX rate). */
function expenses(context: EngagementContext, f: Frame): DemoEvent[] {
  const { random } = context;
  const events: DemoEvent[] = [];
  f.weeks.forEach((monday, i) => {
    if (i % 4 !== 2 || !random.chance(0.35)) return;
    const foreign = random.chance(0.2) ? random.pick(legalEntities.filter((e) => e.code !== f.entity.code)).currency : f.entity.currency;
    const amount = roundTo(random.int(150, 1800) * SCALE[foreign]!, 1);
    const date = addDays(monday, 2);
    if (addDays(date, 2) < context.lastDay) events.push(expense({ quoteId: f.quoteId, n: i, date, amount: `${amount}.${String(random.int(0, 99)).padStart(2, '0')}`, currency: foreign }));
  });
  return events;
}

export function timeAndMaterials(context: EngagementContext, client: DemoClient, startMonth: YearMonth, months: number): GeneratedEngagement {
  const { random } = context;
  const f = frame(context, 'TIME_AND_MATERIALS', client, startMonth, months);
  const weekly = f.team.map(() => random.pick([8, 12, 16, 24, 32]));
  const discount = random.pick([1, 0.95, 0.9]);
  const rates = f.team.map((m) => roundTo(listRates[f.entity.currency]![m.role] * discount, SCALE[f.entity.currency]! >= 30 ? 100 : 5));
  const plannedWeeks = workWeeks(addDays(f.start, 3), addDays(f.end, 1)).length;
  const budget = weekly.map((h) => roundTo(h * plannedWeeks * 1.05, 10));
  const lines = f.team.map((m, i) => ({ sku: advisorySku[m.role], description: `${m.role.toLowerCase().replace('_', ' ')} time`, quantity: String(budget[i]), unitPrice: String(rates[i]), role: m.role }));
  const value = sum(lines.map((l) => dec(l.quantity).times(l.unitPrice))).toFixed(2);
  const estimatedCost = sum(f.team.map((m, i) => dec(m.costRate).times(budget[i]!))).toFixed(2);
  const events: DemoEvent[] = f.weeks.flatMap((monday) => f.team.map((member, i) => timesheet({ quoteId: f.quoteId, member, monday, hours: weekly[i]!, billable: true })));
  events.push(...expenses(context, f));
  // One in six asks for more analyst hours halfway through.
  const midWeek = f.weeks[Math.floor(f.weeks.length / 2)];
  const analyst = f.team.length - 1;
  if (midWeek && f.weeks.length >= 6 && random.chance(1 / 6)) {
    const hours = roundTo(weekly[analyst]! * 6, 10);
    const approvedAt = atTime(midWeek, '16:00');
    const changeOrderId = `CO-${f.quoteId}-1`;
    events.push({
      id: `demo-co-${changeOrderId}-v1`, connector: 'crm', source: '/demo/crm', type: 'q2c.change_order.approved.v1', subject: changeOrderId, sequence: 1, time: approvedAt,
      data: { changeOrderId, quoteId: f.quoteId, version: 1, valueDelta: dec(hours).times(rates[analyst]!).toFixed(2), estimatedCostDelta: dec(hours).times(f.team[analyst]!.costRate).toFixed(2), budgetHoursDelta: String(hours), reason: 'Extended data workstream', approvedAt },
    });
  }
  const quote = quoteOf(f, 'TIME_AND_MATERIALS', { lines, rateCardCode: `STD-${f.entity.currency}`, estimatedCost });
  // One in eight is re-quoted two weeks in (version 2, a fifth more hours): the new baseline.
  if (f.weeks.length >= 4 && random.chance(1 / 8)) events.push(revisedQuote(quote, addDays(f.start, 14)));
  return { engagement: engagementOf(context, f, 'TIME_AND_MATERIALS', value), quote, events };
}

/** Version 2 of an accepted T&M quote, as the CPQ sends it: every role's hours up by a fifth. */
function revisedQuote(quote: DemoQuote, on: IsoDate): DemoEvent {
  const acceptedAt = atTime(on, '14:00');
  const lines = (quote.data.lines as { quantity: string }[]).map((l) => ({ ...l, quantity: String(roundTo(Number(l.quantity) * 1.2, 10)) }));
  return {
    id: `demo-quote-${quote.data.quoteId}-v2`, connector: 'crm', source: '/demo/crm', type: 'q2c.quote.accepted.v1', subject: quote.data.quoteId, sequence: 2, time: acceptedAt,
    data: { ...structuredClone(quote.data), quoteVersion: 2, lines, acceptedAt },
  };
}

export function fixedFee(context: EngagementContext, client: DemoClient, startMonth: YearMonth, months: number): GeneratedEngagement {
  const { random } = context;
  const f = frame(context, 'FIXED_FEE_MILESTONE', client, startMonth, months);
  const weekly = f.team.map(() => random.pick([8, 16, 24]));
  const plannedWeeks = workWeeks(addDays(f.start, 3), addDays(f.end, 1)).length;
  const estimatedCost = sum(f.team.map((m, i) => dec(m.costRate).times(weekly[i]! * plannedWeeks)));
  const step = SCALE[f.entity.currency]! >= 30 ? 100_000 : 1000;
  const value = roundTo(estimatedCost.times(random.pick(['2.1', '2.4', '2.6'])).toNumber(), step * 5);
  const shares = random.pick([[30, 70], [20, 30, 50], [20, 25, 25, 30]]);
  const amounts = shares.map((s) => roundTo((value * s) / 100, step));
  amounts[amounts.length - 1] = value - amounts.slice(0, -1).reduce((a, b) => a + b, 0);
  const names = ['Discovery', 'Design', 'Build', 'Go-live'].slice(4 - shares.length);
  const milestones = amounts.map((amount, i) => ({
    ref: `M${i + 1}`,
    name: names[i]!,
    amount: String(amount),
    dueDate: i === amounts.length - 1 ? f.end : lastDayOfMonth(addMonths(startMonth, Math.max(0, Math.round(((i + 1) * months) / amounts.length) - 1))),
  }));
  const sku = random.pick(['FF-TRANSFORM', 'FF-IMPLEMENT']);
  const events: DemoEvent[] = f.weeks.flatMap((monday) => f.team.map((member, i) => timesheet({ quoteId: f.quoteId, member, monday, hours: weekly[i]!, billable: false })));
  events.push(...expenses(context, f));
  for (const m of milestones) {
    const completedOn = addDays(m.dueDate, -random.int(0, 6));
    if (completedOn >= context.lastDay) continue;
    const subject = `${f.quoteId}/${m.ref}`;
    const evidence = [{ uri: `https://dms.demo.threadline.dev/${f.quoteId}/${m.ref}/sign-off.pdf`, sha256: hex64(random) }];
    events.push({
      id: `demo-ms-${subject}`, connector: 'psa', source: '/demo/psa', type: 'q2c.milestone.completed.v1', subject, time: atTime(completedOn, '17:00'),
      engagementOf: { quoteId: f.quoteId, by: 'psaProjectId' },
      data: { engagementRef: '', milestoneRef: m.ref, completedAt: atTime(completedOn, '16:00'), approvedBy: `pm.${f.quoteId.toLowerCase()}@demo.threadline.dev`, evidence },
    });
  }
  const quote = quoteOf(f, 'FIXED_FEE_MILESTONE', { lines: [{ sku, description: `${f.client.name.split(' ')[0]} ${sku === 'FF-TRANSFORM' ? 'transformation programme' : 'implementation'}`, quantity: '1', unitPrice: String(value) }], milestones, estimatedCost: estimatedCost.toFixed(2) });
  return { engagement: engagementOf(context, f, 'FIXED_FEE_MILESTONE', `${value}.00`), quote, events };
}

export function retainer(context: EngagementContext, client: DemoClient, startMonth: YearMonth, months: number): GeneratedEngagement {
  const { random } = context;
  const f = frame(context, 'RETAINER_WITH_OVERAGE', client, startMonth, months);
  const scale = SCALE[f.entity.currency]!;
  const monthlyFee = roundTo(random.int(6, 24) * 1000 * scale, scale >= 30 ? 10_000 : 500);
  const includedUnits = random.pick([500, 1000, 2000]);
  const overageRate = (random.pick([3, 4.5, 6]) * scale).toFixed(2);
  // Managed-services staff submit their time every other week.
  const fortnightly = random.pick([8, 16]);
  const events: DemoEvent[] = f.weeks.filter((_, i) => i % 2 === 1).map((monday) => timesheet({ quoteId: f.quoteId, member: f.team[0]!, monday, hours: fortnightly, billable: false }));
  for (let i = 0; i < months; i++) {
    const period = addMonths(startMonth, i);
    const reportedOn = addDays(lastDayOfMonth(period), 2);
    if (reportedOn >= context.lastDay) break;
    const usageId = `U-${f.quoteId}-${period}`;
    const units = String(Math.round(includedUnits * (0.6 + random.next() * 0.7)));
    events.push({
      id: `demo-usage-${usageId}`, connector: 'psa', source: '/demo/psa', type: 'q2c.usage.recorded.v1', subject: usageId, time: atTime(reportedOn, '06:00'),
      engagementOf: { quoteId: f.quoteId, by: 'psaProjectId' },
      data: { usageId, engagementRef: '', units, period },
    });
  }
  const quote = quoteOf(f, 'RETAINER_WITH_OVERAGE', {
    lines: [{ sku: 'MS-RETAINER', description: 'Managed services retainer', quantity: String(months), unitPrice: String(monthlyFee) }],
    retainer: { monthlyFee: String(monthlyFee), includedUnits: String(includedUnits), overageRate, startMonth, months },
  });
  return { engagement: engagementOf(context, f, 'RETAINER_WITH_OVERAGE', dec(monthlyFee).times(months).toFixed(2)), quote, events };
}

function hex64(random: Random): string {
  let text = '';
  while (text.length < 64) text += Math.floor(random.next() * 0x100000000).toString(16).padStart(8, '0');
  return text.slice(0, 64);
}
