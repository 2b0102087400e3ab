import { describe, expect, it } from 'vitest';
import { addBusinessDays, countBusinessDays, holidaySet, isBusinessDay } from './business-days.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('addBusinessDays (2026-03-02 is a Monday)', () => {
  it.each<[string, number, string[], string]>([
    ['2026-03-02T15:30:00Z', 2, [], '2026-03-04'], // Mon → Wed
    ['2026-03-05T09:00:00Z', 2, [], '2026-03-09'], // Thu → Mon
    ['2026-03-06T23:59:00Z', 2, [], '2026-03-10'], // Fri → Tue
    ['2026-03-07T10:00:00Z', 2, [], '2026-03-10'], // Sat → Tue
    ['2026-03-08T10:00:00Z', 2, [], '2026-03-10'], // Sun → Tue
    ['2026-03-06T10:00:00Z', 2, ['2026-03-09'], '2026-03-11'], // Fri, Monday holiday → Wed
    ['2026-12-24T10:00:00Z', 2, ['2026-12-25', '2026-12-28'], '2026-12-30'], // Thu; Fri and Mon off
    ['2026-03-04T10:00:00Z', 0, [], '2026-03-04'],
  ])('%s + %i business days (holidays %j) → %s', (start, count, holidays, expected) => {
    expect(addBusinessDays(new Date(start), count, holidaySet(holidays)).toISOString().slice(0, 10)).toBe(expected);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addBusinessDays(d('2026-03-02'), -1, holidaySet([]))).toThrow(RangeError);
    expect(() => addBusinessDays(d('2026-03-02'), 1.5, holidaySet([]))).toThrow(RangeError);
  });
});

describe('countBusinessDays', () => {
  it.each<[string, string, string[], number]>([
    ['2026-03-01', '2026-04-01', [], 22], // March 2026
    ['2026-03-01', '2026-04-01', ['2026-03-17'], 21],
    ['2026-03-07', '2026-03-09', [], 0], // a weekend
    ['2026-03-02', '2026-03-02', [], 0],
  ])('[%s, %s) holidays %j → %i', (from, to, holidays, expected) => {
    expect(countBusinessDays(d(from), d(to), holidaySet(holidays))).toBe(expected);
  });

  it('a holiday on a weekend changes nothing', () => {
    expect(isBusinessDay(d('2026-03-07'), holidaySet(['2026-03-07']))).toBe(false);
  });
});
