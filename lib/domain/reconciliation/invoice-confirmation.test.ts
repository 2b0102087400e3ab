import { describe, expect, it } from 'vitest';
import type { InvoiceStatus } from '../../db/generated/enums.ts';
import { isUnconfirmedInvoice } from './invoice-confirmation.ts';
import { graceCutoff, isPastGrace } from './reconciliation-jobs.ts';

const issuedAt = new Date('2026-03-10T09:00:00Z');
const options = { asOf: new Date('2026-03-11T09:00:00Z'), graceHours: 24 };

describe('isUnconfirmedInvoice', () => {
  it.each([
    ['ISSUED', issuedAt, null, options, true], // exactly 24 h: past the grace period
    ['ISSUED', issuedAt, null, { ...options, asOf: new Date('2026-03-11T08:59:59.999Z') }, false],
    ['PAID', issuedAt, null, options, true], // cash arrived first, the ERP still has nothing
    ['PARTIALLY_PAID', issuedAt, null, options, true],
    ['POSTED', issuedAt, new Date('2026-03-10T10:00:00Z'), options, false],
    ['PAID', issuedAt, new Date('2026-03-10T10:00:00Z'), options, false],
    ['VOID', issuedAt, null, options, false],
    ['AWAITING_TAX', null, null, options, false],
    ['DRAFT', null, null, options, false],
    ['ISSUED', new Date('2026-03-12T00:00:00Z'), null, options, false], // issued after asOf
  ] as const)('%s issued %s posted %s → %s', (status, issued, posted, opts, expected) => {
    expect(isUnconfirmedInvoice({ status: status as InvoiceStatus, issuedAt: issued, postedAt: posted }, opts)).toBe(expected);
  });
});

describe('grace periods', () => {
  it('the cutoff is asOf minus the hours; at the cutoff is past grace', () => {
    const asOf = new Date('2026-03-11T09:00:00Z');
    expect(graceCutoff(asOf, 0)).toEqual(asOf);
    expect(graceCutoff(asOf, 1.5).toISOString()).toBe('2026-03-11T07:30:00.000Z');
    expect(isPastGrace(new Date('2026-03-11T07:30:00Z'), asOf, 1.5)).toBe(true);
    expect(isPastGrace(new Date('2026-03-11T07:30:00.001Z'), asOf, 1.5)).toBe(false);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s hours', (hours) => {
    expect(() => graceCutoff(new Date(), hours)).toThrow(RangeError);
  });
});
