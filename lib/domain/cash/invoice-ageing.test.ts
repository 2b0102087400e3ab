import { describe, expect, it } from 'vitest';
import { daysPastDue, dueDateRange, invoiceAgeingBucket, type AgeingBucket } from './invoice-ageing.ts';

const asOf = '2026-06-30';

describe('invoiceAgeingBucket', () => {
  it.each([
    // dueDate, issueDate, balanceDue, bucket
    ['2026-07-15', '2026-06-15', '100.00', 'current'], // not yet due
    ['2026-06-30', '2026-05-31', '100.00', 'current'], // due today is not late
    ['2026-06-29', '2026-05-30', '100.00', '1-30'], // one day late
    ['2026-05-31', '2026-05-01', '0.01', '1-30'], // 30 days late, a cent open
    ['2026-05-30', '2026-04-30', '100.00', '31-60'], // 31 days
    ['2026-05-01', '2026-04-01', '100.00', '31-60'], // 60 days
    ['2026-04-01', '2026-03-01', '100.00', '61-90'], // 90 days
    ['2026-03-31', '2026-03-01', '100.00', '90+'], // 91 days
    [null, '2026-06-01', '100.00', '1-30'], // no terms: due on issue (29 days)
    ['2026-01-01', '2025-12-01', '0.00', null], // settled
    ['2026-01-01', '2025-12-01', '-5.00', null], // over-credited
    [null, null, '100.00', null], // never issued
  ] as const)('due %s issued %s balance %s → %s', (dueDate, issueDate, balanceDue, bucket) => {
    expect(invoiceAgeingBucket({ dueDate, issueDate, balanceDue }, asOf)).toBe(bucket satisfies AgeingBucket | null);
  });

  it('counts whole calendar days across month and year ends', () => {
    expect(daysPastDue('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysPastDue('2028-02-28', '2028-03-01')).toBe(2); // leap day
    expect(daysPastDue('2026-07-01', '2026-06-30')).toBe(-1);
  });
});

describe('dueDateRange', () => {
  it.each([
    ['current', { from: '2026-06-30', to: null }],
    ['1-30', { from: '2026-05-31', to: '2026-06-29' }],
    ['31-60', { from: '2026-05-01', to: '2026-05-30' }],
    ['61-90', { from: '2026-04-01', to: '2026-04-30' }],
    ['90+', { from: null, to: '2026-03-31' }],
  ] as const)('%s on 2026-06-30 → %o', (bucket, range) => {
    expect(dueDateRange(bucket, asOf)).toEqual(range);
  });

  it('every due date of a range lands in its own bucket and the ranges do not overlap', () => {
    for (const bucket of ['current', '1-30', '31-60', '61-90', '90+'] as const) {
      const { from, to } = dueDateRange(bucket, asOf);
      for (const edge of [from, to]) if (edge) expect(invoiceAgeingBucket({ dueDate: edge, issueDate: null, balanceDue: '1' }, asOf)).toBe(bucket);
    }
  });
});
