import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { sameValue } from './same-value.ts';

describe('sameValue', () => {
  it.each<[string, unknown, unknown, boolean]>([
    ['equal strings', 'Acme', 'Acme', true],
    ['different strings', 'Acme', 'ACME', false],
    ['null and undefined are both "not set"', null, undefined, true],
    ['null and a value', null, 'x', false],
    ['numbers', 30, 30, true],
    ['a number and its string are different values', 30, '30', false],
    ['a decimal by value', new Decimal('95.500000'), '95.5', true],
    ['a decimal that differs', new Decimal('95.5'), '95.6', false],
    ['objects in any key order', { city: 'Austin', line1: '1 Main' }, { line1: '1 Main', city: 'Austin' }, true],
    ['objects with a different member', { city: 'Austin' }, { city: 'Dallas' }, false],
    ['objects with an extra member', { city: 'Austin' }, { city: 'Austin', zip: '78701' }, false],
    ['arrays in order', ['a', 'b'], ['a', 'b'], true],
    ['arrays out of order', ['a', 'b'], ['b', 'a'], false],
    ['an object and an array', {}, [], false],
    ['dates by instant', new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00.000Z'), true],
  ])('%s', (_name, a, b, expected) => {
    expect(sameValue(a, b)).toBe(expected);
    expect(sameValue(b, a)).toBe(expected);
  });
});
