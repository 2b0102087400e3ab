import { describe, expect, it } from 'vitest';
import { billingRunDays, billingRuns, billingRunTime, revenueRunTime } from './finance-calendar.ts';

describe('the demo firm’s finance calendar', () => {
  it.each([
    // March 2026: Sunday 1st (once), Sundays 8, 15, 22, 29, Tuesday 31st.
    ['2026-03', ['2026-03-01', '2026-03-08', '2026-03-15', '2026-03-22', '2026-03-29', '2026-03-31']],
    // February 2026: Sunday 1st … Saturday 28th.
    ['2026-02', ['2026-02-01', '2026-02-08', '2026-02-15', '2026-02-22', '2026-02-28']],
    // May 2026: Friday 1st, Sundays 3 … 31 (the last day is a Sunday: once).
    ['2026-05', ['2026-05-01', '2026-05-03', '2026-05-10', '2026-05-17', '2026-05-24', '2026-05-31']],
  ])('bills %s on the 1st, every Sunday and the last day, each once and in order', (month, days) => {
    expect(billingRunDays(month)).toEqual(days);
  });

  it('runs billing that evening and revenue after it', () => {
    expect(billingRunTime('2026-03-31')).toBe('2026-03-31T18:00:00Z');
    expect(revenueRunTime('2026-03-31')).toBe('2026-03-31T19:00:00Z');
    expect(Date.parse(revenueRunTime('2026-03-31'))).toBeGreaterThan(Date.parse(billingRunTime('2026-03-31')));
  });

  it('bills the firm at once, and the last billed month entity by entity with the outage entity only at month end, during the outage', () => {
    expect(billingRuns('2026-02', { lastBilledMonth: false, legalEntityCodes: ['US01', 'GB01'], taxOutageLegalEntity: 'GB01' })).toEqual(
      ['2026-02-01', '2026-02-08', '2026-02-15', '2026-02-22', '2026-02-28'].map((asOf) => ({ asOf, taxOutage: false })),
    );
    const last = billingRuns('2026-02', { lastBilledMonth: true, legalEntityCodes: ['US01', 'GB01'], taxOutageLegalEntity: 'GB01' });
    expect(last.filter((r) => r.legalEntityCode === 'GB01')).toEqual([{ asOf: '2026-02-28', legalEntityCode: 'GB01', taxOutage: true }]);
    expect(last.filter((r) => r.legalEntityCode === 'US01').map((r) => r.asOf)).toEqual(['2026-02-01', '2026-02-08', '2026-02-15', '2026-02-22', '2026-02-28']);
    expect(last.filter((r) => r.taxOutage)).toHaveLength(1);
    expect(last.map((r) => r.asOf)).toEqual([...last.map((r) => r.asOf)].sort());
  });
});
