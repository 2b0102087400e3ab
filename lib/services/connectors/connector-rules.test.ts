import { describe, expect, it } from 'vitest';
import { createConnectorSchema, parseConnectorInput, rotateConnectorSchema } from './connector-rules.ts';

const valid = { code: 'crm', name: 'Salesforce', kind: 'CRM', sources: ['/demo/crm'] };

describe('createConnectorSchema', () => {
  it('fills the defaults', () => {
    expect(createConnectorSchema.parse(valid)).toEqual({ ...valid, endpoint: null, ingestRateLimitPerMinute: null, withSigningSecret: true });
  });

  it.each([
    ['a code with dashes and digits', { code: 'erp-eu2' }],
    ['a 41-character code', { code: 'a' + 'b'.repeat(40) }],
    ['a URN source', { sources: ['urn:example:crm'] }],
    ['an absolute URI source', { sources: ['https://crm.example.com/events', '/sf/prod?org=1#x'] }],
    ['a %-escaped source', { sources: ['/demo/a%20b'] }],
    ['an https endpoint', { endpoint: 'https://erp.example.com/threadline' }],
    ['an http endpoint with a port', { endpoint: 'http://localhost:4010' }],
    ['a rate limit', { ingestRateLimitPerMinute: 600 }],
    ['no signing', { withSigningSecret: false }],
  ])('accepts %s', (_name, change) => {
    expect(createConnectorSchema.safeParse({ ...valid, ...change }).success).toBe(true);
  });

  it.each([
    ['an uppercase code', { code: 'CRM' }, '/code'],
    ['a one-letter code', { code: 'c' }, '/code'],
    ['a code starting with a digit', { code: '1crm' }, '/code'],
    ['a 42-character code', { code: 'a' + 'b'.repeat(41) }, '/code'],
    ['a code with an underscore', { code: 'my_crm' }, '/code'],
    ['a blank name', { name: '  ' }, '/name'],
    ['an unknown kind', { kind: 'MAINFRAME' }, '/kind'],
    ['the THREADLINE kind', { kind: 'THREADLINE' }, '/kind'],
    ['no sources', { sources: [] }, '/sources'],
    ['an empty source', { sources: [''] }, '/sources/0'],
    ['a source with a space', { sources: ['/demo/a b'] }, '/sources/0'],
    ['a bad %-escape', { sources: ['/demo/%zz'] }, '/sources/0'],
    ['a source listed twice', { sources: ['/a', '/b', '/a'] }, '/sources/2'],
    ['a relative endpoint', { endpoint: '/threadline' }, '/endpoint'],
    ['an ftp endpoint', { endpoint: 'ftp://example.com' }, '/endpoint'],
    ['a fractional rate limit', { ingestRateLimitPerMinute: 1.5 }, '/ingestRateLimitPerMinute'],
    ['a zero rate limit', { ingestRateLimitPerMinute: 0 }, '/ingestRateLimitPerMinute'],
  ])('refuses %s: %j at %s', (_name, change, pointer) => {
    try {
      parseConnectorInput(createConnectorSchema, { ...valid, ...change });
      expect.fail('expected VALIDATION_FAILED');
    } catch (error) {
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [expect.objectContaining({ pointer })] } });
    }
  });
});

describe('rotateConnectorSchema', () => {
  it.each([
    [{ what: 'token' }, { what: 'token', overlapHours: 24 }],
    [{ what: 'secret', overlapHours: 0 }, { what: 'secret', overlapHours: 0 }],
    [{ what: 'secret', overlapHours: 1.5 }, { what: 'secret', overlapHours: 1.5 }],
    [{ what: 'secret', secret: 'whsec_0123456789abcdef' }, { what: 'secret', overlapHours: 24, secret: 'whsec_0123456789abcdef' }],
  ])('accepts %j', (input, output) => {
    expect(rotateConnectorSchema.parse(input)).toEqual(output);
  });

  it.each([[{ what: 'password' }], [{ what: 'token', overlapHours: -1 }], [{ what: 'token', overlapHours: 721 }], [{}], [{ what: 'token', secret: 'whsec_0123456789abcdef' }], [{ what: 'secret', secret: 'short' }], [{ what: 'secret', secret: 'whsec_0123 456789abcdef' }]])('refuses %j', (input) => {
    expect(rotateConnectorSchema.safeParse(input).success).toBe(false);
  });
});
