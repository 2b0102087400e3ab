import { describe, expect, it } from 'vitest';
import { fxLookupFrom } from './load-fx-lookup.ts';

const rates = [
  { baseCurrency: 'GBP', quoteCurrency: 'USD', rateDate: '2026-04-01', rate: '1.35' },
  { baseCurrency: 'GBP', quoteCurrency: 'USD', rateDate: '2026-05-01', rate: '1.34' },
  { baseCurrency: 'EUR', quoteCurrency: 'USD', rateDate: '2026-04-01', rate: '1.17' },
];

describe('fxLookupFrom', () => {
  const fx = fxLookupFrom(rates);
  const rate = (from: string, to: string, date: string) => fx({ from, to, date })?.toString() ?? null;

  it('uses the rate of the date or the latest earlier one, never a later one', () => {
    expect(rate('GBP', 'USD', '2026-04-15')).toBe('1.35');
    expect(rate('GBP', 'USD', '2026-05-01')).toBe('1.34');
    expect(rate('GBP', 'USD', '2026-03-31')).toBeNull();
  });

  it('inverts a pair stored the other way and crosses through USD', () => {
    expect(rate('USD', 'EUR', '2026-04-02')).toBe('0.8547008547008547008547008547008547008547');
    expect(rate('GBP', 'EUR', '2026-04-02')).toBe('1.153846153846153846153846153846153846154');
    expect(rate('GBP', 'GBP', '2026-01-01')).toBe('1');
    expect(rate('INR', 'EUR', '2026-04-02')).toBeNull();
  });
});
