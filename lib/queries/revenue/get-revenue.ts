// An engagement's revenue (GET /api/v1/revenue): the append-only ledger grouped by
// accounting period with the running cumulative, the schedules it came from, and the
// contract asset (unbilled receivable) and liability (deferred revenue).
import { db } from '../../db/client.ts';
import { dec, ZERO, type Decimal } from '../../domain/money/decimal.ts';
import type { RevenueView } from '../../http/schemas/revenue.ts';
import { loadEngagementFinancials } from '../engagements/engagement-financials.ts';
import { findEngagementId } from '../engagements/find-engagement.ts';
import { exactOrNull, isoDate, isoDateTime, money, moneyOrNull } from '../shared/decimal-fields.ts';

type Period = RevenueView['periods'][number];

export async function getRevenue(options: { engagementRef: string }): Promise<RevenueView> {
  const { id, currency } = await findEngagementId(options.engagementRef);
  const [engagement, schedules, entries, financials] = await Promise.all([
    db().engagement.findUniqueOrThrow({ where: { id }, select: { id: true, code: true, name: true } }),
    db().revenueSchedule.findMany({ where: { engagementId: id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db().revenueEntry.findMany({
      where: { engagementId: id },
      orderBy: [{ period: 'asc' }, { recognitionDate: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      include: { schedule: { select: { treatment: true } }, reversedBy: { select: { id: true } } },
    }),
    loadEngagementFinancials([{ id, currency }]),
  ]);

  const periods: Period[] = [];
  let cumulative: Decimal = ZERO;
  let current: { period: string; amount: Decimal; entries: Period['entries'] } | undefined;
  const close = () => {
    if (current) periods.push({ period: current.period, amount: money(current.amount, currency), cumulative: money(cumulative, currency), entries: current.entries });
  };
  for (const e of entries) {
    if (current?.period !== e.period) {
      close();
      current = { period: e.period, amount: ZERO, entries: [] };
    }
    const amount = dec(e.amount.toString());
    current.amount = current.amount.plus(amount);
    cumulative = cumulative.plus(amount);
    current.entries.push({
      id: e.id,
      scheduleId: e.scheduleId,
      treatment: e.schedule.treatment,
      kind: e.kind,
      recognitionDate: isoDate(e.recognitionDate),
      amount: money(amount, e.currency),
      scheduleCumulative: money(e.cumulativeAmount, e.currency),
      percentComplete: exactOrNull(e.percentComplete),
      costToDate: moneyOrNull(e.costToDate, e.currency),
      estimatedTotalCost: moneyOrNull(e.estimatedTotalCost, e.currency),
      late: e.late,
      originalPeriod: e.originalPeriod,
      reversesEntryId: e.reversesEntryId,
      reversedByEntryId: e.reversedBy?.id ?? null,
      invoiceId: e.invoiceId,
      eligibleAt: isoDateTime(e.eligibleAt),
      createdAt: isoDateTime(e.createdAt),
    });
  }
  close();

  const f = financials.get(id)!;
  return {
    engagement,
    currency,
    recognized: f.recognized,
    billedExcludingTax: f.billedExcludingTax,
    unbilledReceivable: f.unbilledReceivable,
    deferredRevenue: f.deferredRevenue,
    schedules: schedules.map((s) => ({
      id: s.id,
      treatment: s.treatment,
      status: s.status,
      totalValue: moneyOrNull(s.totalValue, s.currency),
      estimatedTotalCost: moneyOrNull(s.estimatedTotalCost, s.currency),
      recognizedToDate: money(s.recognizedToDate, s.currency),
      recognizedThrough: isoDate(s.recognizedThrough),
    })),
    periods,
  };
}
