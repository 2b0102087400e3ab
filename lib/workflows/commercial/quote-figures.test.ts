import { describe, expect, it } from 'vitest';
import { budgetHours, quoteFigures } from './quote-figures.ts';

const line = (quantity: string, unitPrice: string) => ({ sku: 'X', description: '', quantity, unitPrice });

describe('quoteFigures', () => {
  it.each([
    ['T&M: the priced lines', { billingModel: 'TIME_AND_MATERIALS' as const, lines: [line('10.5', '325'), line('3', '199.995')] }, '4012.49', '4012.49'],
    [
      'fixed fee: the milestones',
      { billingModel: 'FIXED_FEE_MILESTONE' as const, lines: [line('1', '250000')], milestones: [{ ref: 'M1', name: 'a', amount: '100000' }, { ref: 'M2', name: 'b', amount: '150000.5' }] },
      '250000',
      '250000.5',
    ],
    [
      'retainer: monthly fee × months',
      { billingModel: 'RETAINER_WITH_OVERAGE' as const, lines: [line('12', '10000')], retainer: { monthlyFee: '10000', includedUnits: '100', overageRate: '12.5', startMonth: '2026-04', months: 6 } },
      '120000',
      '60000',
    ],
  ])('%s', (_, quote, subtotal, contractValue) => {
    const figures = quoteFigures({ currency: 'USD', ...quote });
    expect(figures.subtotal).toBe(subtotal);
    expect(figures.contractValue).toBe(contractValue);
  });

  it('rounds each line half-up to the minor unit, and keeps 4 places for an unknown currency', () => {
    expect(quoteFigures({ currency: 'JPY', billingModel: 'TIME_AND_MATERIALS', lines: [line('1.5', '100.333')] }).lineAmounts).toEqual(['150']);
    expect(quoteFigures({ currency: 'XYZ', billingModel: 'TIME_AND_MATERIALS', lines: [line('1.5', '100.33333')] }).lineAmounts).toEqual(['150.5']);
  });

  it('budget hours are the hourly quantities, rounded to hundredths', () => {
    expect(budgetHours(['10.125', '5'])).toBe('15.13');
    expect(budgetHours([])).toBeNull();
  });
});
