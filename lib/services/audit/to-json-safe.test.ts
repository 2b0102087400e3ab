import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Prisma } from '../../db/generated/client.ts';
import { toJsonSafe } from './to-json-safe.ts';

describe('toJsonSafe', () => {
  it.each([
    ['a Prisma Decimal keeps every digit', new Prisma.Decimal('12345678901234.5678'), '12345678901234.5678'],
    ['a decimal.js Decimal', new Decimal('0.1'), '0.1'],
    ['a Date becomes ISO 8601', new Date('2026-03-02T10:00:00.123Z'), '2026-03-02T10:00:00.123Z'],
    ['an invalid Date becomes null', new Date('nope'), null],
    ['a bigint becomes a string', 9007199254740993n, '9007199254740993'],
    ['NaN is named, not nulled', Number.NaN, 'NaN'],
    ['undefined at the top is null', undefined, null],
    ['bytes become base64', new Uint8Array([1, 2, 3]), 'AQID'],
    ['plain values stay', 'x', 'x'],
  ])('%s', (_name, input, expected) => {
    expect(toJsonSafe(input)).toEqual(expected);
  });

  it('walks objects, arrays, maps and sets and drops undefined members', () => {
    const input = {
      amount: new Prisma.Decimal('10.50'),
      at: new Date('2026-01-01T00:00:00Z'),
      sequence: 3n,
      skipped: undefined,
      lines: [{ qty: new Decimal('2') }, null],
      tags: new Set(['a']),
      byId: new Map([['k', 1]]),
    };
    expect(toJsonSafe(input)).toEqual({
      amount: '10.5',
      at: '2026-01-01T00:00:00.000Z',
      sequence: '3',
      lines: [{ qty: '2' }, null],
      tags: ['a'],
      byId: { k: 1 },
    });
  });

  it('allows the same object twice but refuses a cycle', () => {
    const shared = { a: 1 };
    expect(toJsonSafe({ x: shared, y: shared })).toEqual({ x: { a: 1 }, y: { a: 1 } });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toJsonSafe(cyclic)).toThrow(TypeError);
  });
});
