import { describe, expect, it } from 'vitest';
import { invoiceChips } from '@/components/invoices/invoice-chips';
import { periodChip, valueChip } from './filter-chips-model';

const p = (query: string) => new URLSearchParams(query);

describe('filter chips', () => {
  it.each([
    ['issuedFrom=2026-09-01&issuedTo=2026-09-30', { label: 'Issued 1 – 30 Sept 2026', keys: ['issuedFrom', 'issuedTo'] }],
    ['issuedFrom=2026-09-01&issuedTo=2026-12-31', { label: 'Issued 1 Sept – 31 Dec 2026', keys: ['issuedFrom', 'issuedTo'] }],
    ['issuedFrom=2026-09-01', { label: 'Issued from 1 Sept 2026', keys: ['issuedFrom', 'issuedTo'] }],
    ['issuedTo=2026-09-30', { label: 'Issued until 30 Sept 2026', keys: ['issuedFrom', 'issuedTo'] }],
    ['issuedFrom=2026-10-01&issuedTo=2026-09-01', { label: 'Issued 1 Oct 2026 – 1 Sept 2026', keys: ['issuedFrom', 'issuedTo'] }],
    ['issuedFrom=soon&issuedTo=2026-13-45', { label: 'Issued soon – 2026-13-45', keys: ['issuedFrom', 'issuedTo'] }],
    ['', null],
  ])('period %s', (query, chip) => {
    expect(periodChip(p(query), 'issued', 'Issued')).toEqual(chip);
  });

  it('lists comma-separated and repeated values with their labels', () => {
    expect(valueChip(p('status=A,B&status=C'), 'status', (v) => v.toLowerCase())).toEqual({ label: 'a, b, c', keys: ['status'] });
    expect(valueChip(p('status='), 'status')).toBeNull();
  });

  it("shows the DSO drill-down's filters in reading order", () => {
    expect(invoiceChips(p('legalEntity=US01&region=AMER&kind=INVOICE&status=ISSUED,POSTED,PARTIALLY_PAID')).map((c) => c.label)).toEqual([
      'Invoices',
      'Issued, Posted to ERP, Partially paid',
      'US01',
      'Region AMER',
    ]);
  });
});
