import { describe, expect, it } from 'vitest';
import type { CashReceiptStatus, InvoiceStatus } from '../../db/generated/enums.ts';
import { invoiceStatusAfterCash, receiptStatus } from './settlement-status.ts';

const posted = new Date('2026-01-05T00:00:00Z');

describe('invoiceStatusAfterCash', () => {
  it.each<[InvoiceStatus, string, string, Date | null, InvoiceStatus]>([
    ['POSTED', '100', '0', posted, 'PAID'],
    ['POSTED', '40', '60', posted, 'PARTIALLY_PAID'],
    ['PAID', '0', '100', posted, 'POSTED'],
    ['PARTIALLY_PAID', '0', '100', null, 'ISSUED'],
    ['ISSUED', '0', '0', null, 'PAID'], // fully credited
    ['VOID', '0', '100', posted, 'VOID'],
    ['DRAFT', '0', '100', null, 'DRAFT'],
    ['AWAITING_TAX', '0', '100', null, 'AWAITING_TAX'],
  ])('%s applied %s due %s → %s', (status, amountApplied, balanceDue, postedAt, expected) => {
    expect(invoiceStatusAfterCash({ status, amountApplied, balanceDue, postedAt })).toBe(expected);
  });
});

describe('receiptStatus', () => {
  it.each<[string, string, string, string, CashReceiptStatus]>([
    ['100', '0', '100', '0', 'UNAPPLIED'],
    ['100', '60', '40', '0', 'PARTIALLY_APPLIED'],
    ['100', '100', '0', '0', 'APPLIED'],
    ['100', '0', '0', '100', 'REFUNDED'],
    ['100', '60', '0', '40', 'APPLIED'],
  ])('amount %s applied %s unapplied %s refunded %s → %s', (amount, appliedAmount, unappliedAmount, refundedAmount, expected) => {
    expect(receiptStatus({ amount, appliedAmount, unappliedAmount, refundedAmount })).toBe(expected);
  });
});
