import { describe, expect, it } from 'vitest';
import type { Decimal } from '../money/decimal.ts';
import { ageBucket, unapprovedTime, unbilledApprovedTime, type TimeRow } from './unbilled-time.ts';

const asOf = new Date('2026-04-01T00:00:00Z');
const daysAgo = (days: number) => new Date(asOf.getTime() - days * 86_400_000);
const toUsd = (amount: Decimal, currency: string) => (currency === 'EUR' ? amount.times('1.1') : amount);
let n = 0;
const t = (age: number, hours: string, amount: string | null, fields: Partial<TimeRow> = {}): TimeRow => ({
  id: `t${++n}`,
  engagementId: 'e1',
  workDate: daysAgo(age),
  hours,
  billable: true,
  approvalStatus: 'APPROVED',
  superseded: false,
  invoiceLineId: null,
  amount,
  currency: 'USD',
  ...fields,
});

describe('ageBucket', () => {
  it.each([
    [0, '0-7'],
    [7, '0-7'],
    [8, '8-30'],
    [30, '8-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '>90'],
    [-3, '0-7'],
  ])('%i days → %s', (days, label) => {
    expect(ageBucket(days)).toBe(label);
  });
});

describe('unbilledApprovedTime', () => {
  const rows = [
    t(1, '8', '1200'),
    t(7, '2', '300.005'),
    t(8, '4', '600'),
    t(45, '1.5', '225', { currency: 'EUR' }), // 247.50 USD
    t(91, '3', '450'),
    t(3, '8', '1200', { invoiceLineId: 'line-1' }), // billed
    t(3, '8', '1200', { approvalStatus: 'SUBMITTED' }), // not approved
    t(3, '8', null, { billable: false }),
    t(3, '8', '1200', { superseded: true }),
    t(-1, '8', '1200'), // dated after asOf
  ];

  it('totals and age buckets in the group currency', () => {
    const result = unbilledApprovedTime({ time: rows, asOf, toGroupCurrency: toUsd });
    expect([result.entries, result.hours.toString(), result.amount.toFixed(2)]).toEqual([5, '18.5', '2797.51']);
    expect(result.buckets.map((b) => [b.label, b.entries, b.hours.toString(), b.amount.toFixed(2)])).toEqual([
      ['0-7', 2, '10', '1500.01'],
      ['8-30', 1, '4', '600.00'],
      ['31-60', 1, '1.5', '247.50'],
      ['61-90', 0, '0', '0.00'],
      ['>90', 1, '3', '450.00'],
    ]);
  });

  it('no time → zeros in every bucket', () => {
    const result = unbilledApprovedTime({ time: [], asOf, toGroupCurrency: toUsd });
    expect([result.entries, result.amount.toFixed(2), result.buckets.length]).toEqual([0, '0.00', 5]);
  });
});

describe('unapprovedTime', () => {
  it.each([
    { name: 'none', rows: [t(1, '8', '100')], expected: [0, '0', '0.00'] },
    {
      name: 'submitted, not superseded; unpriced entries count their hours',
      rows: [t(1, '8', '800', { approvalStatus: 'SUBMITTED' }), t(2, '2', null, { approvalStatus: 'SUBMITTED', billable: false }), t(2, '5', '500', { approvalStatus: 'SUBMITTED', superseded: true }), t(2, '1', '100', { approvalStatus: 'REJECTED' })],
      expected: [2, '10', '800.00'],
    },
  ])('$name', ({ rows, expected }) => {
    const result = unapprovedTime({ time: rows, toGroupCurrency: toUsd });
    expect([result.entries, result.hours.toString(), result.amount.toFixed(2)]).toEqual(expected);
  });
});
