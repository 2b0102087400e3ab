import { describe, expect, it } from 'vitest';
import { periodOf, postingPeriod, type AccountingPeriodInput } from './posting-period.ts';

const books = (spec: string): AccountingPeriodInput[] =>
  spec.split(' ').map((entry) => {
    const [period = '', status] = entry.split('=');
    return { period, status: status === 'C' ? 'CLOSED' : 'OPEN' };
  });

describe('periodOf', () => {
  it.each([
    ['2026-01-01', '2026-01'],
    ['2026-12-31', '2026-12'],
    ['2024-02-29', '2024-02'],
  ])('%s → %s', (date, expected) => {
    expect(periodOf(date)).toBe(expected);
  });
});

describe('postingPeriod rolls forward from closed months', () => {
  it.each([
    { name: 'open month posts in place', date: '2026-03-15', spec: '2026-02=C 2026-03=O 2026-04=O', expected: { ok: true, period: '2026-03', late: false } },
    {
      name: 'closed month → next open, late',
      date: '2026-02-27',
      spec: '2026-02=C 2026-03=O',
      expected: { ok: true, period: '2026-03', late: true, originalPeriod: '2026-02', code: 'LATE_PERIOD_POSTING' },
    },
    {
      name: 'several closed months are skipped',
      date: '2026-01-31',
      spec: '2026-01=C 2026-02=C 2026-03=C 2026-04=O 2026-05=O',
      expected: { ok: true, period: '2026-04', late: true, originalPeriod: '2026-01', code: 'LATE_PERIOD_POSTING' },
    },
    {
      name: 'across the year end',
      date: '2026-12-31',
      spec: '2027-01=O 2026-12=C 2026-11=C',
      expected: { ok: true, period: '2027-01', late: true, originalPeriod: '2026-12', code: 'LATE_PERIOD_POSTING' },
    },
    {
      name: 'an earlier open month is not a destination',
      date: '2026-05-10',
      spec: '2026-04=O 2026-05=C 2026-06=O',
      expected: { ok: true, period: '2026-06', late: true, originalPeriod: '2026-05', code: 'LATE_PERIOD_POSTING' },
    },
    { name: 'no later open month', date: '2026-05-10', spec: '2026-04=O 2026-05=C', expected: { ok: false, code: 'NO_OPEN_PERIOD', originalPeriod: '2026-05' } },
    { name: 'month not in the books', date: '2026-07-01', spec: '2026-05=O 2026-06=O', expected: { ok: false, code: 'PERIOD_NOT_FOUND', originalPeriod: '2026-07' } },
  ])('$name', ({ date, spec, expected }) => {
    expect(postingPeriod(date, books(spec))).toEqual(expected);
  });
});
