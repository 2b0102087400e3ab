import { describe, expect, it } from 'vitest';
import { inlineFixFor } from './inline-fix.ts';

describe('inlineFixFor', () => {
  it.each([
    ['UNMAPPED_SERVICE_SKU', { unmappedSkus: ['X-1', 'X-2', 'X-1'], system: 'crm' }, { kind: 'service-sku', system: 'crm', externalValues: ['X-1', 'X-2'] }],
    ['UNMAPPED_SERVICE_SKU', { unmappedSkus: [] }, null],
    ['UNMAPPED_SERVICE_SKU', null, null],
    ['INVALID_LEGAL_ENTITY', { legalEntityCode: 'UK01', quoteId: 'Q-1' }, { kind: 'legal-entity', system: null, externalValues: ['UK01'] }],
    ['INVALID_LEGAL_ENTITY', { billToLegalEntityCode: 'XX', system: 'erp' }, { kind: 'legal-entity', system: 'erp', externalValues: ['XX'] }],
    ['CLIENT_NOT_MASTERED', { parentExternalId: 'P-9', clientExternalId: 'C-1', system: 'crm' }, { kind: 'client-link', system: 'crm', externalValues: ['P-9'] }],
    ['CLIENT_NOT_MASTERED', { clientExternalId: 'C-1', system: 'crm' }, { kind: 'client-link', system: 'crm', externalValues: ['C-1'] }],
    ['CLIENT_NOT_MASTERED', { clientExternalId: 'C-1', reason: 'EXTERNAL_REF_CONFLICT' }, null],
    ['RATE_CARD_MISSING', { rateCardCode: 'STD-XYZ' }, null],
    ['SHORT_PAY_DEDUCTION', { unmappedSkus: ['X'] }, null],
  ] as const)('%s %j → %j', (code, details, expected) => {
    expect(inlineFixFor(code, details)).toEqual(expected);
  });
});
