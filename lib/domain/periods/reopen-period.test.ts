import { describe, expect, it } from 'vitest';
import type { AccountingPeriodInput } from './posting-period.ts';
import { reopenPeriod } from './reopen-period.ts';

const periods: AccountingPeriodInput[] = [
  { period: '2026-01', status: 'CLOSED' },
  { period: '2026-02', status: 'CLOSED' },
  { period: '2026-03', status: 'CLOSED' },
  { period: '2026-04', status: 'OPEN' },
];

describe('reopenPeriod reopens the latest closed month only', () => {
  it.each([
    { name: 'the latest closed month', period: '2026-03', reason: 'Late vendor credit', expected: { ok: true, period: '2026-03', reason: 'Late vendor credit' } },
    { name: 'the reason is trimmed', period: '2026-03', reason: '  audit adjustment \n', expected: { ok: true, period: '2026-03', reason: 'audit adjustment' } },
    {
      name: 'not a month with later closed months',
      period: '2026-01',
      reason: 'x',
      expected: { ok: false, code: 'NOT_LATEST_CLOSED', period: '2026-01', laterClosed: ['2026-02', '2026-03'] },
    },
    { name: 'an open month is already open', period: '2026-04', reason: 'x', expected: { ok: false, code: 'ALREADY_OPEN', period: '2026-04' } },
    { name: 'an unknown month', period: '2025-12', reason: 'x', expected: { ok: false, code: 'PERIOD_NOT_FOUND', period: '2025-12' } },
    { name: 'an empty reason', period: '2026-03', reason: '', expected: { ok: false, code: 'REASON_REQUIRED', period: '2026-03' } },
    { name: 'a blank reason', period: '2026-03', reason: '   ', expected: { ok: false, code: 'REASON_REQUIRED', period: '2026-03' } },
  ])('$name', ({ period, reason, expected }) => {
    expect(reopenPeriod({ period, periods, reason })).toEqual(expected);
  });

  it('reopening month by month walks the books back', () => {
    let books = periods;
    for (const month of ['2026-03', '2026-02', '2026-01']) {
      expect(reopenPeriod({ period: month, periods: books, reason: 'restatement' })).toMatchObject({ ok: true });
      books = books.map((p) => (p.period === month ? { ...p, status: 'OPEN' as const } : p));
    }
    expect(books.every((p) => p.status === 'OPEN')).toBe(true);
  });
});
