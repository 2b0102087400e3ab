// Turns one engagement's rows into the revenue core's RevenueFacts. Pure: the loader reads
// the rows, this decides how they are dated and converted. The dating rule throughout is
// "when it entered the books", so a past month's measurement never moves on its own:
// contract value and estimate change on each change-order version's approval, cost counts
// from the time's approval (and leaves again on the day a resubmission supersedes it).
import type { ApprovalStatus, BillingModel, MilestoneStatus } from '../../db/generated/enums.ts';
import { convertCurrency, type FxLookup } from '../../domain/billing/convert-currency.ts';
import { dec, ZERO, type Decimal } from '../../domain/money/decimal.ts';
import type { IsoDate } from '../../domain/periods/calendar-date.ts';
import { fixedFeeCompletedOn } from '../../domain/revenue/fixed-fee-completion.ts';
import type { PercentCompleteFacts } from '../../domain/revenue/poc.ts';
import type { RevenueFacts } from '../../domain/revenue/revenue-schedule.ts';
import type { DatedAmount } from '../../domain/revenue/revenue-types.ts';
import type { ExpenseRevenueSource, TimeRevenueSource } from '../../domain/revenue/time-and-materials.ts';

export interface RetainerPlanRow { monthlyFee: string; includedUnits: string; overageRate: string; startMonth: Date; months: number }
/** Change-order versions that were in force at some time (APPROVED or SUPERSEDED); `key` names the change order. */
export interface ChangeOrderRow { key: string; version: number; valueDelta: string; estimatedCostDelta: string; approvedAt: Date }
export interface MilestoneRow { status: MilestoneStatus; billableAt: Date | null }
export interface TimeRow {
  id: string; workDate: Date; billable: boolean; approvalStatus: ApprovalStatus; approvedAt: Date | null;
  amount: string | null; currency: string; cost: string | null; costCurrency: string | null;
  superseded: boolean; supersededAt: Date | null; updatedAt: Date;
  /** Issue date of the live invoice billing it. */
  billedOn: Date | null;
}
export interface ExpenseRow { id: string; expenseDate: Date; amount: string; currency: string; billable: boolean; approvalStatus: ApprovalStatus; approvedAt: Date | null; billedOn: Date | null }
export interface UsageRow { id: string; period: string; units: string; recordedAt: Date; billedOn: Date | null }

export interface EngagementRevenueRows {
  engagement: { id: string; currency: string; quoteAcceptedAt: Date | null; startDate: Date | null; createdAt: Date; closedAt: Date | null };
  plan: { model: BillingModel; contractValue: string; estimatedTotalCost: string | null; retainer: RetainerPlanRow | null };
  changeOrders: readonly ChangeOrderRow[];
  milestones: readonly MilestoneRow[];
  time: readonly TimeRow[];
  expenses: readonly ExpenseRow[];
  usage: readonly UsageRow[];
}

/** A source amount that could not be brought into the engagement currency. */
export interface FxGap { entityType: 'TimeTransaction' | 'Expense'; entityId: string; from: string; to: string; date: IsoDate; amount: string }

export type EngagementFactsResult =
  | { ok: true; facts: RevenueFacts; fxGaps: FxGap[] }
  | { ok: false; reason: 'FX_RATE_MISSING' | 'FACTS_INCOMPLETE'; message: string; fxGaps: FxGap[] };

export const dayOf = (date: Date): IsoDate => date.toISOString().slice(0, 10);
const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

export function buildEngagementFacts(rows: EngagementRevenueRows, fx: FxLookup): EngagementFactsResult {
  const { engagement, plan } = rows;
  const currency = engagement.currency;
  const gaps: FxGap[] = [];
  const convert = (entityType: FxGap['entityType'], entityId: string, amount: string, from: string, date: IsoDate): Decimal | null => {
    const result = convertCurrency({ amount, from, to: currency, date, fx });
    if (result.ok) return result.amount;
    gaps.push({ entityType, entityId, from: result.from, to: result.to, date, amount });
    return null;
  };
  const expenses = billableExpenses(rows.expenses, convert);
  const facts: RevenueFacts = { engagementId: engagement.id, currency, model: plan.model, expenses };

  switch (plan.model) {
    case 'FIXED_FEE_MILESTONE': {
      const gapsBefore = gaps.length;
      facts.percentComplete = percentCompleteFacts(rows, convert);
      // A cost left out would understate progress: hold the engagement until the rate is loaded.
      if (gaps.length > gapsBefore) return { ok: false, reason: 'FX_RATE_MISSING', message: 'A cost could not be converted to the engagement currency', fxGaps: gaps };
      break;
    }
    case 'TIME_AND_MATERIALS':
      facts.time = timeSources(rows.time, convert);
      break;
    case 'RETAINER_WITH_OVERAGE': {
      const terms = plan.retainer;
      if (!terms) return { ok: false, reason: 'FACTS_INCOMPLETE', message: 'The billing plan has no retainer terms', fxGaps: gaps };
      facts.retainer = {
        terms: { startMonth: dayOf(terms.startMonth).slice(0, 7), months: terms.months, monthlyFee: terms.monthlyFee, includedUnits: terms.includedUnits, overageRate: terms.overageRate },
        usage: rows.usage.map((u) => ({ id: u.id, period: u.period, units: u.units, recordedOn: dayOf(u.recordedAt), billedOn: u.billedOn ? dayOf(u.billedOn) : null })),
      };
      break;
    }
  }
  return { ok: true, facts, fxGaps: gaps };
}

type Convert = (entityType: FxGap['entityType'], entityId: string, amount: string, from: string, date: IsoDate) => Decimal | null;

function percentCompleteFacts(rows: EngagementRevenueRows, convert: Convert): PercentCompleteFacts {
  const currency = rows.engagement.currency;
  const costs: DatedAmount[] = [];
  for (const t of rows.time) {
    if (t.approvalStatus !== 'APPROVED' || t.cost === null) continue;
    const workDate = dayOf(t.workDate);
    // Converted at the work date's rate, like the cost rate itself (resolveCostRate).
    const amount = convert('TimeTransaction', t.id, t.cost, t.costCurrency ?? currency, workDate);
    if (amount === null) continue;
    const on = later(workDate, dayOf(t.approvedAt ?? t.workDate));
    costs.push({ on, amount });
    if (t.superseded) costs.push({ on: later(on, dayOf(t.supersededAt ?? t.updatedAt)), amount: amount.negated() });
  }
  // Billable expenses are passed through to the client and recognised on their own; only the
  // firm's own (non-billable) expenses are cost that measures progress on the fixed fee.
  for (const e of rows.expenses) {
    if (e.approvalStatus !== 'APPROVED' || e.billable) continue;
    const incurredOn = dayOf(e.expenseDate);
    const amount = convert('Expense', e.id, e.amount, e.currency, incurredOn);
    if (amount !== null) costs.push({ on: later(incurredOn, dayOf(e.approvedAt ?? e.expenseDate)), amount });
  }
  const firstCost = costs.map((c) => c.on).sort()[0];
  const { contractValues, estimatedTotalCosts } = figureHistories(rows, firstCost);
  const completedOn = fixedFeeCompletedOn({
    milestones: rows.milestones.map((m) => ({ status: m.status, billableOn: m.billableAt ? dayOf(m.billableAt) : null })),
    closedOn: rows.engagement.closedAt ? dayOf(rows.engagement.closedAt) : null,
  });
  return { contractValues, estimatedTotalCosts, costs, completedOn };
}

/**
 * Value and estimate in force from each date. The plan holds today's figures; each change
 * order's versions replace one another (a version carries the whole change order), so each
 * version adds the difference to its predecessor on its approval day. What the versions in
 * force add up to, taken from today's figure, is the baseline, in force from the start.
 */
export function figureHistories(rows: Pick<EngagementRevenueRows, 'engagement' | 'plan' | 'changeOrders'>, firstCost?: IsoDate): { contractValues: DatedAmount[]; estimatedTotalCosts: DatedAmount[] } {
  const steps: { on: IsoDate; value: Decimal; estimate: Decimal }[] = [];
  const byChangeOrder = new Map<string, ChangeOrderRow[]>();
  for (const co of rows.changeOrders) byChangeOrder.set(co.key, [...(byChangeOrder.get(co.key) ?? []), co]);
  for (const versions of byChangeOrder.values()) {
    let previous = { value: ZERO, estimate: ZERO };
    for (const v of [...versions].sort((a, b) => a.version - b.version)) {
      const current = { value: dec(v.valueDelta), estimate: dec(v.estimatedCostDelta) };
      steps.push({ on: dayOf(v.approvedAt), value: current.value.minus(previous.value), estimate: current.estimate.minus(previous.estimate) });
      previous = current;
    }
  }
  steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const { engagement, plan } = rows;
  const started = [engagement.quoteAcceptedAt, engagement.startDate].filter((d): d is Date => d !== null).map(dayOf);
  const baseOn = [...(started.length > 0 ? started : [dayOf(engagement.createdAt)]), steps[0]?.on, firstCost].filter((d): d is IsoDate => !!d).sort()[0]!;

  const history = (current: string, pick: (s: (typeof steps)[number]) => Decimal): DatedAmount[] => {
    let running = steps.reduce((total, s) => total.minus(pick(s)), dec(current));
    const dated: DatedAmount[] = [{ on: baseOn, amount: running }];
    for (const s of steps) {
      running = running.plus(pick(s));
      dated.push({ on: s.on, amount: running });
    }
    return dated;
  };
  return {
    contractValues: history(plan.contractValue, (s) => s.value),
    estimatedTotalCosts: plan.estimatedTotalCost === null ? [] : history(plan.estimatedTotalCost, (s) => s.estimate),
  };
}

function timeSources(time: readonly TimeRow[], convert: Convert): TimeRevenueSource[] {
  const sources: TimeRevenueSource[] = [];
  for (const t of time) {
    if (!t.billable) continue;
    const workDate = dayOf(t.workDate);
    const amount = t.amount === null ? null : convert('TimeTransaction', t.id, t.amount, t.currency, workDate);
    // Unconvertible time is left out: it stays as it is in the ledger until the rate arrives.
    if (t.amount !== null && amount === null) continue;
    sources.push({
      id: t.id,
      workDate,
      billable: true,
      approvedOn: t.approvalStatus === 'APPROVED' ? dayOf(t.approvedAt ?? t.workDate) : null,
      amount,
      supersededOn: t.superseded ? dayOf(t.supersededAt ?? t.updatedAt) : null,
      billedOn: t.billedOn ? dayOf(t.billedOn) : null,
    });
  }
  return sources;
}

function billableExpenses(expenses: readonly ExpenseRow[], convert: Convert): ExpenseRevenueSource[] {
  const sources: ExpenseRevenueSource[] = [];
  for (const e of expenses) {
    if (!e.billable) continue;
    const incurredOn = dayOf(e.expenseDate);
    const amount = convert('Expense', e.id, e.amount, e.currency, incurredOn);
    if (amount === null) continue;
    const approvedOn = e.approvalStatus === 'APPROVED' ? dayOf(e.approvedAt ?? e.expenseDate) : null;
    sources.push({ id: e.id, incurredOn, billable: true, approvedOn, amount, billedOn: e.billedOn ? dayOf(e.billedOn) : null });
  }
  return sources;
}
