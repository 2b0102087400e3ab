import { describe, expect, it } from 'vitest';
import type { Decimal } from '../money/decimal.ts';
import { engagementMargins, type MarginEngagementRow, type MarginExpenseRow, type MarginRevenueRow, type MarginTimeRow } from './engagement-margin.ts';
import { formatPercent } from './kpi-value.ts';

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toUsd = (amount: Decimal, currency: string) => {
  if (currency === 'GBP') return amount.times('1.25');
  throw new Error(`no rate for ${currency}`);
};
const engagement = (id: string, fields: Partial<MarginEngagementRow> = {}): MarginEngagementRow => ({ id, code: id.toUpperCase(), currency: 'USD', value: '100000', estimatedCost: '60000', plannedAt: at('2026-01-02'), ...fields });
const revenue = (engagementId: string, amount: string, on = '2026-02-28', currency = 'USD'): MarginRevenueRow => ({ engagementId, amount, currency, recognizedOn: at(on) });
const time = (engagementId: string, hours: string, costRate: string | null, fields: Partial<MarginTimeRow> = {}): MarginTimeRow => ({
  engagementId,
  hours,
  costRate,
  costCurrency: costRate === null ? null : 'USD',
  workDate: at('2026-02-10'),
  approvalStatus: 'APPROVED',
  superseded: false,
  ...fields,
});
const expense = (engagementId: string, amount: string, fields: Partial<MarginExpenseRow> = {}): MarginExpenseRow => ({ engagementId, amount, currency: 'USD', expenseDate: at('2026-02-11'), approvalStatus: 'APPROVED', ...fields });

describe('engagementMargins', () => {
  const result = engagementMargins({
    engagements: [engagement('e1'), engagement('e2', { currency: 'GBP', value: '40000', estimatedCost: null }), engagement('e3')],
    revenue: [revenue('e1', '50000'), revenue('e1', '-5000'), revenue('e2', '8000', '2026-02-28', 'GBP')],
    time: [
      time('e1', '100', '150.50'), // 15,050
      time('e1', '10', '150', { superseded: true }),
      time('e1', '10', '150', { approvalStatus: 'SUBMITTED' }),
      time('e1', '4', null), // no cost rate: reported, not costed
      time('e2', '40', '100', { costCurrency: 'GBP' }), // 4,000 GBP = 5,000 USD
    ],
    expenses: [expense('e1', '1950'), expense('e1', '999', { approvalStatus: 'REJECTED' })],
    toGroupCurrency: toUsd,
  });
  const row = (id: string) => result.find((r) => r.engagementId === id)!;

  it.each([
    // revenue 45,000; cost 15,050 + 1,950 = 17,000; margin 28,000 = 62.2%; planned 40,000 = 40.0%
    ['e1', ['45000.00', '15050.00', '1950.00', '17000.00', '28000.00', '62.2%', '40000.00', '40.0%', '-12000.00', '22.2%', '4']],
    // GBP: revenue 10,000 USD, cost 5,000 → 50%; no estimate → no plan, no variance
    ['e2', ['10000.00', '5000.00', '0.00', '5000.00', '5000.00', '50.0%', '—', '—', '—', '—', '0']],
    // nothing yet: no revenue → margin % "—"
    ['e3', ['0.00', '0.00', '0.00', '0.00', '0.00', '—', '40000.00', '40.0%', '-40000.00', '—', '0']],
  ])('%s', (id, expected) => {
    const r = row(id);
    expect([
      r.revenue.toFixed(2),
      r.timeCost.toFixed(2),
      r.expenseCost.toFixed(2),
      r.cost.toFixed(2),
      r.margin.toFixed(2),
      formatPercent(r.marginPct),
      r.plannedMargin?.toFixed(2) ?? '—',
      formatPercent(r.plannedMarginPct),
      r.marginVariance?.toFixed(2) ?? '—',
      formatPercent(r.marginPctVariance),
      r.uncostedHours.toString(),
    ]).toEqual(expected);
  });

  it('is sorted by engagement code, and a period narrows the actuals', () => {
    expect(result.map((r) => r.code)).toEqual(['E1', 'E2', 'E3']);
    const march = engagementMargins({
      engagements: [engagement('e1')],
      revenue: [revenue('e1', '50000'), revenue('e1', '7000', '2026-03-15')],
      time: [time('e1', '10', '100', { workDate: at('2026-03-02') }), time('e1', '100', '100')],
      expenses: [],
      toGroupCurrency: toUsd,
      period: { from: at('2026-03-01'), to: at('2026-04-01') },
    });
    expect([march[0]!.revenue.toFixed(2), march[0]!.cost.toFixed(2), march[0]!.margin.toFixed(2)]).toEqual(['7000.00', '1000.00', '6000.00']);
  });
});
