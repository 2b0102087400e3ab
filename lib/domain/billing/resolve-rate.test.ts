import { describe, expect, it } from 'vitest';
import { resolveBillRate, type RateCardLineInput } from './resolve-rate.ts';

const line = (id: string, role: string, rate: string, from: string, to: string | null = null, currency = 'USD'): RateCardLineInput => ({
  rateCardLineId: id,
  role,
  currency,
  rate,
  effectiveFrom: from,
  effectiveTo: to,
  sku: `ADV-${role}`,
});

const contractLines = [line('c-sc-1', 'SENIOR_CONSULTANT', '180', '2026-01-01', '2026-06-30'), line('c-sc-2', 'SENIOR_CONSULTANT', '190', '2026-07-01')];
const standardLines = [
  line('s-sc', 'SENIOR_CONSULTANT', '250', '2025-01-01'),
  line('s-an-old', 'ANALYST', '120', '2025-01-01', '2025-12-31'),
  line('s-an', 'ANALYST', '125.50', '2026-01-01'),
  line('s-an-gbp', 'ANALYST', '99', '2025-01-01', null, 'GBP'),
  line('s-pa', 'PARTNER', '400', '2026-01-01'),
  line('s-pa-raise', 'PARTNER', '425', '2026-04-01'), // overlaps the open-ended line: the later start wins
];

describe('resolveBillRate: contract first, then standard, by work date', () => {
  it.each([
    { role: 'SENIOR_CONSULTANT', workDate: '2026-06-30', expected: { rate: '180', source: 'CONTRACT', rateCardLineId: 'c-sc-1' } },
    { role: 'SENIOR_CONSULTANT', workDate: '2026-07-01', expected: { rate: '190', source: 'CONTRACT', rateCardLineId: 'c-sc-2' } },
    // Before the contract rates start, the standard rate applies.
    { role: 'SENIOR_CONSULTANT', workDate: '2025-12-31', expected: { rate: '250', source: 'STANDARD', rateCardLineId: 's-sc' } },
    { role: 'ANALYST', workDate: '2025-12-31', expected: { rate: '120', source: 'STANDARD', rateCardLineId: 's-an-old' } },
    { role: 'ANALYST', workDate: '2026-01-01', expected: { rate: '125.5', source: 'STANDARD', rateCardLineId: 's-an' } },
    { role: 'PARTNER', workDate: '2026-03-31', expected: { rate: '400', source: 'STANDARD', rateCardLineId: 's-pa' } },
    { role: 'PARTNER', workDate: '2026-04-01', expected: { rate: '425', source: 'STANDARD', rateCardLineId: 's-pa-raise' } },
  ])('$role on $workDate', ({ role, workDate, expected }) => {
    expect(resolveBillRate({ role, workDate, currency: 'USD', contractLines, standardLines })).toMatchObject({ ok: true, ...expected });
  });

  it.each([
    { role: 'MANAGER', workDate: '2026-03-02', currency: 'USD' },
    { role: 'PARTNER', workDate: '2025-12-31', currency: 'USD' },
    { role: 'PARTNER', workDate: '2026-03-02', currency: 'EUR' }, // no STD-EUR line for the role
  ])('RATE_CARD_MISSING for $role on $workDate in $currency', ({ role, workDate, currency }) => {
    expect(resolveBillRate({ role, workDate, currency, contractLines, standardLines })).toEqual({ ok: false, code: 'RATE_CARD_MISSING', role, workDate, currency });
  });

  it('uses the standard card of the engagement currency only', () => {
    expect(resolveBillRate({ role: 'ANALYST', workDate: '2026-02-02', currency: 'gbp', contractLines: [], standardLines })).toMatchObject({ ok: true, rate: '99' });
  });

  it('a contract rate in another currency is a mismatch, not a reason to fall back', () => {
    const eurContract = [line('c-eur', 'ANALYST', '110', '2026-01-01', null, 'EUR')];
    expect(resolveBillRate({ role: 'ANALYST', workDate: '2026-02-02', currency: 'USD', contractLines: eurContract, standardLines })).toMatchObject({
      ok: false,
      code: 'CURRENCY_MISMATCH',
      rateCurrency: 'EUR',
    });
  });
});
