import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compareDecimalStrings, decimalString, normaliseDecimal, parseDecimalString, type DecimalStringOptions } from './decimal-string.ts';

describe('parseDecimalString accepts exact decimals and normalises them', () => {
  it.each<[unknown, string]>([
    ['1250.00', '1250'],
    ['0012.50', '12.5'],
    ['-0', '0'],
    ['-0.000', '0'],
    ['-12.340', '-12.34'],
    ['0.000001', '0.000001'],
    ['999999999999999.999999', '999999999999999.999999'],
    [0, '0'],
    [-0, '0'],
    [12.5, '12.5'],
    [0.1, '0.1'],
    [1e3, '1000'],
    [123456789012345, '123456789012345'], // 15 significant digits: exact as a double
    [12345678901.2345, '12345678901.2345'],
    ['123456789012345.6', '123456789012345.6'], // 16 digits are fine as a string
  ])('%j → %s', (input, expected) => {
    expect(parseDecimalString(input)).toEqual({ ok: true, value: expected });
  });
});

describe('parseDecimalString refuses what is not exact or not a decimal', () => {
  it.each<[unknown, RegExp]>([
    [0.1 + 0.2, /more than 15 significant digits.*send it as a string/],
    [12345678901.23456, /more than 15 significant digits.*send it as a string/], // 16 digits
    [123456789012345.6, /more than 15 significant digits/],
    [1234567890123456, /too large: at most 15 digits before the decimal point/],
    [1e20, /too large/],
    [1e21, /too large/],
    [-1e21, /too large/],
    [1e-7, /decimal places/],
    ['12.3456789', /At most 6 decimal places/],
    ['1234567890123456', /At most 15 digits before the decimal point/],
    ['1e3', /Expected a decimal/],
    ['+5', /Expected a decimal/],
    [' 5', /Expected a decimal/],
    ['5.', /Expected a decimal/],
    ['.5', /Expected a decimal/],
    ['1,000.00', /Expected a decimal/],
    ['', /Expected a decimal/],
    ['NaN', /Expected a decimal/],
    [null, /Expected a decimal as a string/],
    [true, /Expected a decimal as a string/],
    [{ amount: 1 }, /Expected a decimal as a string/],
  ])('%j is refused', (input, message) => {
    const result = parseDecimalString(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('parseDecimalString bounds and scale', () => {
  it.each<[unknown, DecimalStringOptions, string | null]>([
    ['0', { positive: true }, 'Must be greater than 0.'],
    ['-0.01', { positive: true }, 'Must be greater than 0.'],
    ['0.01', { positive: true }, null],
    ['-1', { min: '0' }, 'Must be at least 0.'],
    ['0', { min: '0' }, null],
    ['24', { max: '24', maxScale: 2 }, null],
    ['24.01', { max: '24', maxScale: 2 }, 'Must be at most 24.'],
    ['7.125', { maxScale: 2 }, 'At most 2 decimal places.'],
    ['7.500', { maxScale: 2 }, null], // trailing zeros do not count
    ['1.5', { maxScale: 0 }, 'Must be a whole number.'],
    ['1.1234567', { maxScale: 2 }, 'At most 2 decimal places.'],
  ])('%j with %j', (input, options, message) => {
    const result = parseDecimalString(input, options);
    expect(result.ok ? null : result.message).toBe(message);
  });
});

describe('compareDecimalStrings', () => {
  it.each<[string, string, -1 | 0 | 1]>([
    ['1', '2', -1],
    ['10', '9', 1],
    ['1.50', '1.5', 0],
    ['-1', '1', -1],
    ['-10', '-9', -1],
    ['0.001', '0.0009', 1],
    ['-0', '0', 0],
    ['123456789012345.000001', '123456789012345', 1],
  ])('%s vs %s → %d', (a, b, expected) => {
    expect(compareDecimalStrings(a, b)).toBe(expected);
  });

  it('normaliseDecimal refuses non-decimals', () => {
    expect(() => normaliseDecimal('abc')).toThrow();
  });
});

describe('decimalString (zod)', () => {
  const schema = z.object({ amount: decimalString({ positive: true, maxScale: 4 }) });

  it('outputs the normalised string', () => {
    expect(schema.parse({ amount: 99.5 })).toEqual({ amount: '99.5' });
    expect(schema.parse({ amount: '0099.5000' })).toEqual({ amount: '99.5' });
  });

  it.each<[unknown, string]>([
    [undefined, 'Required.'],
    [true, 'Expected a decimal as a string (e.g. "1250.00") or a number.'],
    ['-3', 'Must be greater than 0.'],
    ['1.23456', 'At most 4 decimal places.'],
  ])('%j → %s at /amount', (amount, message) => {
    const issues = schema.safeParse({ amount }).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([[['amount'], message]]);
  });
});
