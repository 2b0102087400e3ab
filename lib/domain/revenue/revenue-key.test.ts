import { describe, expect, it } from 'vitest';
import { parseRevenueKey, revenueKey } from './revenue-key.ts';

describe('revenue keys', () => {
  it.each([
    [{ engagementId: 'eng-1', unit: { type: 'POC' as const, ref: '2026-03' }, sequence: 1 }, 'eng-1:POC:2026-03:1'],
    [{ engagementId: 'eng-1', unit: { type: 'TIME' as const, ref: 'a7f3e0c2-0d1e-4bb1-9e55-3b1f0d2c4e11' }, sequence: 3 }, 'eng-1:TIME:a7f3e0c2-0d1e-4bb1-9e55-3b1f0d2c4e11:3'],
    [{ engagementId: 'eng-1', unit: { type: 'OVERAGE' as const, ref: '2026-02' }, sequence: 12 }, 'eng-1:OVERAGE:2026-02:12'],
  ])('%o ↔ %s', (parts, key) => {
    expect(revenueKey(parts)).toBe(key);
    expect(parseRevenueKey(key)).toEqual(parts);
  });

  it.each(['RECOGNITION:2026-03', 'eng-1:POC:2026-03:0', 'eng-1:POC:2026-03:01', 'eng-1:BONUS:2026-03:1', 'eng-1:POC::1', 'a:b:POC:2026-03:1'])('%s is not a revenue key', (key) => {
    expect(parseRevenueKey(key)).toBeNull();
  });

  it('refuses parts that would make the key ambiguous', () => {
    expect(() => revenueKey({ engagementId: 'a:b', unit: { type: 'POC', ref: '2026-03' }, sequence: 1 })).toThrow(RangeError);
    expect(() => revenueKey({ engagementId: 'eng-1', unit: { type: 'POC', ref: '2026-03' }, sequence: 0 })).toThrow(RangeError);
  });
});
