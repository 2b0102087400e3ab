import { describe, expect, it } from 'vitest';
import { overageRevenue, retainerFeeRevenue, retainerTargets, retainerTermsFor, type RetainerFacts, type RetainerProration } from './retainer.ts';

describe('retainerFeeRevenue', () => {
  it.each<[string, string, string, string, RetainerProration, string]>([
    ['daily: half of March', '2026-03', '2026-03-15', '3100', 'DAILY', '1500'],
    ['daily: a third of April (thirds round half-up)', '2026-04', '2026-04-10', '100', 'DAILY', '33.33'],
    ['daily: two thirds of April', '2026-04', '2026-04-20', '100', 'DAILY', '66.67'],
    ['daily: leap February', '2024-02', '2024-02-15', '2900', 'DAILY', '1500'],
    ['daily: month end is the whole fee', '2026-04', '2026-04-30', '100', 'DAILY', '100'],
    ['daily: after the month, the whole fee', '2026-04', '2026-06-01', '100', 'DAILY', '100'],
    ['daily: before the month, nothing', '2026-04', '2026-03-31', '100', 'DAILY', '0'],
    ['monthly: the whole fee once the month has begun', '2026-03', '2026-03-01', '3100', 'MONTHLY', '3100'],
    ['monthly: before the month, nothing', '2026-03', '2026-02-28', '3100', 'MONTHLY', '0'],
  ])('%s', (_name, month, asOf, monthlyFee, proration, expected) => {
    expect(retainerFeeRevenue({ month, asOf, monthlyFee, currency: 'USD', proration }).toFixed()).toBe(expected);
  });

  it('rounds to whole yen (100,000 × 10 ÷ 31 = 32,258.06…)', () => {
    expect(retainerFeeRevenue({ month: '2026-03', asOf: '2026-03-10', monthlyFee: '100000', currency: 'JPY', proration: 'DAILY' }).toFixed()).toBe('32258');
  });
});

describe('overageRevenue', () => {
  it.each([
    ['within the included units', '80', '100', '12.5', 'USD', '0'],
    ['exactly the included units', '100', '100', '12.5', 'USD', '0'],
    ['20 units above at 12.50', '120', '100', '12.5', 'USD', '250'],
    ['a half cent rounds up', '101', '100', '0.125', 'USD', '0.13'],
    ['fractional units', '100.5', '100', '9.99', 'USD', '5'], // 4.995 → 5.00
    ['yen', '103', '100', '333.5', 'JPY', '1001'], // 1000.5 → 1001
  ])('%s', (_name, units, includedUnits, overageRate, currency, expected) => {
    expect(overageRevenue({ units, includedUnits, overageRate, currency }).toFixed()).toBe(expected);
  });
});

describe('retainerTermsFor', () => {
  const terms = {
    startMonth: '2026-01',
    months: 12,
    monthlyFee: '5000',
    includedUnits: '100',
    overageRate: '40',
    changes: [
      { fromMonth: '2026-07', monthlyFee: '6000', includedUnits: '150' },
      { fromMonth: '2026-04', overageRate: '45' },
    ],
  };
  it.each([
    ['2025-12', false, '5000', '100', '40'],
    ['2026-01', true, '5000', '100', '40'],
    ['2026-04', true, '5000', '100', '45'],
    ['2026-07', true, '6000', '150', '45'],
    ['2026-12', true, '6000', '150', '45'],
    ['2027-01', false, '6000', '150', '45'],
  ])('%s', (month, inTerm, fee, included, rate) => {
    const t = retainerTermsFor(terms, month);
    expect([t.inTerm, t.monthlyFee.toFixed(), t.includedUnits.toFixed(), t.overageRate.toFixed()]).toEqual([inTerm, fee, included, rate]);
  });

  it('a change order can end the term early', () => {
    const shortened = { ...terms, changes: [{ fromMonth: '2026-06', months: 6 }] };
    expect(retainerTermsFor(shortened, '2026-06').inTerm).toBe(true);
    expect(retainerTermsFor(shortened, '2026-07').inTerm).toBe(false);
  });
});

describe('retainerTargets', () => {
  const retainer: RetainerFacts = {
    terms: { startMonth: '2026-01', months: 3, monthlyFee: '3100', includedUnits: '100', overageRate: '10' },
    usage: [
      { id: 'u-1', period: '2026-02', units: '70', recordedOn: '2026-02-15' },
      { id: 'u-2', period: '2026-02', units: '45', recordedOn: '2026-03-02' }, // February's usage, reported in March
      { id: 'u-3', period: '2026-03', units: '130', recordedOn: '2026-03-20' }, // not known on March 15
      { id: 'u-4', period: '2026-05', units: '10', recordedOn: '2026-03-01' }, // a month not begun
    ],
  };
  const view = (r: ReturnType<typeof retainerTargets>) => r.targets.map((t) => [`${t.unit.type}:${t.unit.ref}`, t.amount.toFixed(), t.period, t.eligibleOn]);

  it('fee daily through asOf, overage in the usage month', () => {
    expect(view(retainerTargets({ asOf: '2026-03-15', currency: 'USD', retainer }))).toEqual([
      ['FEE:2026-01', '3100', '2026-01', '2026-01-31'],
      ['FEE:2026-02', '3100', '2026-02', '2026-02-28'],
      ['FEE:2026-03', '1500', '2026-03', '2026-03-15'],
      ['OVERAGE:2026-02', '150', '2026-02', '2026-02-15'], // 115 − 100 = 15 × 10
    ]);
  });

  it('monthly: the running month in full', () => {
    const result = retainerTargets({ asOf: '2026-03-15', currency: 'USD', retainer: { ...retainer, proration: 'MONTHLY' } });
    expect(view(result).find(([unit]) => unit === 'FEE:2026-03')).toEqual(['FEE:2026-03', '3100', '2026-03', '2026-03-15']);
  });

  it('usage outside the term is flagged, not priced; months after the term earn no fee', () => {
    const later = { ...retainer, usage: [{ id: 'u-9', period: '2026-04', units: '500', recordedOn: '2026-04-30' }] };
    const result = retainerTargets({ asOf: '2026-04-30', currency: 'USD', retainer: later });
    expect(result.flags.map((f) => f.code)).toEqual(['USAGE_OUTSIDE_TERM']);
    expect(view(result).map(([unit]) => unit)).toEqual(['FEE:2026-01', 'FEE:2026-02', 'FEE:2026-03', 'FEE:2026-04']);
    expect(result.targets.at(-1)!.withdrawn).toEqual({ on: '2026-04-30' });
  });
});
