// Margin and margin variance by engagement (DESIGN.md §10). Actual: revenue recognised
// (RevenueEntry, signed, reversals included) − cost, where cost = approved time × the cost
// rate on its work date + approved expenses. Planned: the engagement's value − estimated
// cost (current, after change orders). Variance = actual − planned, as an amount (meaningful
// once the work is done) and in margin points (actual % − planned %, meaningful any time).
// Without a period the figures are life-to-date; with one, only that period's rows count
// (the plan stays the whole contract's, so read the percentage variance then).
import type { ApprovalStatus } from '../../db/generated/enums.ts';
import { ZERO, dec, type Decimal, type DecimalInput } from '../money/decimal.ts';
import { roundGroup, toGroup, type ToGroupCurrency } from './group-currency-conversion.ts';
import { inPeriod, type Period } from './kpi-period.ts';
import { ratio } from './kpi-value.ts';

export interface MarginEngagementRow {
  id: string;
  code: string;
  currency: string;
  /** Planned revenue: Engagement.value. */
  value: DecimalInput;
  /** Planned cost: Engagement.estimatedCost; null when the quote gave none. */
  estimatedCost: DecimalInput | null;
  /** The date the plan converts at: the quote's acceptance. */
  plannedAt: Date;
}

export interface MarginRevenueRow {
  engagementId: string;
  amount: DecimalInput;
  currency: string;
  recognizedOn: Date;
}

export interface MarginTimeRow {
  engagementId: string;
  hours: DecimalInput;
  costRate: DecimalInput | null;
  costCurrency: string | null;
  workDate: Date;
  approvalStatus: ApprovalStatus;
  superseded: boolean;
}

export interface MarginExpenseRow {
  engagementId: string;
  amount: DecimalInput;
  currency: string;
  expenseDate: Date;
  approvalStatus: ApprovalStatus;
}

export interface EngagementMargin {
  engagementId: string;
  code: string;
  revenue: Decimal;
  timeCost: Decimal;
  expenseCost: Decimal;
  cost: Decimal;
  margin: Decimal;
  /** margin ÷ revenue; null without revenue. */
  marginPct: Decimal | null;
  plannedRevenue: Decimal;
  plannedCost: Decimal | null;
  plannedMargin: Decimal | null;
  plannedMarginPct: Decimal | null;
  marginVariance: Decimal | null;
  marginPctVariance: Decimal | null;
  /** Approved hours without a cost rate: the cost above is understated by them. */
  uncostedHours: Decimal;
}

export function engagementMargins(options: {
  engagements: readonly MarginEngagementRow[];
  revenue: readonly MarginRevenueRow[];
  time: readonly MarginTimeRow[];
  expenses: readonly MarginExpenseRow[];
  toGroupCurrency: ToGroupCurrency;
  period?: Period;
}): EngagementMargin[] {
  const { engagements, toGroupCurrency: fx, period } = options;
  const counts = (at: Date) => !period || inPeriod(at, period);
  const actual = new Map(engagements.map((e) => [e.id, { revenue: ZERO, timeCost: ZERO, expenseCost: ZERO, uncostedHours: ZERO, currency: e.currency }]));

  for (const row of options.revenue) {
    const a = actual.get(row.engagementId);
    if (a && counts(row.recognizedOn)) a.revenue = a.revenue.plus(toGroup(fx, row.amount, row.currency, row.recognizedOn));
  }
  for (const row of options.time) {
    const a = actual.get(row.engagementId);
    if (!a || row.approvalStatus !== 'APPROVED' || row.superseded || !counts(row.workDate)) continue;
    if (row.costRate === null) a.uncostedHours = a.uncostedHours.plus(dec(row.hours));
    // A cost rate without its currency is the engagement's (the HCM sends both; this is a fallback).
    else a.timeCost = a.timeCost.plus(toGroup(fx, dec(row.hours).times(dec(row.costRate)), row.costCurrency ?? a.currency, row.workDate));
  }
  for (const row of options.expenses) {
    const a = actual.get(row.engagementId);
    if (a && row.approvalStatus === 'APPROVED' && counts(row.expenseDate)) a.expenseCost = a.expenseCost.plus(toGroup(fx, row.amount, row.currency, row.expenseDate));
  }

  return [...engagements]
    .sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0))
    .map((engagement) => {
      const a = actual.get(engagement.id)!;
      const cost = a.timeCost.plus(a.expenseCost);
      const margin = a.revenue.minus(cost);
      const marginPct = ratio(margin, a.revenue);
      const plannedRevenue = toGroup(fx, engagement.value, engagement.currency, engagement.plannedAt);
      const plannedCost = engagement.estimatedCost === null ? null : toGroup(fx, engagement.estimatedCost, engagement.currency, engagement.plannedAt);
      const plannedMargin = plannedCost === null ? null : plannedRevenue.minus(plannedCost);
      const plannedMarginPct = plannedMargin === null ? null : ratio(plannedMargin, plannedRevenue);
      return {
        engagementId: engagement.id,
        code: engagement.code,
        revenue: roundGroup(a.revenue),
        timeCost: roundGroup(a.timeCost),
        expenseCost: roundGroup(a.expenseCost),
        cost: roundGroup(cost),
        margin: roundGroup(margin),
        marginPct,
        plannedRevenue: roundGroup(plannedRevenue),
        plannedCost: plannedCost === null ? null : roundGroup(plannedCost),
        plannedMargin: plannedMargin === null ? null : roundGroup(plannedMargin),
        plannedMarginPct,
        marginVariance: plannedMargin === null ? null : roundGroup(margin.minus(plannedMargin)),
        marginPctVariance: marginPct === null || plannedMarginPct === null ? null : marginPct.minus(plannedMarginPct),
        uncostedHours: a.uncostedHours,
      };
    });
}

