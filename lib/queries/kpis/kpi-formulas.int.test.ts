// The KPI loaders push sums into SQL; the definitions are the domain's row-by-row formulas.
// This loads the quarter's rows one by one, runs the domain functions on them and expects
// the very figures the API answers — so the SQL cannot drift from docs/KPIS.md.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKpiQuarter, Q1 } from '../../../test/fixtures/kpis.ts';
import { db } from '../../db/client.ts';
import { activationCycleTime } from '../../domain/kpis/activation-cycle-time.ts';
import { cashApplicationAccuracy, unappliedCash } from '../../domain/kpis/cash-application-accuracy.ts';
import { computeDso } from '../../domain/kpis/dso.ts';
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
