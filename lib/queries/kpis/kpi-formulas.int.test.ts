// The KPI loaders push sums into SQL; the definitions are the domain's row-by-row formulas.
// This loads the quarter's rows one by one, runs the domain functions on them and expects
// the very figures the API answers — so the SQL cannot drift from docs/KPIS.md.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKpiQuarter, Q1 } from '../../../test/fixtures/kpis.ts';
import { db } from '../../db/client.ts';
import { activationCycleTime } from '../../domain/kpis/activation-cycle-time.ts';
import { billedAndCollected } from '../../domain/kpis/billed-and-collected.ts';
import { cashApplicationAccuracy, unappliedCash } from '../../domain/kpis/cash-application-accuracy.ts';
import { computeDso } from '../../domain/kpis/dso.ts';
import { engagementMargins } from '../../domain/kpis/engagement-margin.ts';
import type { ToGroupCurrency } from '../../domain/kpis/group-currency-conversion.ts';
import { invoiceTimeliness } from '../../domain/kpis/invoice-timeliness.ts';
import { unbilledApprovedTime } from '../../domain/kpis/unbilled-time.ts';
import type { KpiResponse } from '../../http/schemas/kpis.ts';
import { fxLookupFrom } from '../../services/billing/load-fx-lookup.ts';
import { getKpis } from './get-kpis.ts';

const now = new Date('2026-06-01T00:00:00Z');
let api: KpiResponse;
let toUsd: ToGroupCurrency;
const figure = (key: string) => api.kpis.find((k) => k.key === key)!;

beforeAll(async () => {
  await buildKpiQuarter();
  api = await getKpis({ ...Q1, now });
  const rates = await db().fxRate.findMany();
  const lookup = fxLookupFrom(rates.map((r) => ({ ...r, rate: r.rate.toString() })));
  toUsd = (amount, currency, on) => {
    const rate = lookup({ from: currency, to: 'USD', date: on.toISOString().slice(0, 10) });
    if (!rate) throw new Error(`no ${currency} rate on ${on.toISOString()}`);
    return amount.times(rate);
  };
});

describe('SQL aggregates agree with the domain formulas on the same rows', () => {
  it('DSO', async () => {
    const documents = (await db().invoice.findMany()).map((i) => ({ ...i, total: i.total.toString() }));
    const applications = (await db().cashApplication.findMany()).map((a) => ({ ...a, amount: a.amount.toString() }));
    const dso = computeDso({ documents, applications, period: Q1, toGroupCurrency: toUsd });
    expect(figure('dso')).toMatchObject({ value: dso.value!.toDecimalPlaces(4).toString(), breakdown: { arBalance: dso.arBalance.toFixed(2), creditSales: dso.creditSales.toFixed(2) } });
  });

  it('billed and collected: totals, and the largest engagements and clients (summed and ranked in SQL)', async () => {
    const documents = (await db().invoice.findMany()).map((i) => ({ ...i, total: i.total.toString() }));
    const applications = (await db().cashApplication.findMany()).map((a) => ({ ...a, amount: a.amount.toString() }));
    const domain = billedAndCollected({ documents, applications, period: Q1, toGroupCurrency: toUsd });
    type Figure = { billed: string; collected: string };
    const breakdown = figure('billedAndCollected').breakdown as Figure & { topEngagements: (Figure & { engagementId: string })[]; topClients: (Figure & { clientId: string })[] };
    expect(breakdown).toMatchObject({ billed: domain.total.billed.toFixed(2), collected: domain.total.collected.toFixed(2), engagements: domain.byEngagement.length, clients: domain.byClient.length });
    const largest = <T extends { billed: { comparedTo(x: unknown): number }; collected: { comparedTo(x: unknown): number } }>(list: T[]) =>
      [...list].sort((a, b) => b.billed.comparedTo(a.billed) || b.collected.comparedTo(a.collected));
    const money = (f: { billed: { toFixed(n: number): string }; collected: { toFixed(n: number): string } }) => [f.billed.toFixed(2), f.collected.toFixed(2)];
    expect(breakdown.topEngagements.map((e) => [e.billed, e.collected])).toEqual(largest(domain.byEngagement).map(money));
    expect(breakdown.topClients.map((c) => [c.billed, c.collected])).toEqual(largest(domain.byClient).map(money));
    expect(breakdown.topEngagements.map((e) => e.engagementId).sort()).toEqual(domain.byEngagement.map((e) => e.engagementId).sort());
  });

  it('margin: the portfolio and every engagement of the breakdown (summed in SQL) as the domain computes them row by row', async () => {
    const engagements = (await db().engagement.findMany()).map((e) => ({ ...e, value: e.value.toString(), estimatedCost: e.estimatedCost?.toString() ?? null, plannedAt: e.quoteAcceptedAt ?? e.createdAt }));
    const margins = engagementMargins({
      engagements,
      revenue: (await db().revenueEntry.findMany()).map((r) => ({ ...r, amount: r.amount.toString(), recognizedOn: r.recognitionDate })),
      time: (await db().timeTransaction.findMany()).map((t) => ({ ...t, hours: t.hours.toString(), costRate: t.costRate?.toString() ?? null })),
      expenses: (await db().expense.findMany()).map((x) => ({ ...x, amount: x.amount.toString() })),
      toGroupCurrency: toUsd,
      period: Q1,
    });
    const breakdown = figure('margin').breakdown as { revenue: string; worstEngagements: { engagementId: string; revenue: string; cost: string; marginPct: string | null; plannedMarginPct: string | null; marginPctVariance: string | null }[] };
    expect(breakdown.revenue).toBe(margins.reduce((sum, m) => sum.plus(m.revenue), margins[0]!.revenue.minus(margins[0]!.revenue)).toFixed(2));
    expect(breakdown.worstEngagements.length).toBeGreaterThan(0);
    for (const shown of breakdown.worstEngagements) {
      const m = margins.find((x) => x.engagementId === shown.engagementId)!;
      const ratio = (d: { toDecimalPlaces(n: number): { toString(): string } } | null) => (d === null ? null : d.toDecimalPlaces(6).toString());
      expect(shown).toMatchObject({ revenue: m.revenue.toFixed(2), cost: m.cost.toFixed(2), marginPct: ratio(m.marginPct), plannedMarginPct: ratio(m.plannedMarginPct), marginPctVariance: ratio(m.marginPctVariance) });
    }
  });

  it('unbilled approved time and its buckets', async () => {
    const time = (await db().timeTransaction.findMany()).map((t) => ({ ...t, hours: t.hours.toString(), amount: t.amount?.toString() ?? null }));
    const unbilled = unbilledApprovedTime({ time, asOf: Q1.to, toGroupCurrency: toUsd });
    expect(figure('unbilledApprovedTime').value).toBe(unbilled.amount.toFixed(2));
    expect((figure('unbilledApprovedTime').breakdown as { buckets: unknown[] }).buckets).toEqual(unbilled.buckets.map((b) => ({ label: b.label, entries: b.entries, hours: b.hours.toFixed(2), amount: b.amount.toFixed(2) })));
  });

  it('invoice timeliness', async () => {
    const result = invoiceTimeliness({ invoices: await db().invoice.findMany(), period: Q1, asOf: Q1.to });
    const breakdown = figure('invoiceTimeliness').breakdown as { lateInvoiceIds: string[] };
    expect(breakdown).toMatchObject({ onTime: result.onTime, late: result.late, pending: result.pending });
    // The API lists them oldest eligibility first; the formula in row order.
    expect([...breakdown.lateInvoiceIds].sort()).toEqual([...result.lateInvoiceIds].sort());
  });

  it('cash-application accuracy and unapplied cash', async () => {
    const receipts = await db().cashReceipt.findMany();
    const accuracy = cashApplicationAccuracy({ receipts, applications: await db().cashApplication.findMany(), period: Q1 });
    expect(figure('cashApplicationAccuracy').breakdown).toMatchObject({
      perPayment: { accurate: accuracy.perPayment.accurate, total: accuracy.perPayment.total },
      perInvoiceLine: { accurate: accuracy.perInvoiceLine.accurate, total: accuracy.perInvoiceLine.total },
    });
    const unapplied = unappliedCash({ receipts: receipts.map((r) => ({ ...r, unappliedAmount: r.unappliedAmount.toString() })), toGroupCurrency: toUsd });
    expect(figure('unappliedCash')).toMatchObject({ value: unapplied.amount.toFixed(2), breakdown: { receipts: unapplied.receipts } });
  });

  it('activation cycle time', async () => {
    const result = activationCycleTime({ engagements: await db().engagement.findMany(), period: Q1, asOf: Q1.to });
    expect(figure('activationCycleTime').breakdown).toMatchObject({ activated: result.activated, medianDays: result.medianDays!.toString(), p90Days: result.p90Days!.toString(), waiting: result.waiting });
  });
});
