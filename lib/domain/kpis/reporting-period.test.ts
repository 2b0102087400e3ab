import { describe, expect, it } from 'vitest';
import { customPeriod, LAST_90_DAYS, presetPeriod, previousPeriod, seriesMonths } from './reporting-period.ts';

const day = (d: Date) => d.toISOString().slice(0, 10);
const shown = (p: { from: Date; to: Date } | null) => (p ? [day(p.from), day(p.to)] : null);

describe('presetPeriod', () => {
  it.each([
    ['2026-11', ['2026-11-01', '2026-12-01']],
    ['2026-12', ['2026-12-01', '2027-01-01']],
    ['2026-Q1', ['2026-01-01', '2026-04-01']],
    ['2026-Q4', ['2026-10-01', '2027-01-01']],
    ['2025', ['2025-01-01', '2026-01-01']],
    [LAST_90_DAYS, ['2026-09-06', '2026-12-05']],
    ['2026-13', null],
    ['2026-Q5', null],
    ['soon', null],
  ])('%s → %j (today 2026-12-04)', (preset, expected) => {
    expect(shown(presetPeriod(preset, '2026-12-04'))).toEqual(expected);
  });
});

describe('customPeriod', () => {
  it('includes both days typed', () => expect(shown(customPeriod('2026-01-01', '2026-03-31'))).toEqual(['2026-01-01', '2026-04-01']));
  it('refuses an inverted or invalid range', () => {
    expect(customPeriod('2026-03-01', '2026-02-28')).toBeNull();
    expect(customPeriod('2026-02-30', '2026-03-01')).toBeNull();
  });
});

describe('previousPeriod', () => {
  it.each([
    [['2026-11-01', '2026-12-01'], ['2026-10-01', '2026-11-01']],
    [['2026-03-01', '2026-04-01'], ['2026-02-01', '2026-03-01']],
    [['2026-10-01', '2027-01-01'], ['2026-07-01', '2026-10-01']],
    [['2026-01-01', '2027-01-01'], ['2025-01-01', '2026-01-01']],
    [['2026-09-06', '2026-12-05'], ['2026-06-08', '2026-09-06']],
  ])('%j → %j', ([from, to], expected) => {
    expect(shown(previousPeriod({ from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) }))).toEqual(expected);
  });
});

describe('seriesMonths', () => {
  it('gives the months ending with the one holding the last day, the last cut at `to`', () => {
    const months = seriesMonths(new Date('2026-12-05T00:00:00Z'), 3);
    expect(months.map((m) => [m.month, ...shown(m.period)!])).toEqual([
      ['2026-10', '2026-10-01', '2026-11-01'],
      ['2026-11', '2026-11-01', '2026-12-01'],
      ['2026-12', '2026-12-01', '2026-12-05'],
    ]);
  });
  it('ends on a whole month when `to` is a first of the month', () => {
    expect(seriesMonths(new Date('2026-04-01T00:00:00Z'), 3).map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
  });
  it('refuses no months and a `to` that is not a midnight', () => {
    expect(() => seriesMonths(new Date('2026-04-01T00:00:00Z'), 0)).toThrow(RangeError);
    expect(() => seriesMonths(new Date('2026-04-01T10:00:00Z'), 3)).toThrow(RangeError);
  });
});
