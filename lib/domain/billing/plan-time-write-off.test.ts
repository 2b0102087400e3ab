import { describe, expect, it } from 'vitest';
import { planTimeWriteOff, type WriteOffTimeEntry } from './plan-time-write-off.ts';

const entry = (id: string, workDate: string, hours: string, rateApplied: string | null, role = 'CONSULTANT', currency = 'GBP'): WriteOffTimeEntry => ({ id, workDate, hours, role, rateApplied, currency });

describe('planTimeWriteOff: the amount billing would have invoiced', () => {
  const cases: { name: string; entries: WriteOffTimeEntry[]; amount: string; hours: string; lines: number; unpriced: string[] }[] = [
    { name: 'nothing', entries: [], amount: '0.00', hours: '0.00', lines: 0, unpriced: [] },
    { name: 'one entry', entries: [entry('a', '2026-03-09', '8', '125')], amount: '1000.00', hours: '8.00', lines: 1, unpriced: [] },
    // Same week, role and rate: one line, rounded once (3 × 1 h × 0.005 = 0.015 → 0.02, not 3 × 0.01).
    { name: 'rounded once per line, not per entry', entries: [entry('a', '2026-03-09', '1', '0.005'), entry('b', '2026-03-10', '1', '0.005'), entry('c', '2026-03-11', '1', '0.005')], amount: '0.02', hours: '3.00', lines: 1, unpriced: [] },
    // Two weeks: two lines, each rounded (0.005 + 0.005 → 0.01 + 0.01).
    { name: 'one line per billing week', entries: [entry('a', '2026-03-09', '0.01', '0.5'), entry('b', '2026-03-16', '0.01', '0.5')], amount: '0.02', hours: '0.02', lines: 2, unpriced: [] },
    { name: 'one line per role and rate', entries: [entry('a', '2026-03-09', '2', '100'), entry('b', '2026-03-09', '2', '150'), entry('c', '2026-03-09', '1', '100', 'PARTNER')], amount: '600.00', hours: '5.00', lines: 3, unpriced: [] },
    { name: 'an entry without a rate is named and adds nothing', entries: [entry('a', '2026-03-09', '8', '125'), entry('b', '2026-03-09', '4', null)], amount: '1000.00', hours: '12.00', lines: 1, unpriced: ['b'] },
    { name: 'an entry priced in another currency is named and adds nothing', entries: [entry('a', '2026-03-09', '8', '125', 'CONSULTANT', 'USD')], amount: '0.00', hours: '8.00', lines: 0, unpriced: ['a'] },
    { name: 'a week not ended yet still counts', entries: [entry('a', '2026-03-13', '1', '99.999')], amount: '100.00', hours: '1.00', lines: 1, unpriced: [] },
  ];
  it.each(cases)('$name', ({ entries, amount, hours, lines, unpriced }) => {
    const plan = planTimeWriteOff({ engagementId: 'e1', currency: 'gbp', entries, asOf: '2026-03-13' });
    expect(plan).toMatchObject({ currency: 'GBP', entries: entries.length, amount, hours });
    expect(plan.lines).toHaveLength(lines);
    expect(plan.unpriced.map((u) => u.id)).toEqual(unpriced);
  });

  it('says which entries each line holds, by week, role and rate', () => {
    const plan = planTimeWriteOff({ engagementId: 'e1', currency: 'GBP', entries: [entry('a', '2026-03-09', '2', '100'), entry('b', '2026-03-10', '3', '100'), entry('c', '2026-03-17', '1', '100')], asOf: '2026-04-01' });
    expect(plan.lines).toEqual([
      { billingPeriodKey: '2026-W11', role: 'CONSULTANT', rate: '100', hours: '5', amount: '500.00', entryIds: ['a', 'b'] },
      { billingPeriodKey: '2026-W12', role: 'CONSULTANT', rate: '100', hours: '1', amount: '100.00', entryIds: ['c'] },
    ]);
  });
});
