import { describe, expect, it } from 'vitest';
import type { Decimal } from '../money/decimal.ts';
import { revenueLeakage, type BilledTimeRow, type LeakageCreditNoteRow, type LeakageMilestoneRow } from './revenue-leakage.ts';
import type { TimeRow } from './unbilled-time.ts';

const period = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const asOf = period.to;
const daysAgo = (days: number) => new Date(asOf.getTime() - days * 86_400_000);
const toUsd = (amount: Decimal, currency: string) => (currency === 'GBP' ? amount.times('1.25') : amount);
let n = 0;
const time = (age: number, amount: string, fields: Partial<TimeRow> = {}): TimeRow => ({
  id: `t${++n}`,
  engagementId: 'e1',
  workDate: daysAgo(age),
  hours: '1',
  billable: true,
  approvalStatus: 'APPROVED',
  superseded: false,
  invoiceLineId: null,
  amount,
  currency: 'USD',
  ...fields,
});
const billed = (hours: string, rateApplied: string, rateCardRate: string | null, invoicedAt = new Date('2026-03-15T00:00:00Z')): BilledTimeRow => ({ id: `b${++n}`, hours, rateApplied, rateCardRate, currency: 'USD', invoicedAt });
const milestone = (approvedAge: number | null, amount: string, fields: Partial<LeakageMilestoneRow> = {}): LeakageMilestoneRow => ({
  id: `m${++n}`,
  status: 'BILLABLE',
  approvedAt: approvedAge === null ? null : daysAgo(approvedAge),
  invoiceLineId: null,
  amount,
  currency: 'USD',
  ...fields,
});
const creditNote = (reason: LeakageCreditNoteRow['creditNoteReason'], total: string, fields: Partial<LeakageCreditNoteRow> = {}): LeakageCreditNoteRow => ({
  id: `c${++n}`,
  creditNoteReason: reason,
  total,
  currency: 'USD',
  issuedAt: new Date('2026-03-20T00:00:00Z'),
  voidedAt: null,
  ...fields,
});

describe('revenueLeakage', () => {
  it('no rows → every component and the total zero', () => {
    const r = revenueLeakage({ time: [], billedTime: [], milestones: [], creditNotes: [], period, toGroupCurrency: toUsd });
    expect([r.approvedTimeNeverBilled, r.billedBelowRateCard, r.approvedMilestonesNotInvoiced, r.writeOffs].map((c) => [c.rows, c.amount.toFixed(2)])).toEqual([
      [0, '0.00'],
      [0, '0.00'],
      [0, '0.00'],
      [0, '0.00'],
    ]);
    expect(r.total.toFixed(2)).toBe('0.00');
  });

  it('each component and the total', () => {
    const r = revenueLeakage({
      time: [
        time(31, '1500'), // leaked
        time(120, '400', { currency: 'GBP' }), // 500 USD, leaked
        time(30, '999'), // within the grace period
        time(45, '999', { invoiceLineId: 'line' }), // billed
        time(45, '999', { approvalStatus: 'SUBMITTED' }), // not approved: unapproved time, not leakage
      ],
      billedTime: [
        billed('10', '180', '200'), // 200 short
        billed('2.5', '150.10', '160'), // 24.75 short
        billed('10', '220', '200'), // above the card: no leakage (and no credit for it)
        billed('10', '100', null), // no card rate
        billed('10', '100', '200', new Date('2026-02-15T00:00:00Z')), // invoiced before the period
      ],
      milestones: [
        milestone(40, '25000'),
        milestone(10, '9999'), // approved recently: the next run bills it
        milestone(40, '9999', { invoiceLineId: 'line' }),
        milestone(40, '9999', { status: 'CANCELLED' }),
        milestone(null, '9999', { status: 'COMPLETED' }), // not approved
      ],
      creditNotes: [
        creditNote('WRITE_OFF', '-750'),
        creditNote('DEDUCTION', '50'),
        creditNote('WRITE_OFF', '80', { issuedAt: new Date('2026-02-01T00:00:00Z') }),
        creditNote('WRITE_OFF', '60', { voidedAt: new Date('2026-03-25T00:00:00Z') }),
      ],
      period,
      toGroupCurrency: toUsd,
    });
    expect([r.approvedTimeNeverBilled, r.billedBelowRateCard, r.approvedMilestonesNotInvoiced, r.writeOffs].map((c) => [c.rows, c.amount.toFixed(2)])).toEqual([
      [2, '2000.00'],
      [2, '224.75'],
      [1, '25000.00'],
      [1, '750.00'],
    ]);
    expect(r.total.toFixed(2)).toBe('27974.75');
  });

  it('the grace period is a parameter', () => {
    const r = revenueLeakage({ time: [time(10, '100')], billedTime: [], milestones: [], creditNotes: [], period, toGroupCurrency: toUsd, graceDays: 7 });
    expect(r.approvedTimeNeverBilled.amount.toFixed(2)).toBe('100.00');
    expect(() => revenueLeakage({ time: [], billedTime: [], milestones: [], creditNotes: [], period, toGroupCurrency: toUsd, graceDays: -1 })).toThrow(RangeError);
  });

  it('written-off time leaves "never billed" and counts as a write-off in the period it was written off', () => {
    const writeOff = (writtenOffAt: string, amount: string, currency = 'USD') => ({ id: `w${++n}`, amount, currency, writtenOffAt: new Date(writtenOffAt) });
    const cases = [
      // name, time rows, write-offs, never billed, write-offs (rows, amount)
      ['the written-off entry is not unbilled any more', [time(40, '500', { timeWriteOffId: 'w' }), time(40, '70')], [], '70.00', 0, '0.00'],
      ['a write-off in the period counts at its amount', [], [writeOff('2026-03-10T09:00:00Z', '500')], '0.00', 1, '500.00'],
      ['converted to the group currency', [], [writeOff('2026-03-10T09:00:00Z', '100', 'GBP')], '0.00', 1, '125.00'],
      ['before the period: not counted', [], [writeOff('2026-02-28T23:59:59Z', '500')], '0.00', 0, '0.00'],
      ['at the period end (exclusive): not counted', [], [writeOff('2026-04-01T00:00:00Z', '500')], '0.00', 0, '0.00'],
    ] as const;
    for (const [name, timeRows, writeOffs, neverBilled, rows, amount] of cases) {
      const r = revenueLeakage({ time: timeRows, billedTime: [], milestones: [], creditNotes: [creditNote('WRITE_OFF', '0', { issuedAt: null })], timeWriteOffs: writeOffs, period, toGroupCurrency: toUsd });
      expect({ name, neverBilled: r.approvedTimeNeverBilled.amount.toFixed(2), rows: r.writeOffs.rows, amount: r.writeOffs.amount.toFixed(2) }).toEqual({ name, neverBilled, rows, amount });
    }
  });
});
