import { describe, expect, it } from 'vitest';
import { mapClientFields } from './client-fields.ts';

describe('mapClientFields', () => {
  it.each<{ name: string; fields: Record<string, unknown>; changes: Record<string, unknown> }>([
    { name: 'canonical names set their columns', fields: { name: ' Acme ', legalName: 'Acme plc' }, changes: { name: 'Acme', legalName: 'Acme plc' } },
    { name: 'references keep the sender keys, under the column they set', fields: { parentExternalId: 'G-1', billToLegalEntityCode: 'US01' }, changes: { parentId: 'G-1', billToLegalEntityId: 'US01' } },
    { name: 'null clears a nullable field; blank text reads as null', fields: { parentExternalId: null, legalName: '  ', billingAddress: null }, changes: { parentId: null, legalName: null, billingAddress: null } },
    { name: 'codes are upper-cased', fields: { billingCurrency: 'gbp', country: 'gb' }, changes: { billingCurrency: 'GBP', country: 'GB' } },
    { name: 'payment terms as a number or a digit string', fields: { paymentTermsDays: '30' }, changes: { paymentTermsDays: 30 } },
    { name: 'enums and booleans', fields: { status: 'INACTIVE', taxExempt: true, health: 'WATCH' }, changes: { status: 'INACTIVE', taxExempt: true, health: 'WATCH' } },
  ])('$name', ({ fields, changes }) => {
    const result = mapClientFields(fields);
    expect(result.changes).toEqual(changes);
    expect(result.rejected).toEqual([]);
  });

  it.each<{ name: string; fields: Record<string, unknown>; reason: string }>([
    { name: 'a field Threadline does not keep', fields: { industry: 'Retail' }, reason: 'UNKNOWN_FIELD' },
    { name: 'a column that only Threadline sets directly', fields: { parentId: '3f1c…' }, reason: 'UNKNOWN_FIELD' },
    { name: 'a name that is blank', fields: { name: ' ' }, reason: 'INVALID_VALUE' },
    { name: 'a bill-to that is cleared', fields: { billToLegalEntityCode: null }, reason: 'INVALID_VALUE' },
    { name: 'payment terms in words', fields: { paymentTermsDays: 'net 30' }, reason: 'INVALID_VALUE' },
    { name: 'negative payment terms', fields: { paymentTermsDays: -1 }, reason: 'INVALID_VALUE' },
    { name: 'a currency that is not three letters', fields: { billingCurrency: 'US$' }, reason: 'INVALID_VALUE' },
    { name: 'an address that is not an object', fields: { billingAddress: '1 Main St' }, reason: 'INVALID_VALUE' },
    { name: 'a status Threadline does not know', fields: { status: 'PROSPECT' }, reason: 'INVALID_VALUE' },
  ])('refuses $name, without throwing', ({ fields, reason }) => {
    const result = mapClientFields(fields);
    expect(result.changes).toEqual({});
    expect(result.rejected).toEqual([{ field: Object.keys(fields)[0], reason, message: expect.any(String) }]);
  });

  it("uses the sender's renames and reports the sender's names", () => {
    const renames = new Map([['AccountName', 'name'], ['Segment', 'industry']]);
    const result = mapClientFields({ AccountName: 'Acme', Segment: 'Retail' }, renames);
    expect(result.changes).toEqual({ name: 'Acme' });
    expect(result.sentAs).toEqual({ name: 'AccountName' });
    expect(result.rejected).toEqual([{ field: 'Segment', reason: 'UNKNOWN_FIELD', message: 'mapped to "industry", not a client field Threadline keeps' }]);
  });

  it('keeps the first of two fields that set the same column', () => {
    const result = mapClientFields({ AccountName: 'Acme', name: 'Other' }, new Map([['AccountName', 'name']]));
    expect(result.changes).toEqual({ name: 'Acme' });
    expect(result.rejected).toEqual([{ field: 'name', reason: 'DUPLICATE_FIELD', message: '"AccountName" already sets name' }]);
  });

  it('is not fooled by inherited property names', () => {
    expect(mapClientFields({ toString: 'x', constructor: 'y' }).rejected.map((r) => r.reason)).toEqual(['UNKNOWN_FIELD', 'UNKNOWN_FIELD']);
  });
});
