import { describe, expect, it } from 'vitest';
import type { Decimal } from '../money/decimal.ts';
import { billedAndCollected } from './billed-and-collected.ts';
import type { LedgerApplicationRow, LedgerInvoiceRow } from './invoice-ledger.ts';

const period = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const toUsd = (amount: Decimal, currency: string) => (currency === 'EUR' ? amount.times('1.1') : amount);
const doc = (id: string, clientId: string, engagementId: string, fields: Partial<LedgerInvoiceRow>): LedgerInvoiceRow => ({
  id,
  kind: 'INVOICE',
  clientId,
  engagementId,
  currency: 'USD',
  total: '0',
  issuedAt: null,
  voidedAt: null,
  originalInvoiceId: null,
  ...fields,
});
const pay = (invoiceId: string, amount: string, iso: string, currency = 'USD'): LedgerApplicationRow => ({ invoiceId, amount, currency, appliedAt: at(iso) });

describe('billedAndCollected', () => {
  it('nothing → zeros', () => {
    const r = billedAndCollected({ documents: [], applications: [], period, toGroupCurrency: toUsd });
    expect([r.byClient, r.byEngagement, r.total.billed.toFixed(2), r.total.collected.toFixed(2)]).toEqual([[], [], '0.00', '0.00']);
  });

  it('by engagement and client, net of credit notes, voids and reversals', () => {
    const documents = [
      doc('i1', 'acme', 'e1', { total: '1000', issuedAt: at('2026-03-02') }),
      doc('cn1', 'acme', 'e1', { kind: 'CREDIT_NOTE', total: '100', issuedAt: at('2026-03-05'), originalInvoiceId: 'i1' }),
      doc('i2', 'acme', 'e2', { currency: 'EUR', total: '500', issuedAt: at('2026-03-03') }), // 550 USD
      doc('i3', 'globex', 'e3', { total: '2000', issuedAt: at('2026-02-20') }), // billed before the period, collected in it
      doc('i4', 'globex', 'e3', { total: '300', issuedAt: at('2026-03-10'), voidedAt: at('2026-03-11') }),
    ];
    const applications = [
      pay('i1', '900', '2026-03-20'),
      pay('i3', '2000', '2026-03-04'),
      pay('i3', '-2000', '2026-03-06'), // reversed
      pay('i3', '1500', '2026-03-07'),
      pay('i2', '500', '2026-04-02', 'EUR'), // after the period
      pay('unknown', '42', '2026-03-08'),
    ];
    const r = billedAndCollected({ documents, applications, period, toGroupCurrency: toUsd });
    expect(r.byEngagement.map((e) => [e.engagementId, e.clientId, e.billed.toFixed(2), e.collected.toFixed(2)])).toEqual([
      ['e1', 'acme', '900.00', '900.00'],
      ['e2', 'acme', '550.00', '0.00'],
      ['e3', 'globex', '0.00', '1500.00'],
    ]);
    expect(r.byClient.map((c) => [c.clientId, c.billed.toFixed(2), c.collected.toFixed(2)])).toEqual([
      ['acme', '1450.00', '900.00'],
      ['globex', '0.00', '1500.00'],
    ]);
    expect([r.total.billed.toFixed(2), r.total.collected.toFixed(2), r.unattributedCollected.toFixed(2)]).toEqual(['1450.00', '2400.00', '42.00']);
  });
});
