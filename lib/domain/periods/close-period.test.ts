import { describe, expect, it } from 'vitest';
import { closePeriod } from './close-period.ts';
import type { AccountingPeriodInput } from './posting-period.ts';

const periods: AccountingPeriodInput[] = [
  { period: '2026-01', status: 'CLOSED' },
  { period: '2026-02', status: 'OPEN' },
  { period: '2026-03', status: 'OPEN' },
  { period: '2026-04', status: 'OPEN' },
];

describe('closePeriod closes in order', () => {
  it.each([
    { name: 'the earliest open month after its end', period: '2026-02', asOf: '2026-03-01', expected: { ok: true, period: '2026-02' } },
    { name: 'not on its last day', period: '2026-02', asOf: '2026-02-28', expected: { ok: false, code: 'PERIOD_NOT_ENDED', period: '2026-02', endsOn: '2026-02-28' } },
    {
      name: 'not while an earlier month is open',
      period: '2026-04',
      asOf: '2026-06-01',
      expected: { ok: false, code: 'EARLIER_PERIOD_OPEN', period: '2026-04', earlierOpen: ['2026-02', '2026-03'] },
    },
    { name: 'a closed month again', period: '2026-01', asOf: '2026-06-01', expected: { ok: false, code: 'ALREADY_CLOSED', period: '2026-01' } },
    { name: 'an unknown month', period: '2025-12', asOf: '2026-06-01', expected: { ok: false, code: 'PERIOD_NOT_FOUND', period: '2025-12' } },
  ])('$name', ({ period, asOf, expected }) => {
    expect(closePeriod({ period, periods, asOf })).toEqual(expected);
  });

  it('closing month by month rolls the books forward', () => {
    let books = periods;
    for (const month of ['2026-02', '2026-03', '2026-04']) {
      expect(closePeriod({ period: month, periods: books, asOf: '2026-05-02' })).toEqual({ ok: true, period: month });
      books = books.map((p) => (p.period === month ? { ...p, status: 'CLOSED' as const } : p));
    }
    expect(books.every((p) => p.status === 'CLOSED')).toBe(true);
  });
});
