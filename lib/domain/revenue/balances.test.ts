import { describe, expect, it } from 'vitest';
import { contractBalances } from './balances.ts';
import { measurePercentComplete } from './poc.ts';

const view = (b: ReturnType<typeof contractBalances>) => [b.recognized.toFixed(2), b.billed.toFixed(2), b.unbilledReceivable.toFixed(2), b.deferredRevenue.toFixed(2)];

describe('contractBalances', () => {
  // Constructed fixed-fee contract of 90,000 with three 30,000 milestones: the first billed
  // up front (billing leads), the second after months of work (billing lags), the last at
  // completion. Revenue by POC at each month end.
  const recognized = [
    { on: '2026-01-31', amount: '9000' },
    { on: '2026-02-28', amount: '12000' },
    { on: '2026-03-31', amount: '15000' },
    { on: '2026-04-30', amount: '18000' },
    { on: '2026-05-31', amount: '21000' },
    { on: '2026-06-30', amount: '15000' },
  ];
  const billed = [
    { on: '2026-01-05', amount: '30000' },
    { on: '2026-04-10', amount: '30000' },
    { on: '2026-06-30', amount: '30000' },
  ];

  it.each([
    ['2025-12-31', ['0.00', '0.00', '0.00', '0.00']],
    ['2026-01-31', ['9000.00', '30000.00', '0.00', '21000.00']], // billed ahead: deferred revenue
    ['2026-02-28', ['21000.00', '30000.00', '0.00', '9000.00']],
    ['2026-03-31', ['36000.00', '30000.00', '6000.00', '0.00']], // work ahead of billing: unbilled receivable
    ['2026-04-05', ['36000.00', '30000.00', '6000.00', '0.00']], // mid-month: only what is dated by then
    ['2026-04-30', ['54000.00', '60000.00', '0.00', '6000.00']],
    ['2026-05-31', ['75000.00', '60000.00', '15000.00', '0.00']],
    ['2026-06-30', ['90000.00', '90000.00', '0.00', '0.00']], // complete and fully billed
  ])('as of %s', (asOf, expected) => {
    expect(view(contractBalances({ asOf, currency: 'USD', recognized, billed }))).toEqual(expected);
  });

  it('a credit note lowers billing; tax is not in it', () => {
    const withCredit = [...billed.slice(0, 1), { on: '2026-02-10', amount: '-5000' }];
    expect(view(contractBalances({ asOf: '2026-02-28', currency: 'USD', recognized, billed: withCredit }))).toEqual(['21000.00', '25000.00', '0.00', '4000.00']);
  });

  it('kpmcpa.com, "Demystifying the Percentage-of-Completion Method": both sides of the same year', () => {
    // Published: a $1,000,000 two-year project, half the expected costs ($400,000) incurred
    // in year one → $500,000 revenue; billed $450,000 → a $50,000 asset ("costs in excess of
    // billings"); billed $550,000 instead → a $50,000 liability.
    const year1 = measurePercentComplete({ contractValue: '1000000', costToDate: '400000', estimatedTotalCost: '800000', recognizedToDate: '0', currency: 'USD' });
    expect(year1.periodRevenue.toFixed(2)).toBe('500000.00');
    const revenue = [{ on: '2026-12-31', amount: year1.periodRevenue }];
    expect(view(contractBalances({ asOf: '2026-12-31', currency: 'USD', recognized: revenue, billed: [{ on: '2026-12-15', amount: '450000' }] }))).toEqual([
      '500000.00',
      '450000.00',
      '50000.00',
      '0.00',
    ]);
    expect(view(contractBalances({ asOf: '2026-12-31', currency: 'USD', recognized: revenue, billed: [{ on: '2026-12-15', amount: '550000' }] }))).toEqual([
      '500000.00',
      '550000.00',
      '0.00',
      '50000.00',
    ]);
  });

  it('three years of billing behind revenue (problem data published, figures ours)', () => {
    // Data as published at throughoutyourlifetime.com ("Long-Term Contracts: Percentage of
    // Completion Method"): price $3,000,000, estimated total cost $2,100,000, costs per year
    // 500,000 / 800,000 / 800,000, billings 600,000 / 1,200,000 / 1,200,000. Revenue and
    // balances below are our computation (cumulative rounded to the cent).
    let recognizedToDate = '0';
    const revenue: { on: string; amount: string }[] = [];
    for (const [on, cost] of [
      ['2026-12-31', '500000'],
      ['2027-12-31', '1300000'],
      ['2028-12-31', '2100000'],
    ] as const) {
      const m = measurePercentComplete({ contractValue: '3000000', costToDate: cost, estimatedTotalCost: '2100000', recognizedToDate, currency: 'USD' });
      revenue.push({ on, amount: m.periodRevenue.toString() });
      recognizedToDate = m.cumulativeRevenue.toString();
    }
    expect(revenue.map((r) => r.amount)).toEqual(['714285.71', '1142857.15', '1142857.14']);
    const billings = [
      { on: '2026-12-31', amount: '600000' },
      { on: '2027-12-31', amount: '1200000' },
      { on: '2028-12-31', amount: '1200000' },
    ];
    expect(['2026-12-31', '2027-12-31', '2028-12-31'].map((asOf) => view(contractBalances({ asOf, currency: 'USD', recognized: revenue, billed: billings })))).toEqual([
      ['714285.71', '600000.00', '114285.71', '0.00'],
      ['1857142.86', '1800000.00', '57142.86', '0.00'],
      ['3000000.00', '3000000.00', '0.00', '0.00'],
    ]);
  });
});
