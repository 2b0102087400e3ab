// Test payloads for the Salesforce connector: a change event shaped like the real Pub/Sub
// API capture in test/fixtures/external, and a re-read Quote record with its lines.

export function changeEvent(header: Record<string, unknown> = {}, fields: Record<string, unknown> = {}) {
  return {
    id: 'f3d3a5c0-0000-4000-8000-000000000001',
    replayId: 18098200,
    payload: {
      ChangeEventHeader: {
        entityName: 'Quote',
        recordIds: ['0Q0000000000001AAA'],
        changeType: 'UPDATE',
        transactionKey: '0001a2b3-a642-11e2-c29b-229c6786473e',
        sequenceNumber: 1,
        commitTimestamp: 1_774_979_100_000, // 2026-03-31T17:45:00Z
        commitNumber: 11657372702432,
        commitUser: '00558000000yFyDAAU',
        nulledFields: [],
        diffFields: [],
        changedFields: ['Status', 'LastModifiedDate'],
        ...header,
      },
      Status: 'Accepted',
      Name: null,
      LastModifiedDate: 1_774_979_100_000,
      ...fields,
    },
  };
}

export function quoteRecord(overrides: Record<string, unknown> = {}) {
  return {
    attributes: { type: 'Quote' },
    Id: '0Q0000000000001AAA',
    Status: 'Accepted',
    Opportunity: { Id: '0064H00000abcDE', StageName: 'Negotiation' },
    CurrencyIsoCode: 'USD',
    Threadline_Quote_Version__c: 2,
    Threadline_Billing_Model__c: 'TIME_AND_MATERIALS',
    Threadline_Rate_Card__c: 'STD-USD',
    Threadline_Estimated_Cost__c: 60000,
    Threadline_Tax_Nexus__c: 'US-NY',
    Threadline_Tax_Exempt__c: false,
    Account: { Id: '0014H00002LbR7QQAV', Name: 'Acme Holdings', ParentId: null, Threadline_Legal_Entity__c: 'US01' },
    QuoteLineItems: {
      totalSize: 2,
      records: [
        { Product2: { ProductCode: 'ADV-PARTNER' }, Description: 'Partner', Quantity: 20, UnitPrice: 700, Threadline_Role__c: 'PARTNER' },
        { Product2: { ProductCode: 'ADV-SENIOR' }, Description: 'Manager', Quantity: 80.5, UnitPrice: '450.00', Threadline_Role__c: 'MANAGER' },
      ],
    },
    Threadline_Milestones__r: null,
    ...overrides,
  };
}
