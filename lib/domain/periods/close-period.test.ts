import { describe, expect, it } from 'vitest';
import { closePeriod, type PendingInvoice } from './close-period.ts';
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

  const draft = (id: string, engagementCode: string): PendingInvoice => ({ id, status: 'DRAFT', engagementCode });
  const awaiting = (id: string, engagementCode: string): PendingInvoice => ({ id, status: 'AWAITING_TAX', engagementCode });

  it.each([
    {
      name: 'invoices waiting for tax and drafts hold the close, each listed, by engagement',
      pending: [draft('d2', 'ENG-B'), awaiting('t1', 'ENG-Z'), draft('d1', 'ENG-A'), awaiting('t0', 'ENG-A')],
      expected: { ok: false, code: 'PENDING_INVOICES', period: '2026-02', awaitingTax: [awaiting('t0', 'ENG-A'), awaiting('t1', 'ENG-Z')], drafts: [draft('d1', 'ENG-A'), draft('d2', 'ENG-B')] },
    },
    { name: 'one draft is enough', pending: [draft('d1', 'ENG-A')], expected: { ok: false, code: 'PENDING_INVOICES', period: '2026-02', awaitingTax: [], drafts: [draft('d1', 'ENG-A')] } },
    { name: 'nothing pending closes', pending: [], expected: { ok: true, period: '2026-02' } },
  ])('$name', ({ pending, expected }) => {
    expect(closePeriod({ period: '2026-02', periods, asOf: '2026-03-01', pendingInvoices: pending })).toEqual(expected);
  });

  it('the order rule is told before pending invoices (fix the earlier month first)', () => {
    expect(closePeriod({ period: '2026-03', periods, asOf: '2026-04-01', pendingInvoices: [draft('d1', 'ENG-A')] })).toMatchObject({ code: 'EARLIER_PERIOD_OPEN' });
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
