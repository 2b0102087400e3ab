import { describe, expect, it } from 'vitest';
import { normaliseSequence } from './normalise-sequence.ts';

describe('normaliseSequence', () => {
  it.each<[unknown, string]>([
    [1, '1'],
    [42, '42'],
    ['42', '42'],
    ['0007', '7'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    ['9007199254740993', '9007199254740993'], // past 2^53 as a string: exact
    ['9223372036854775807', '9223372036854775807'], // 2^63−1
  ])('accepts %j as %s', (input, expected) => {
    expect(normaliseSequence(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[unknown, RegExp]>([
    [0, /positive whole number/],
    ['0', /positive whole number/],
    ['000', /positive whole number/],
    [-1, /positive whole number/],
    ['-1', /positive whole number/],
    [1.5, /positive whole number/],
    ['1.5', /positive whole number/],
    ['abc', /positive whole number/],
    ['', /positive whole number/],
    [' 1', /positive whole number/],
    ['1e3', /positive whole number/],
    [true, /positive whole number/],
    [[1], /positive whole number/],
    [2 ** 63, /above 2\^53 must be sent as a string/],
    [2 ** 53 + 2, /above 2\^53 must be sent as a string/],
    ['9223372036854775808', /at most 9223372036854775807/], // 2^63
    ['99999999999999999999', /at most 9223372036854775807/],
  ])('refuses %j', (input, message) => {
    const result = normaliseSequence(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
