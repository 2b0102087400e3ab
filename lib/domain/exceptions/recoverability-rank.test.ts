import { describe, expect, it } from 'vitest';
import { recoverabilityRank } from './recoverability-rank.ts';
import { slaDueAt } from './sla.ts';

describe('recoverabilityRank', () => {
  it.each([
    ['DATA_FIX', 0],
    ['DECISION', 0],
    ['TRANSIENT', 1],
    ['PERMANENT', 2],
  ] as const)('%s → %i', (recoverability, rank) => {
    expect(recoverabilityRank(recoverability)).toBe(rank);
  });
});

describe('slaDueAt', () => {
  const seen = new Date('2026-03-31T22:30:00.000Z');
  it.each([
    [0, '2026-03-31T22:30:00.000Z'],
    [4, '2026-04-01T02:30:00.000Z'],
    [24, '2026-04-01T22:30:00.000Z'],
    [72, '2026-04-03T22:30:00.000Z'],
    [0.5, '2026-03-31T23:00:00.000Z'],
  ])('%dh after first seen → %s', (hours, due) => {
    expect(slaDueAt(seen, hours).toISOString()).toBe(due);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d hours', (hours) => {
    expect(() => slaDueAt(seen, hours)).toThrow(RangeError);
  });
});
