import { describe, expect, it } from 'vitest';
import { billRetainer, type RetainerPlanInput, type UsageRecordInput } from './bill-retainer.ts';

const plan: RetainerPlanInput = { billingPlanId: 'plan-1', monthlyFee: '10000.00', includedUnits: '1000', overageRate: '2.5', startMonth: '2026-01', months: 3 };
const usage = (id: string, period: string, units: string, recordedAt: string, invoiceLineId: string | null = null): UsageRecordInput => ({ id, period, units, recordedAt, invoiceLineId });
const records = [
  usage('jan-a', '2026-01', '800', '2026-01-15T00:00:00Z'),
  usage('jan-b', '2026-01', '400', '2026-01-31T00:00:00Z'),
  usage('feb', '2026-02', '900', '2026-02-28T00:00:00Z'),
  usage('mar', '2026-03', '1100.5', '2026-03-31T00:00:00Z'),
];
const run = (asOf: string, billedFeeMonths: string[] = [], usageRecords: UsageRecordInput[] = records, terms: RetainerPlanInput = plan) =>
  billRetainer({ engagementId: 'eng-ms', currency: 'GBP', asOf, plan: terms, billedFeeMonths, usageRecords });
const summary = (result: ReturnType<typeof run>) => result.invoices.map((i) => [i.billingPeriodKey, ...i.lines.map((l) => `${l.kind} ${l.quantity} × ${l.unitPrice} = ${l.amount}`)]);

describe('billRetainer: fee in advance on the 1st, overage in arrears on the next invoice', () => {
  it.each([
    { asOf: '2025-12-31', billed: [], expected: [] },
    { asOf: '2026-01-01', billed: [], expected: [['2026-01', 'RETAINER_FEE 1 × 10000 = 10000.00']] },
    { asOf: '2026-01-31', billed: ['2026-01'], expected: [] },
    { asOf: '2026-02-01', billed: ['2026-01'], expected: [['2026-02', 'RETAINER_FEE 1 × 10000 = 10000.00', 'USAGE_OVERAGE 200 × 2.5 = 500.00']] },
    // February stayed within its 1,000 units: March's invoice is the fee alone.
    { asOf: '2026-03-01', billed: ['2026-01', '2026-02'], expected: [['2026-03', 'RETAINER_FEE 1 × 10000 = 10000.00']] },
    // The closing invoice after the last month bills March's overage and no fee.
    { asOf: '2026-04-01', billed: ['2026-01', '2026-02', '2026-03'], expected: [['2026-04', 'USAGE_OVERAGE 100.5 × 2.5 = 251.25']] },
  ])('as of $asOf', ({ asOf, billed, expected }) => {
    const usageRecords = asOf >= '2026-03-01' ? records.map((r) => (r.period === '2026-01' ? { ...r, invoiceLineId: 'line-feb' } : r)) : records;
    expect(summary(run(asOf, billed, usageRecords))).toEqual(expected);
  });

  it('a late run catches up one invoice per month, and nothing after the closing month', () => {
    expect(summary(run('2026-06-15'))).toEqual([
      ['2026-01', 'RETAINER_FEE 1 × 10000 = 10000.00'],
      ['2026-02', 'RETAINER_FEE 1 × 10000 = 10000.00', 'USAGE_OVERAGE 200 × 2.5 = 500.00'],
      ['2026-03', 'RETAINER_FEE 1 × 10000 = 10000.00'],
      ['2026-04', 'USAGE_OVERAGE 100.5 × 2.5 = 251.25'],
    ]);
  });

  it('keys, periods and sources: the fee against the plan, the overage against the records that crossed the line', () => {
    const [invoice] = run('2026-02-01', ['2026-01']).invoices;
    expect(invoice).toMatchObject({ billingPeriodKey: '2026-02', eligibleOn: '2026-02-01', servicePeriodStart: '2026-01-01', servicePeriodEnd: '2026-02-28' });
    const [fee, overage] = invoice?.lines ?? [];
    expect(fee).toMatchObject({ sku: 'MS-RETAINER', servicePeriodStart: '2026-02-01', servicePeriodEnd: '2026-02-28' });
    expect(fee?.sources).toEqual([expect.objectContaining({ kind: 'RETAINER_FEE', billingKey: 'RETAINER_FEE:plan-1:2026-02', sourceId: 'plan-1', periodKey: '2026-02', amount: '10000' })]);
    expect(overage).toMatchObject({ sku: 'MS-OVERAGE', servicePeriodStart: '2026-01-01', servicePeriodEnd: '2026-01-31' });
    expect(overage?.sources.map((s) => [s.billingKey, s.periodKey, s.quantity, s.amount])).toEqual([
      ['USAGE_RECORD:jan-a', '2026-01', '0', '0'],
      ['USAGE_RECORD:jan-b', '2026-01', '200', '500'],
    ]);
  });

  it('usage recorded after its overage was invoiced bills only the increment', () => {
    const late = [usage('jan-a', '2026-01', '800', 'a', 'line-feb'), usage('jan-b', '2026-01', '400', 'b', 'line-feb'), usage('jan-late', '2026-01', '50', 'c')];
    expect(summary(run('2026-03-01', ['2026-01', '2026-02', '2026-03'], late))).toEqual([['2026-02', 'USAGE_OVERAGE 50 × 2.5 = 125.00']]);
  });

  it('a late record that crosses the included units bills only the part above them', () => {
    const crossing = [usage('feb-a', '2026-02', '950', 'a', 'line-mar'), usage('feb-late', '2026-02', '100', 'b')];
    expect(summary(run('2026-03-01', ['2026-01', '2026-02', '2026-03'], crossing))).toEqual([['2026-03', 'USAGE_OVERAGE 50 × 2.5 = 125.00']]);
  });

  it('usage within the included units bills nothing', () => {
    expect(summary(run('2026-03-01', ['2026-01', '2026-02', '2026-03'], [usage('feb', '2026-02', '1000', 'a')]))).toEqual([]);
  });

  it('a voided fee month is billed again', () => {
    expect(summary(run('2026-03-01', ['2026-02', '2026-03'], []))).toEqual([['2026-01', 'RETAINER_FEE 1 × 10000 = 10000.00']]);
  });

  it('usage outside the term is reported, not billed', () => {
    const result = run('2026-06-01', ['2026-01', '2026-02', '2026-03'], [usage('dec', '2025-12', '5000', 'a'), usage('apr', '2026-04', '5000', 'b')]);
    expect(result.invoices).toEqual([]);
    expect(result.outOfTermUsageRecordIds).toEqual(['dec', 'apr']);
  });

  it('rounds the overage line once: 3 records × 1 unit × 0.333333 = 0.999999 → 1.00', () => {
    const terms = { ...plan, includedUnits: '0', overageRate: '0.333333' };
    const thirds = ['a', 'b', 'c'].map((id) => usage(id, '2026-01', '1', id));
    const overage = run('2026-02-01', ['2026-01', '2026-02'], thirds, terms).invoices[0]?.lines[0];
    expect(overage).toMatchObject({ quantity: '3', amount: '1.00' });
    expect(overage?.sources.map((s) => s.amount)).toEqual(['0.333333', '0.333333', '0.333333']);
  });

  it('a one-month retainer: fee on the 1st, closing invoice the month after', () => {
    const single = { ...plan, startMonth: '2026-12', months: 1 };
    expect(summary(run('2027-01-01', [], [usage('d', '2026-12', '1001', 'a')], single))).toEqual([
      ['2026-12', 'RETAINER_FEE 1 × 10000 = 10000.00'],
      ['2027-01', 'USAGE_OVERAGE 1 × 2.5 = 2.50'],
    ]);
  });
});
