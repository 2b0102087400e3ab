// The rows an invoice's lines bill — time, milestones, expenses, usage, retainer months —
// read in one query per kind for the whole invoice, and each made an explanation node
// that says how its amount came about and which event delivered it.
import { db } from '../../db/client.ts';
import type { ExplanationNode } from '../../http/schemas/lineage.ts';
import { exactDecimal, hoursOrNull, isoDate, unroundedMoney } from '../shared/decimal-fields.ts';

export interface SourceIds {
  TimeTransaction: string[];
  Milestone: string[];
  Expense: string[];
  UsageRecord: string[];
  BillingPlan: string[];
}

export type SourceRows = Awaited<ReturnType<typeof loadSourceRows>>;

export async function loadSourceRows(ids: SourceIds) {
  const [time, milestones, expenses, usage, plans] = await Promise.all([
    db().timeTransaction.findMany({
      where: { id: { in: ids.TimeTransaction } },
      include: { serviceRole: { select: { code: true } }, employee: { select: { name: true } }, rateCardLine: { select: { rateCard: { select: { code: true } } } } },
    }),
    db().milestone.findMany({ where: { id: { in: ids.Milestone } }, include: { evidence: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } } }),
    db().expense.findMany({ where: { id: { in: ids.Expense } } }),
    db().usageRecord.findMany({ where: { id: { in: ids.UsageRecord } } }),
    db().billingPlan.findMany({ where: { id: { in: ids.BillingPlan } }, select: { id: true, version: true, model: true, currency: true, retainerMonthlyFee: true } }),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  return { time: byId(time), milestones: byId(milestones), expenses: byId(expenses), usage: byId(usage), plans: byId(plans) };
}

type EventOf = (kind: string, id: string) => string | undefined;
const optional = <K extends string, V>(key: K, value: V | null | undefined) => (value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/** The node of the row a source bills, with what is behind it; undefined when the row is gone. */
export function targetNode(sourceType: keyof SourceIds, sourceId: string, rows: SourceRows, eventOf: EventOf): ExplanationNode | undefined {
  const eventId = eventOf(sourceType, sourceId);
  const base = { id: sourceId, kind: sourceType, ...optional('eventId', eventId) };
  if (sourceType === 'TimeTransaction') {
    const t = rows.time.get(sourceId);
    if (!t) return undefined;
    const rate = t.rateApplied ? `${unroundedMoney(t.rateApplied, t.currency)}${t.rateCardLine ? ` (rate card ${t.rateCardLine.rateCard.code})` : ''}` : 'no rate';
    return {
      ...base,
      label: `${hoursOrNull(t.hours)} h ${t.serviceRole.code} on ${isoDate(t.workDate)} by ${t.employee.name}`,
      ...(t.amount ? { amount: unroundedMoney(t.amount, t.currency), currency: t.currency } : {}),
      detail: `${hoursOrNull(t.hours)} h × ${rate}${t.amount ? ` = ${unroundedMoney(t.amount, t.currency)}` : ''}${t.superseded ? '; superseded by a later timesheet version' : ''}`,
      system: t.sourceSystem,
      externalId: t.externalId ?? `${t.sourceTimesheetId}#${t.entryIndex}`,
      children: [
        {
          id: t.sourceTimesheetId,
          kind: 'Timesheet',
          label: `Timesheet ${t.sourceTimesheetId} v${t.sourceTimesheetVersion}`,
          detail: `Entry ${t.entryIndex + 1}${t.approvedBy ? `, approved by ${t.approvedBy}` : ''}`,
          system: t.sourceSystem,
          externalId: t.sourceTimesheetId,
          ...optional('eventId', eventId),
          children: [],
        },
      ],
    };
  }
  if (sourceType === 'Milestone') {
    const m = rows.milestones.get(sourceId);
    if (!m) return undefined;
    return {
      ...base,
      label: `Milestone ${m.ref} ${m.name}`,
      amount: unroundedMoney(m.amount, m.currency),
      currency: m.currency,
      detail: [m.completedAt && `completed ${isoDate(m.completedAt)}`, m.approvedBy && `approved by ${m.approvedBy}`, `${m.evidence.length} evidence document(s)`].filter(Boolean).join(', '),
      children: m.evidence.map((e) => ({ id: e.id, kind: 'MilestoneEvidence', label: e.uri, detail: `sha256 ${e.sha256}`, ...optional('eventId', e.eventId), children: [] })),
    };
  }
  if (sourceType === 'Expense') {
    const x = rows.expenses.get(sourceId);
    if (!x) return undefined;
    return { ...base, label: `Expense ${x.category} on ${isoDate(x.expenseDate)}`, amount: unroundedMoney(x.amount, x.currency), currency: x.currency, system: x.sourceSystem, externalId: x.externalId, children: [] };
  }
  if (sourceType === 'UsageRecord') {
    const u = rows.usage.get(sourceId);
    if (!u) return undefined;
    return { ...base, label: `Usage ${exactDecimal(u.units)} units in ${u.period}`, detail: `recorded ${u.recordedAt.toISOString()}`, system: u.sourceSystem, externalId: u.externalId, children: [] };
  }
  const p = rows.plans.get(sourceId);
  if (!p) return undefined;
  return {
    ...base,
    label: `Billing plan v${p.version} (${p.model})`,
    ...(p.retainerMonthlyFee ? { amount: unroundedMoney(p.retainerMonthlyFee, p.currency), currency: p.currency, detail: 'monthly retainer fee' } : {}),
    children: [],
  };
}
