// "Why is this revenue 24,000.00?" (GET /api/v1/revenue/entries/{id}/explanation): the
// entry as a tree — the ledger arithmetic (cumulative before + this entry = cumulative
// after), then what it recognises: the cost-to-cost measurement of a fixed fee, the time
// entry or expense of T&M, the retainer month's fee or overage usage, or the entry a
// reversal undoes — down to the timesheets and events behind them.
import { db } from '../../db/client.ts';
import { dec } from '../../domain/money/decimal.ts';
import { parseRevenueKey } from '../../domain/revenue/revenue-key.ts';
import { AppError } from '../../errors.ts';
import type { ExplanationNode } from '../../http/schemas/lineage.ts';
import type { RevenueExplanation } from '../../http/schemas/revenue-explanation.ts';
import { isUuid, money } from '../shared/decimal-fields.ts';
import { feeBasis, overageBasis, pocBasis, sourceBasis } from './explained-revenue-basis.ts';
import { creationEventsOf, loadEvents, nodeKey } from './node-context.ts';

const treatmentText = {
  PERCENT_COMPLETE: 'percentage of completion (cost to cost)',
  AS_DELIVERED: 'as delivered (time and materials)',
  RATABLE: 'ratably over the month (retainer fee)',
  USAGE: 'as used (retainer overage)',
  POINT_IN_TIME: 'at a point in time (pass-through)',
} as const;

export async function explainRevenueEntry(options: { id: string }): Promise<RevenueExplanation> {
  if (!isUuid(options.id)) throw new AppError('NOT_FOUND', 'No such revenue entry.');
  const entry = await db().revenueEntry.findUnique({
    where: { id: options.id },
    include: {
      schedule: { select: { treatment: true } },
      engagement: { select: { id: true, code: true, correlationId: true, billingPlan: { select: { id: true, version: true, currency: true, retainerMonthlyFee: true, retainerIncludedUnits: true, retainerOverageRate: true } } } },
      reversesEntry: { select: { id: true, period: true, amount: true, kind: true } },
      invoice: { select: { id: true, number: true, kind: true, status: true } },
    },
  });
  if (!entry) throw new AppError('NOT_FOUND', 'No such revenue entry.');
  const c = entry.currency;
  const amount = money(entry.amount, c);
  const cumulative = money(entry.cumulativeAmount, c);
  const before = money(dec(entry.cumulativeAmount.toString()).minus(entry.amount.toString()), c);
  const unit = parseRevenueKey(entry.idempotencyKey)?.unit;

  const creationKeys = unit && (unit.type === 'TIME' || unit.type === 'EXPENSE') ? [{ kind: unit.type === 'TIME' ? 'TimeTransaction' : 'Expense', entityId: unit.ref }] : [];
  if (unit?.type === 'OVERAGE') {
    const usage = await db().usageRecord.findMany({ where: { engagementId: entry.engagementId, period: unit.ref }, select: { id: true }, take: 500 });
    creationKeys.push(...usage.map((u) => ({ kind: 'UsageRecord', entityId: u.id })));
  }
  const creationEvents = await creationEventsOf(creationKeys);
  const eventOf = (kind: string, id: string) => creationEvents.get(nodeKey(kind, id));
  const plan = entry.engagement.billingPlan;

  let basis: ExplanationNode[] = [];
  if (entry.reversesEntry) {
    const r = entry.reversesEntry;
    basis = [{ id: r.id, kind: 'RevenueEntry', label: `Reverses the ${r.kind.toLowerCase()} of ${r.period}`, amount: money(r.amount, c), currency: c, children: [] }];
  } else if (unit?.type === 'POC') {
    basis = await pocBasis({
      engagementId: entry.engagementId,
      through: entry.recognitionDate,
      currency: c,
      costToDate: entry.costToDate?.toString() ?? null,
      estimatedTotalCost: entry.estimatedTotalCost?.toString() ?? null,
      percentComplete: entry.percentComplete?.toString() ?? null,
      cumulativeAmount: entry.cumulativeAmount.toString(),
    });
  } else if (unit?.type === 'TIME') basis = await sourceBasis('TimeTransaction', unit.ref, eventOf);
  else if (unit?.type === 'EXPENSE') basis = await sourceBasis('Expense', unit.ref, eventOf);
  else if (unit?.type === 'FEE' && plan) basis = feeBasis(plan, unit.ref);
  else if (unit?.type === 'OVERAGE' && plan) basis = await overageBasis(entry.engagementId, plan, unit.ref, eventOf);
  if (entry.invoice) {
    basis.push({ id: entry.invoice.id, kind: 'Invoice', label: `Caused by ${entry.invoice.kind === 'CREDIT_NOTE' ? 'credit note' : 'invoice'} ${entry.invoice.number ?? '(not issued)'} (${entry.invoice.status.toLowerCase()})`, children: [] });
  }

  const late = entry.late && entry.originalPeriod ? `, late for the closed period ${entry.originalPeriod}` : '';
  const percent = entry.percentComplete ? ` at ${dec(entry.percentComplete.toString()).times(100).toDecimalPlaces(2).toString()} % complete` : '';
  const events = await loadEvents([...creationEvents.values()]);
  return {
    entry: {
      id: entry.id, kind: entry.kind, treatment: entry.schedule.treatment, period: entry.period, currency: c, amount, cumulativeAmount: cumulative,
      engagementId: entry.engagement.id, engagementCode: entry.engagement.code, correlationId: entry.engagement.correlationId,
    },
    summary: `Revenue ${entry.kind.toLowerCase()} of ${amount} ${c} in ${entry.period}${late} for ${entry.engagement.code}, recognised ${treatmentText[entry.schedule.treatment]}${percent}: ${before} recognised before + ${amount} = ${cumulative}.`,
    tree: {
      id: entry.id,
      kind: 'RevenueEntry',
      label: `Revenue ${entry.kind.toLowerCase()} ${entry.period}`,
      amount,
      currency: c,
      detail: `cumulative ${cumulative} − ${before} recognised before = ${amount}`,
      children: basis,
    },
    events,
  };
}
