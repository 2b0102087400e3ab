import { describe, expect, it } from 'vitest';
import { quoteAcceptedData } from '../../ingest/schemas/quote-accepted.ts';
import { readQuoteRecord } from './map-quote-record.ts';
import { quoteRecord } from './test-support.ts';

const at = new Date('2026-03-31T17:45:00Z');

describe('readQuoteRecord', () => {
  it('maps an accepted T&M quote to valid q2c.quote.accepted.v1 data', () => {
    const reading = readQuoteRecord(quoteRecord(), at);
    expect(reading.kind).toBe('accepted');
    if (reading.kind !== 'accepted') return;
    const data = quoteAcceptedData.parse(reading.data);
    expect(data).toMatchObject({
      quoteId: '0Q0000000000001AAA',
      quoteVersion: 2,
      client: { externalId: '0014H00002LbR7QQAV', name: 'Acme Holdings', legalEntityCode: 'US01' },
      currency: 'USD',
      billingModel: 'TIME_AND_MATERIALS',
      lines: [
        { sku: 'ADV-PARTNER', quantity: '20', unitPrice: '700', role: 'PARTNER' },
        { sku: 'ADV-SENIOR', quantity: '80.5', unitPrice: '450', role: 'MANAGER' },
      ],
      rateCardCode: 'STD-USD',
      taxProfile: { nexus: 'US-NY', exempt: false },
      acceptedAt: '2026-03-31T17:45:00.000Z',
      crmOpportunityId: '0064H00000abcDE',
    });
    expect(data.client.parentExternalId).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a draft quote', { Status: 'Draft' }, 'not-accepted'],
    ['a draft quote of a Closed Won opportunity', { Status: 'Draft', Opportunity: { Id: '006', StageName: 'Closed Won' } }, 'accepted'],
    ['no version field: version 1', { Threadline_Quote_Version__c: null }, 'accepted'],
    ['no account', { Account: undefined }, 'invalid'],
    ['a line without product', { QuoteLineItems: { records: [{ Quantity: 1, UnitPrice: 1 }] } }, 'invalid'],
  ])('%s → %s', (_name, overrides, kind) => {
    expect(readQuoteRecord(quoteRecord(overrides), at).kind).toBe(kind);
  });

  it('maps milestones of a fixed-fee quote', () => {
    const reading = readQuoteRecord(
      quoteRecord({
        Threadline_Billing_Model__c: 'FIXED_FEE_MILESTONE',
        QuoteLineItems: { records: [{ Product2: { ProductCode: 'FF-TRANSFORM' }, Description: 'Program', Quantity: 1, UnitPrice: 250000 }] },
        Threadline_Milestones__r: { records: [{ Threadline_Ref__c: 'M1', Name: 'Discovery', Threadline_Amount__c: '100000.00', Threadline_Due_Date__c: '2026-05-31' }, { Threadline_Ref__c: 'M2', Name: 'Go-live', Threadline_Amount__c: 150000, Threadline_Due_Date__c: null }] },
      }),
      at,
    );
    if (reading.kind !== 'accepted') throw new Error(reading.kind);
    expect(quoteAcceptedData.parse(reading.data).milestones).toEqual([
      { ref: 'M1', name: 'Discovery', amount: '100000', dueDate: '2026-05-31' },
      { ref: 'M2', name: 'Go-live', amount: '150000' },
    ]);
  });

  it('maps the retainer terms of a managed-services quote (fee, included hours, overage, start month, term)', () => {
    const reading = readQuoteRecord(
      quoteRecord({
        Threadline_Billing_Model__c: 'RETAINER_WITH_OVERAGE',
        QuoteLineItems: { records: [{ Product2: { ProductCode: 'MS-RETAINER' }, Description: 'Managed services', Quantity: 12, UnitPrice: 15000 }] },
        Threadline_Retainer_Fee__c: 15000,
        Threadline_Included_Hours__c: '80',
        Threadline_Overage_Rate__c: 210.5,
        Threadline_Retainer_Start__c: '2026-04-01',
        Threadline_Retainer_Months__c: '12.0',
      }),
      at,
    );
    if (reading.kind !== 'accepted') throw new Error(reading.kind);
    expect(quoteAcceptedData.parse(reading.data)).toMatchObject({
      billingModel: 'RETAINER_WITH_OVERAGE',
      retainer: { monthlyFee: '15000', includedUnits: '80', overageRate: '210.5', startMonth: '2026-04', months: 12 },
    });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a retainer quote without its terms', {}, /retainer terms/],
    ['a retainer quote missing the overage rate', { Threadline_Retainer_Fee__c: 15000, Threadline_Included_Hours__c: 80, Threadline_Retainer_Start__c: '2026-04', Threadline_Retainer_Months__c: 12 }, /Required|overage/i],
  ])('%s is refused by the catalog schema with the term it lacks', (_name, overrides, message) => {
    const reading = readQuoteRecord(quoteRecord({ Threadline_Billing_Model__c: 'RETAINER_WITH_OVERAGE', ...overrides }), at);
    if (reading.kind !== 'accepted') throw new Error(reading.kind);
    const parsed = quoteAcceptedData.safeParse(reading.data);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => `${i.path.join('/')} ${i.message}`).join('; ')).toMatch(message);
  });

  it('keeps a line description Salesforce left empty as empty text', () => {
    const reading = readQuoteRecord(quoteRecord({ QuoteLineItems: { records: [{ Product2: { ProductCode: 'ADV-PARTNER' }, Description: null, Quantity: 1, UnitPrice: 700 }] } }), at);
    if (reading.kind !== 'accepted') throw new Error(reading.kind);
    expect(quoteAcceptedData.safeParse(reading.data).success).toBe(true);
  });
});
