import { describe, expect, it } from 'vitest';
import type { FxLookup } from './convert-currency.ts';
import { priceTimeEntry } from './price-time-entry.ts';
import { resolveCostRate, type CostRateInput } from './resolve-cost-rate.ts';
import type { RateCardLineInput } from './resolve-rate.ts';

const standardLines: RateCardLineInput[] = [
  { rateCardLineId: 'std-sc', role: 'SENIOR_CONSULTANT', currency: 'USD', rate: '133.333333', effectiveFrom: '2026-01-01', effectiveTo: null },
];
const costHistory: CostRateInput[] = [
  { effectiveFrom: '2025-01-01', costRate: '80', currency: 'GBP' },
  { effectiveFrom: '2026-04-01', costRate: '85.5', currency: 'GBP' },
];
const fx: FxLookup = ({ from, to, date }) => (from === 'GBP' && to === 'USD' ? (date < '2026-04-01' ? '1.25' : '1.3') : null);

describe('resolveCostRate', () => {
  it.each([
    { workDate: '2026-03-31', expected: { costRate: '100', sourceCostRate: '80', fxRate: '1.25', effectiveFrom: '2025-01-01' } },
    { workDate: '2026-04-01', expected: { costRate: '111.15', sourceCostRate: '85.5', fxRate: '1.3', effectiveFrom: '2026-04-01' } },
  ])('in effect on $workDate, converted GBP → USD', ({ workDate, expected }) => {
    expect(resolveCostRate({ workDate, history: costHistory, currency: 'USD', fx })).toMatchObject({ ok: true, currency: 'USD', sourceCurrency: 'GBP', ...expected });
  });

  it('same currency: no conversion', () => {
    expect(resolveCostRate({ workDate: '2026-05-01', history: costHistory, currency: 'GBP', fx })).toMatchObject({ ok: true, costRate: '85.5', fxRate: null });
  });

  it.each([
    { name: 'before the first rate', workDate: '2024-12-31', currency: 'USD', expected: { ok: false, code: 'COST_RATE_MISSING', workDate: '2024-12-31' } },
    { name: 'without an FX rate', workDate: '2026-05-01', currency: 'INR', expected: { ok: false, code: 'FX_RATE_MISSING', workDate: '2026-05-01', from: 'GBP', to: 'INR' } },
  ])('$name', ({ workDate, currency, expected }) => {
    expect(resolveCostRate({ workDate, history: costHistory, currency, fx })).toEqual(expected);
  });
});

describe('priceTimeEntry', () => {
  const base = { role: 'SENIOR_CONSULTANT', workDate: '2026-03-30', currency: 'USD', contractLines: [], standardLines, costHistory, fx };

  it('keeps hours × rate unrounded (7.5 h × 133.333333 = 999.9999975)', () => {
    expect(priceTimeEntry({ ...base, hours: '7.5', billable: true })).toMatchObject({ amount: '999.9999975', cost: '750', billRate: { ok: true, rate: '133.333333' } });
  });

  it('costs non-billable time but never prices it', () => {
    expect(priceTimeEntry({ ...base, hours: '8', billable: false })).toMatchObject({ billRate: null, amount: null, cost: '800' });
  });

  it('a missing rate leaves the amount empty and says why', () => {
    const priced = priceTimeEntry({ ...base, role: 'PARTNER', hours: '2', billable: true });
    expect(priced.amount).toBeNull();
    expect(priced.billRate).toMatchObject({ ok: false, code: 'RATE_CARD_MISSING' });
  });
});
