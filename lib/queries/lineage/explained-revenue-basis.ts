// What a revenue entry recognises, per unit (lib/domain/revenue/revenue-key.ts): the
// cost-to-cost measurement of a fixed fee with the costs recorded behind it, the time entry
// or expense of T&M, a retainer month's fee, or the month's usage above the included units.
import { pgPool } from '../../db/client.ts';
import type { ExplanationNode } from '../../http/schemas/lineage.ts';
import { dec, max, sum } from '../../domain/money/decimal.ts';
import { exactDecimal, hoursOrNull, isoDate, unroundedMoney } from '../shared/decimal-fields.ts';
import { formatAmount } from './format-amount.ts';
import { loadSourceRows, targetNode, type SourceIds } from './explained-sources.ts';

type EventOf = (kind: string, id: string) => string | undefined;

export interface PocMeasurement {
  engagementId: string;
  through: Date;
  currency: string;
  costToDate: string | null;
  estimatedTotalCost: string | null;
  percentComplete: string | null;
  cumulativeAmount: string;
}

/** Cost-to-cost: cost to date ÷ estimated total cost, and the approved costs recorded through the date by role and expense category. */
export async function pocBasis(m: PocMeasurement): Promise<ExplanationNode[]> {
  const [time, expenses] = await Promise.all([
    pgPool().query<{ role: string; entries: number; hours: string; cost: string; currency: string }>(
      `SELECT r.code AS role, count(*)::int AS entries, sum(t.hours)::text AS hours, sum(t.cost)::text AS cost, t."costCurrency"::text AS currency
         FROM "TimeTransaction" t JOIN "ServiceRole" r ON r.id = t."serviceRoleId"
        WHERE t."engagementId" = $1 AND t."workDate" <= $2 AND t."approvalStatus" = 'APPROVED' AND t.cost IS NOT NULL AND NOT t.superseded
        GROUP BY r.code, t."costCurrency" ORDER BY r.code`,
      [m.engagementId, m.through],
    ),
    pgPool().query<{ category: string; entries: number; amount: string; currency: string }>(
      `SELECT category, count(*)::int AS entries, sum(amount)::text AS amount, currency::text AS currency
         FROM "Expense" WHERE "engagementId" = $1 AND "expenseDate" <= $2 AND "approvalStatus" = 'APPROVED' AND NOT billable
        GROUP BY category, currency ORDER BY category`,
      [m.engagementId, m.through],
    ),
  ]);
  const percent = m.percentComplete === null ? null : dec(m.percentComplete).times(100).toDecimalPlaces(4).toString();
  const measured: ExplanationNode = {
    id: `poc:${m.engagementId}:${isoDate(m.through)}`,
    kind: 'RevenueSchedule',
    label: `Percentage of completion through ${isoDate(m.through)}`,
    ...(percent === null ? {} : { detail: `cost to date ${amountText(m.costToDate, m.currency)} ÷ estimated total cost ${amountText(m.estimatedTotalCost, m.currency)} = ${percent} %` }),
    children: [
      ...time.rows.map((r) => ({
        id: `poc-time:${m.engagementId}:${r.role}:${r.currency}`,
        kind: 'TimeTransaction' as const,
        label: `${r.entries} approved time ${r.entries === 1 ? 'entry' : 'entries'} as ${r.role}`,
        amount: unroundedMoney(r.cost, r.currency),
        currency: r.currency,
        detail: `${hoursOrNull(r.hours)} h at cost, recorded as of now`,
        children: [],
      })),
      ...expenses.rows.map((r) => ({
        id: `poc-expense:${m.engagementId}:${r.category}:${r.currency}`,
        kind: 'Expense' as const,
        label: `${r.entries} non-billable ${r.category.toLowerCase()} ${r.entries === 1 ? 'expense' : 'expenses'}`,
        amount: unroundedMoney(r.amount, r.currency),
        currency: r.currency,
        detail: 'cost, recorded as of now',
        children: [],
      })),
    ],
  };
  return [measured];
}

/** The one time entry or expense a T&M or pass-through entry recognises, with its timesheet and event. */
export async function sourceBasis(kind: 'TimeTransaction' | 'Expense', id: string, eventOf: EventOf): Promise<ExplanationNode[]> {
  const ids: SourceIds = { TimeTransaction: [], Milestone: [], Expense: [], UsageRecord: [], BillingPlan: [] };
  ids[kind].push(id);
  const node = targetNode(kind, id, await loadSourceRows(ids), eventOf);
  return node ? [node] : [];
}

interface RetainerPlan {
  id: string;
  version: number;
  currency: string;
  retainerMonthlyFee: { toString(): string } | null;
  retainerIncludedUnits: { toString(): string } | null;
  retainerOverageRate: { toString(): string } | null;
}

/** A retainer month's fee, recognised evenly over the month. */
export function feeBasis(plan: RetainerPlan, month: string): ExplanationNode[] {
  if (!plan.retainerMonthlyFee) return [];
  return [
    {
      id: plan.id,
      kind: 'BillingPlan',
      label: `Retainer fee for ${month} (billing plan v${plan.version})`,
      amount: unroundedMoney(plan.retainerMonthlyFee, plan.currency),
      currency: plan.currency,
      detail: 'monthly fee, recognised ratably over the month (current plan terms)',
      children: [],
    },
  ];
}

/** A month's usage above the included units at the overage rate, with each usage record and its event. */
export async function overageBasis(engagementId: string, plan: RetainerPlan, month: string, eventOf: EventOf): Promise<ExplanationNode[]> {
  const { rows } = await pgPool().query<{ id: string }>(`SELECT id::text AS id FROM "UsageRecord" WHERE "engagementId" = $1 AND period = $2 ORDER BY "recordedAt", id LIMIT 500`, [engagementId, month]);
  const ids: SourceIds = { TimeTransaction: [], Milestone: [], Expense: [], UsageRecord: rows.map((r) => r.id), BillingPlan: [] };
  const sourceRows = await loadSourceRows(ids);
  const usage = rows.flatMap((r) => targetNode('UsageRecord', r.id, sourceRows, eventOf) ?? []);
  const units = sum([...sourceRows.usage.values()].map((u) => u.units.toString()));
  const included = dec(plan.retainerIncludedUnits?.toString() ?? '0');
  const rate = plan.retainerOverageRate?.toString() ?? '0';
  const over = max(units.minus(included), dec(0));
  return [
    {
      id: `overage:${engagementId}:${month}`,
      kind: 'UsageRecord',
      label: `Usage in ${month} above the included units`,
      amount: unroundedMoney(over.times(rate), plan.currency),
      currency: plan.currency,
      detail: `(${exactDecimal(units)} units − ${exactDecimal(included)} included) × ${unroundedMoney(rate, plan.currency)} overage rate = ${unroundedMoney(over.times(rate), plan.currency)}`,
      children: usage,
    },
  ];
}

function amountText(value: string | null, currency: string): string {
  return value === null ? 'unknown' : formatAmount(value, currency);
}
