// Reads what a batch of engagements' revenue depends on, one query per table for the whole
// batch (a run over 10,000 engagements is ~50 batches, not 10,000 round trips), and hands
// each engagement's rows to buildEngagementFacts. Rows dated after asOf cannot be revenue
// or cost through asOf and are not read.
import type { Prisma } from '../../db/client.ts';
import type { InvoiceStatus } from '../../db/generated/enums.ts';
import type { IsoDate } from '../../domain/periods/calendar-date.ts';
import { loadFxLookup } from '../billing/load-fx-lookup.ts';
import { buildEngagementFacts, type EngagementFactsResult, type EngagementRevenueRows } from './revenue-facts.ts';

export interface EngagementRevenueFacts {
  engagement: { id: string; code: string; correlationId: string; currency: string; legalEntityId: string; startDate: Date | null; endDate: Date | null };
  rows: EngagementRevenueRows;
  result: EngagementFactsResult;
}

const date = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);
const text = (value: { toString(): string }) => value.toString();
const textOrNull = (value: { toString(): string } | null) => (value === null ? null : value.toString());
const billedSelect = { invoiceLine: { select: { invoice: { select: { status: true, issueDate: true } } } } } as const;

/** The issue date of the invoice that bills a source now; a void or draft one does not count. */
function billedOn(row: { invoiceLine: { invoice: { status: InvoiceStatus; issueDate: Date | null } } | null }): Date | null {
  const invoice = row.invoiceLine?.invoice;
  return invoice && invoice.status !== 'VOID' && invoice.status !== 'DRAFT' ? invoice.issueDate : null;
}

export async function loadRevenueFacts(tx: Prisma.TransactionClient, options: { engagementIds: readonly string[]; asOf: IsoDate }): Promise<EngagementRevenueFacts[]> {
  const through = date(options.asOf);
  const engagements = await tx.engagement.findMany({
    where: { id: { in: [...options.engagementIds] }, billingPlan: { isNot: null } },
    orderBy: { id: 'asc' },
    select: {
      id: true, code: true, correlationId: true, currency: true, legalEntityId: true, quoteAcceptedAt: true, startDate: true, endDate: true, createdAt: true, closedAt: true,
      billingPlan: { select: { model: true, contractValue: true, estimatedTotalCost: true, retainerMonthlyFee: true, retainerIncludedUnits: true, retainerOverageRate: true, retainerStartMonth: true, retainerMonths: true } },
    },
  });
  const ids = engagements.map((e) => e.id);
  const withModel = (model: string) => engagements.filter((e) => e.billingPlan!.model === model).map((e) => e.id);
  const fixedFee = withModel('FIXED_FEE_MILESTONE');

  const changeOrders = await tx.changeOrder.findMany({
    where: { engagementId: { in: fixedFee }, status: { in: ['APPROVED', 'SUPERSEDED'] } },
    select: { engagementId: true, sourceSystem: true, externalId: true, version: true, valueDelta: true, estimatedCostDelta: true, approvedAt: true },
  });
  const milestones = await tx.milestone.findMany({ where: { engagementId: { in: fixedFee } }, select: { engagementId: true, status: true, billableAt: true } });
  // Fixed fee needs approved, costed time (cost to date); T&M its billable time (revenue).
  const time = await tx.timeTransaction.findMany({
    where: {
      workDate: { lte: through },
      OR: [{ engagementId: { in: fixedFee }, approvalStatus: 'APPROVED', cost: { not: null } }, { engagementId: { in: withModel('TIME_AND_MATERIALS') }, billable: true }],
    },
    select: { id: true, engagementId: true, workDate: true, billable: true, approvalStatus: true, approvedAt: true, amount: true, currency: true, cost: true, costCurrency: true, superseded: true, supersededAt: true, updatedAt: true, ...billedSelect },
  });
  const expenses = await tx.expense.findMany({
    where: { engagementId: { in: ids }, expenseDate: { lte: through } },
    select: { id: true, engagementId: true, expenseDate: true, amount: true, currency: true, billable: true, approvalStatus: true, approvedAt: true, ...billedSelect },
  });
  const usage = await tx.usageRecord.findMany({
    where: { engagementId: { in: withModel('RETAINER_WITH_OVERAGE') }, periodStart: { lte: through } },
    select: { id: true, engagementId: true, period: true, units: true, recordedAt: true, ...billedSelect },
  });

  const currencies = new Set<string>(engagements.map((e) => e.currency));
  for (const row of [...time, ...expenses]) currencies.add(row.currency);
  for (const row of time) if (row.costCurrency) currencies.add(row.costCurrency);
  const fx = await loadFxLookup(tx, { currencies, through: options.asOf });

  const byEngagement = <T extends { engagementId: string }>(items: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const list = map.get(item.engagementId);
      if (list) list.push(item);
      else map.set(item.engagementId, [item]);
    }
    return (id: string) => map.get(id) ?? [];
  };
  const [cosOf, milestonesOf, timeOf, expensesOf, usageOf] = [byEngagement(changeOrders), byEngagement(milestones), byEngagement(time), byEngagement(expenses), byEngagement(usage)];

  return engagements.map((e) => {
    const plan = e.billingPlan!;
    const retainer =
      plan.retainerMonthlyFee && plan.retainerIncludedUnits && plan.retainerOverageRate && plan.retainerStartMonth && plan.retainerMonths
        ? { monthlyFee: text(plan.retainerMonthlyFee), includedUnits: text(plan.retainerIncludedUnits), overageRate: text(plan.retainerOverageRate), startMonth: plan.retainerStartMonth, months: plan.retainerMonths }
        : null;
    const rows: EngagementRevenueRows = {
      engagement: { id: e.id, currency: e.currency, quoteAcceptedAt: e.quoteAcceptedAt, startDate: e.startDate, createdAt: e.createdAt, closedAt: e.closedAt },
      plan: { model: plan.model, contractValue: text(plan.contractValue), estimatedTotalCost: textOrNull(plan.estimatedTotalCost), retainer },
      changeOrders: cosOf(e.id).map((co) => ({ key: `${co.sourceSystem}:${co.externalId}`, version: co.version, valueDelta: text(co.valueDelta), estimatedCostDelta: text(co.estimatedCostDelta), approvedAt: co.approvedAt })),
      milestones: milestonesOf(e.id),
      time: timeOf(e.id).map((t) => ({ ...t, amount: textOrNull(t.amount), cost: textOrNull(t.cost), billedOn: billedOn(t) })),
      expenses: expensesOf(e.id).map((x) => ({ ...x, amount: text(x.amount), billedOn: billedOn(x) })),
      usage: usageOf(e.id).map((u) => ({ id: u.id, period: u.period, units: text(u.units), recordedAt: u.recordedAt, billedOn: billedOn(u) })),
    };
    const engagement = { id: e.id, code: e.code, correlationId: e.correlationId, currency: e.currency, legalEntityId: e.legalEntityId, startDate: e.startDate, endDate: e.endDate };
    return { engagement, rows, result: buildEngagementFacts(rows, fx) };
  });
}
