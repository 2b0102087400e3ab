// Every KPI of the API on a small quarter whose figures are worked out by hand in the
// comments (test/fixtures/kpis.ts builds it); the legal-entity filter and the reporting
// currency; and the SQL aggregates against the domain's row-by-row formulas.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKpiQuarter, Q1 } from '../../../test/fixtures/kpis.ts';
import { db, pgPool } from '../../db/client.ts';
import type { KpiFigure, KpiResponse } from '../../http/schemas/kpis.ts';
import { kpiKeys } from './kpi-catalog.ts';
import { getKpis } from './get-kpis.ts';

const now = new Date('2026-06-01T00:00:00Z');
let fixture: Awaited<ReturnType<typeof buildKpiQuarter>>;
let all: KpiResponse;

const kpi = (response: KpiResponse, key: string): KpiFigure => response.kpis.find((k) => k.key === key)!;

beforeAll(async () => {
  fixture = await buildKpiQuarter();
  all = await getKpis({ ...Q1, now });
});

describe('GET /api/v1/kpis figures (Q1 2026, every legal entity, USD)', () => {
  it('answers every KPI of the catalog, in its order, with its rows and definition', () => {
    expect(all.kpis.map((k) => k.key)).toEqual(kpiKeys);
    expect(all.period).toEqual({ from: Q1.from.toISOString(), to: Q1.to.toISOString(), asOf: Q1.to.toISOString() });
    for (const figure of all.kpis) {
      expect(figure.rows.description.length, figure.key).toBeGreaterThan(10);
      expect(figure.docs, figure.key).toMatch(/^docs\/KPIS\.md#[a-z0-9-]+$/);
    }
  });

  it('DSO: AR 400 + 450 + 0 + 135.50 (GBP 100 at 1.3550) + 100 = 1085.50; sales 1000 + 500 − 50 + 135.50 + 100 = 1685.50; × 90 days', () => {
    expect(kpi(all, 'dso')).toMatchObject({ value: '57.962', unit: 'days', currency: 'USD', breakdown: { arBalance: '1085.50', creditSales: '1685.50', daysInPeriod: '90' } });
  });

  it('cash-application accuracy: R1 right, R2 reversed later, R3 unapplied → 1/3 per payment, 1/2 per line; unapplied 200 + 70', () => {
    expect(kpi(all, 'cashApplicationAccuracy')).toMatchObject({ value: '0.333333', breakdown: { perPayment: { accurate: 1, total: 3 }, perInvoiceLine: { accurate: 1, total: 2, ratio: '0.5' } } });
    expect(kpi(all, 'unappliedCash')).toMatchObject({ value: '270.00', breakdown: { receipts: 2 } });
  });

  it('unbilled approved time by age at 1 April: 800 + 544 (GBP 400 at 1.36) | 0 | 500 | 0 | 200; unapproved 3 h', () => {
    expect(kpi(all, 'unbilledApprovedTime')).toMatchObject({
      value: '2044.00',
      breakdown: {
        hours: '19.00',
        entries: 4,
        buckets: [
          { label: '0-7', entries: 2, hours: '12.00', amount: '1344.00' },
          { label: '8-30', entries: 0, hours: '0.00', amount: '0.00' },
          { label: '31-60', entries: 1, hours: '5.00', amount: '500.00' },
          { label: '61-90', entries: 0, hours: '0.00', amount: '0.00' },
          { label: '>90', entries: 1, hours: '2.00', amount: '200.00' },
        ],
      },
    });
    expect(kpi(all, 'unapprovedTime')).toMatchObject({ value: '3.00', unit: 'hours', breakdown: { amount: '300.00', entries: 1 } });
  });

  it('invoice timeliness: A on time (Fri → Mon), B late (Fri → Wed), D never posted, F still pending → 1/3', () => {
    expect(kpi(all, 'invoiceTimeliness')).toMatchObject({ value: '0.333333', breakdown: { onTime: 1, late: 2, pending: 1, lateInvoiceIds: [fixture.invoiceD.id, fixture.invoiceB.id] } });
  });

  it('activation, recognition lag, margin, utilization, billed and collected, leakage, billing exceptions', () => {
    expect(kpi(all, 'activationCycleTime')).toMatchObject({ value: '2.5', breakdown: { activated: 3, p90Days: '3.7', meanDays: '2.5', waiting: 1, oldestWaitDays: '12' } });
    expect(kpi(all, 'revenueRecognitionLag')).toMatchObject({ value: '3', breakdown: { entries: 2, p90Days: '3.8', maxDays: '4', unmeasured: 1 } });
    expect(kpi(all, 'margin')).toMatchObject({ value: '0.2', breakdown: { revenue: '1000.00', cost: '800.00', margin: '200.00', plannedMarginPct: '0.4', marginPctVariance: '-0.2', uncostedHours: '4.00', engagements: 2 } });
    expect(kpi(all, 'utilization')).toMatchObject({ value: '0.016602', breakdown: { billableHours: '17.00', workedHours: '19.00', availableHours: '1024.00', employees: 2 } });
    expect(kpi(all, 'billedAndCollected')).toMatchObject({ value: '1685.50', breakdown: { billed: '1685.50', collected: '800.00' } });
    expect(kpi(all, 'revenueLeakage')).toMatchObject({ value: '700.00', breakdown: { approvedTimeNeverBilled: { rows: 2, amount: '700.00' }, billedBelowRateCard: { rows: 0, amount: '0.00' }, writeOffs: { rows: 0 } } });
    expect(kpi(all, 'billingExceptionVolume')).toMatchObject({ value: '1', breakdown: { occurrences: 2, stillOpen: 1, financialImpact: '100.00' } });
  });

  it('technical: latencies 100, 200, 400 ms → p50 200, p95 380, p99 396; 3 of 4 finished events processed', async () => {
    expect(kpi(all, 'eventProcessingLatency')).toMatchObject({ value: '380', scope: 'installation', breakdown: { count: 3, p50Ms: '200', p99Ms: '396', byConnector: [{ connector: 'internal', count: 3 }] } });
    expect(kpi(all, 'eventSuccessRate')).toMatchObject({ value: '0.75', breakdown: { processed: 3, failed: 1 } });
    expect(kpi(all, 'throughput')).toMatchObject({ value: '0.000000385802', breakdown: { processed: 3 } });
    const { rows } = await pgPool().query(`SELECT count(*)::int AS n FROM "InboxEvent" WHERE status IN ('RECEIVED', 'PROCESSING', 'FAILED', 'PARKED', 'HELD')`);
    expect(kpi(all, 'backlog').value).toBe(String(rows[0].n));
  });
});

describe('scope and currency', () => {
  it('legalEntityCode=US01 leaves GB01 out of the business KPIs, not out of the technical ones', async () => {
    const us = await getKpis({ ...Q1, legalEntityCode: 'US01', now });
    expect(kpi(us, 'dso')).toMatchObject({ value: '55.1613', breakdown: { arBalance: '950.00', creditSales: '1550.00' } });
    expect(kpi(us, 'invoiceTimeliness')).toMatchObject({ value: '0.5', breakdown: { onTime: 1, late: 1, pending: 1 } });
    expect(kpi(us, 'unbilledApprovedTime').value).toBe('1500.00');
    expect(kpi(us, 'eventSuccessRate').value).toBe('0.75');
  });

  it('currency=GBP converts the USD figures at the rate of the last day of the period (GBP 1.36 on 2026-03-01)', async () => {
    const gbp = await getKpis({ ...Q1, currency: 'GBP', now });
    expect(gbp).toMatchObject({ currency: 'GBP', fx: { rateDate: '2026-03-01' } });
    // 1085.50 / 1.36 = 798.16…; 2044 / 1.36 = 1502.94…
    expect(kpi(gbp, 'dso')).toMatchObject({ value: '57.962', currency: 'GBP', breakdown: { arBalance: '798.16' } });
    expect(kpi(gbp, 'unbilledApprovedTime')).toMatchObject({ value: '1502.94', currency: 'GBP' });
  });

  it('refuses an unknown legal entity and a currency without a rate', async () => {
    await expect(getKpis({ ...Q1, legalEntityCode: 'XX99', now })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [{ parameter: 'legalEntityCode' }] } });
    await expect(getKpis({ ...Q1, currency: 'JPY', now })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [{ parameter: 'currency' }] } });
  });
});

describe('amounts without a rate', () => {
  it('margin leaves a JPY revenue entry (no JPY rate) out of its sums and says so', async () => {
    const entry = await db().revenueEntry.findFirstOrThrow({ where: { idempotencyKey: 'r1' } });
    const { id: _id, createdAt: _at, ...copy } = entry;
    await db().revenueEntry.create({ data: { ...copy, idempotencyKey: 'r-jpy', amount: '5000', cumulativeAmount: '5000', currency: 'JPY' } });
    const margin = kpi(await getKpis({ ...Q1, now }), 'margin');
    expect(margin).toMatchObject({ value: '0.2', breakdown: { revenue: '1000.00' }, warnings: ['1 amount(s) left out: no FX rate to USD on or before their date.'] });
  });
});

describe('rates quoted either way (after the JPY revenue above)', () => {
  const rate = (baseCurrency: string, quoteCurrency: string, rate: string) =>
    db().fxRate.create({ data: { baseCurrency, quoteCurrency, rateDate: new Date('2026-03-01T00:00:00Z'), rate, source: 'test' } });

  it('a USD→JPY quote is inverted: JPY 5000 at 1/125 = USD 40; on the same day a direct JPY→USD quote wins', async () => {
    await rate('USD', 'JPY', '125');
    const inverted = kpi(await getKpis({ ...Q1, now }), 'margin');
    expect(inverted).toMatchObject({ breakdown: { revenue: '1040.00' } });
    expect(inverted.warnings).toBeUndefined();
    await rate('JPY', 'USD', '0.01');
    expect(kpi(await getKpis({ ...Q1, now }), 'margin')).toMatchObject({ breakdown: { revenue: '1050.00' } });
  });
});
