import { describe, expect, it } from 'vitest';
import { recognitionLagDays } from './recognition-lag.ts';

describe('recognitionLagDays', () => {
  it.each([
    ['2026-03-31', '2026-03-31', 0],
    ['2026-03-02', '2026-03-31', 29],
    ['2026-01-30', '2026-03-01', 30], // approved in a closed January, recognised in March
    ['2024-02-28', '2024-03-01', 2], // leap day
  ])('eligible %s, recognised %s → %i days', (eligibleOn, recognizedOn, expected) => {
    expect(recognitionLagDays({ eligibleOn, recognizedOn })).toBe(expected);
  });

  it('refuses a recognition before eligibility', () => {
    expect(() => recognitionLagDays({ eligibleOn: '2026-03-02', recognizedOn: '2026-03-01' })).toThrow(RangeError);
  });
});
