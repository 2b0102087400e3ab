import { describe, expect, it } from 'vitest';
import { calculate } from './calculate.ts';
import type { CalculateRequest } from './protocol.ts';

type Overrides = Partial<Omit<CalculateRequest, 'seller' | 'buyer'>> & { seller?: Partial<CalculateRequest['seller']>; buyer?: Partial<CalculateRequest['buyer']> };

function request(overrides: Overrides = {}): CalculateRequest {
  const { seller, buyer, ...rest } = overrides;
  return {
    documentId: 'inv-1',
    currency: 'USD',
    issueDate: '2026-03-31',
    lines: [{ lineId: 'l1', amount: '1000.00', sku: 'ADV-SENIOR' }],
    ...rest,
    seller: { legalEntityCode: 'US01', country: 'US', ...seller },
    buyer: { nexus: 'US-NY', exempt: false, ...buyer },
  };
}

const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a problem');
};

describe('the rate table', () => {
  it.each([
    ['US-NY', 'US', 'USD', '0', '0.00', 'US-NY-STD'],
    ['US-CA', 'US', 'USD', '0', '0.00', 'US-CA-STD'],
    ['US-TX', 'US', 'USD', '0', '0.00', 'US-TX-STD'],
    ['US-HI', 'US', 'USD', '0.04', '40.00', 'US-HI-STD'],
    ['US-NM', 'US', 'USD', '0.04875', '48.75', 'US-NM-STD'],
    ['GB', 'GB', 'GBP', '0.2', '200.00', 'GB-VAT-STD'],
    ['DE', 'DE', 'EUR', '0.19', '190.00', 'DE-UST-STD'],
    ['IN', 'IN', 'INR', '0.18', '180.00', 'IN-GST-STD'],
  ])('%s taxes 1000.00 of services at %s', (nexus, country, currency, rate, tax, taxCode) => {
    const result = calculate(request({ currency, seller: { country }, buyer: { nexus } }));
    expect(result.lines).toEqual([{ lineId: 'l1', taxableAmount: '1000.00', rate, taxAmount: tax, jurisdiction: nexus, taxCode }]);
    expect(result.totalTax).toBe(tax);
    expect(result).toMatchObject({ documentId: 'inv-1', currency });
  });

  it('charges reverse charge / zero rating when a GB, DE or IN seller sells abroad', () => {
    expect(calculate(request({ currency: 'GBP', seller: { legalEntityCode: 'GB01', country: 'GB' }, buyer: { nexus: 'DE' } })).lines[0]).toMatchObject({ taxCode: 'GB-VAT-RC', jurisdiction: 'GB', rate: '0', taxAmount: '0.00' });
    expect(calculate(request({ currency: 'EUR', seller: { legalEntityCode: 'DE01', country: 'DE' }, buyer: { nexus: 'GB' } })).lines[0]).toMatchObject({ taxCode: 'DE-UST-RC', taxAmount: '0.00' });
    expect(calculate(request({ currency: 'INR', seller: { legalEntityCode: 'IN01', country: 'IN' }, buyer: { nexus: 'US-HI' } })).lines[0]).toMatchObject({ taxCode: 'IN-GST-ZR', jurisdiction: 'IN', taxAmount: '0.00' });
  });

  it('uses the rule in force on the issue date', () => {
    expect(problem(() => calculate(request({ issueDate: '2023-06-30', buyer: { nexus: 'US-NM' } })))).toMatchObject({ status: 422, code: 'NO_RATE_IN_EFFECT' });
    expect(calculate(request({ issueDate: '2023-07-01', buyer: { nexus: 'US-NM' } })).totalTax).toBe('48.75');
  });
});

describe('rounding', () => {
  it.each([
    // amount, nexus, exact tax, rounded half-up (half-even would differ on the .5 cases)
    ['0.25', 'IN', '0.045', '0.05'],
    ['0.75', 'IN', '0.135', '0.14'],
    ['10.00', 'US-NM', '0.4875', '0.49'],
    ['1.20', 'US-NM', '0.0585', '0.06'],
    ['12.38', 'US-HI', '0.4952', '0.50'],
    ['0.50', 'DE', '0.095', '0.10'],
    ['-0.25', 'IN', '-0.045', '-0.05'],
  ])('%s in %s: %s is %s', (amount, nexus, _exact, rounded) => {
    const country = nexus.startsWith('US') ? 'US' : nexus;
    expect(calculate(request({ seller: { country }, buyer: { nexus }, lines: [{ lineId: 'l', amount, sku: 'X' }] })).lines[0]!.taxAmount).toBe(rounded);
  });

  it('rounds each line, then adds the rounded lines', () => {
    const lines = ['a', 'b', 'c'].map((lineId) => ({ lineId, amount: '0.25', sku: 'ADV-ANALYST' }));
    const result = calculate(request({ currency: 'INR', seller: { country: 'IN' }, buyer: { nexus: 'IN' }, lines }));
    expect(result.lines.map((l) => l.taxAmount)).toEqual(['0.05', '0.05', '0.05']);
    expect(result.totalTax).toBe('0.15'); // a rounded sum would be 0.14 (0.135)
  });

  it("rounds at the currency's minor unit", () => {
    const result = calculate(request({ currency: 'JPY', seller: { country: 'GB' }, buyer: { nexus: 'GB' }, lines: [{ lineId: 'l', amount: '1003', sku: 'X' }] }));
    expect(result.lines[0]).toMatchObject({ taxableAmount: '1003', taxAmount: '201' });
  });

  it('refuses amounts finer than the minor unit and unknown currencies', () => {
    expect(problem(() => calculate(request({ lines: [{ lineId: 'l', amount: '1.005', sku: 'X' }] })))).toMatchObject({ status: 422, code: 'AMOUNT_PRECISION' });
    expect(problem(() => calculate(request({ currency: 'XXX' })))).toMatchObject({ status: 422, code: 'UNSUPPORTED_CURRENCY' });
  });

  it('never answers negative zero', () => {
    expect(calculate(request({ lines: [{ lineId: 'l', amount: '-100.00', sku: 'X' }] })).lines[0]).toMatchObject({ taxAmount: '0.00', taxableAmount: '-100.00' });
  });
});

describe('exempt buyers', () => {
  it.each(['US-HI', 'GB', 'DE', 'IN'])('pay no tax in %s, under the exempt code', (nexus) => {
    const country = nexus.startsWith('US') ? 'US' : nexus;
    const result = calculate(request({ seller: { country }, buyer: { nexus, exempt: true } }));
    expect(result.lines[0]).toMatchObject({ taxableAmount: '0.00', rate: '0', taxAmount: '0.00', jurisdiction: nexus, taxCode: `${nexus === 'GB' ? 'GB-VAT' : nexus === 'DE' ? 'DE-UST' : nexus === 'IN' ? 'IN-GST' : nexus}-EXEMPT` });
    expect(result.totalTax).toBe('0.00');
  });
});

describe('unknown jurisdictions', () => {
  it.each(['US-WA', 'FR', 'us-ny', ''])('%j is a 422 naming the jurisdiction', (nexus) => {
    expect(problem(() => calculate(request({ buyer: { nexus } })))).toMatchObject({ status: 422, code: 'UNKNOWN_JURISDICTION', extra: { jurisdiction: nexus } });
  });

  it('is a problem+json body', () => {
    const error = problem(() => calculate(request({ buyer: { nexus: 'FR' } }))) as { toJSON(): unknown };
    expect(error.toJSON()).toEqual({
      type: 'https://tax-engine.invalid/problems/unknown-jurisdiction',
      title: 'Unknown tax jurisdiction',
      status: 422,
      code: 'UNKNOWN_JURISDICTION',
      detail: expect.stringContaining('FR'),
      jurisdiction: 'FR',
    });
  });
});
