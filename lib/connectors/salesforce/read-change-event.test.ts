import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeEventId, readChangeEvent } from './read-change-event.ts';
import { changeEvent } from './test-support.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../../../test/fixtures/external/pozil-pubsub__salesforce_cdc_AccountChangeEvent_update.json');

describe('readChangeEvent', () => {
  it('reads the real AccountChangeEvent capture and ignores it: accounts are not mapped', () => {
    const body: unknown = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    const reading = readChangeEvent(body);
    expect(reading).toMatchObject({ kind: 'ignored', reason: expect.stringContaining('Account changes are not mapped'), header: { entityName: 'Account', changeType: 'UPDATE', transactionKey: '000046c7-a642-11e2-c29b-229c6786473e', sequenceNumber: 1 } });
  });

  it.each<[string, unknown, object]>([
    ['a Quote whose Status became Accepted', changeEvent(), { kind: 'reread', reason: 'accepted', recordIds: ['0Q0000000000001AAA'] }],
    ['the bare payload (no Pub/Sub wrapper)', changeEvent().payload, { kind: 'reread', reason: 'accepted' }],
    ['an Opportunity that became Closed Won', changeEvent({ entityName: 'Opportunity', changedFields: ['StageName'] }, { StageName: 'Closed Won' }), { kind: 'reread', reason: 'accepted' }],
    ['a Quote created accepted', changeEvent({ changeType: 'CREATE', changedFields: [] }), { kind: 'reread', reason: 'accepted' }],
    ['another field of an accepted Quote changed', changeEvent({ changedFields: ['Name'] }), { kind: 'ignored' }],
    ['a Quote that became Rejected', changeEvent({}, { Status: 'Rejected' }), { kind: 'ignored' }],
    ['a deleted Quote', changeEvent({ changeType: 'DELETE' }), { kind: 'ignored' }],
    ['GAP_UPDATE, whatever its payload says', changeEvent({ changeType: 'GAP_UPDATE', changedFields: [] }, { Status: null }), { kind: 'reread', reason: 'gap' }],
    ['GAP_OVERFLOW of Opportunity', changeEvent({ entityName: 'Opportunity', changeType: 'GAP_OVERFLOW', recordIds: ['006A', '006B'] }), { kind: 'reread', reason: 'gap', recordIds: ['006A', '006B'] }],
    ['GAP_UPDATE of Account', changeEvent({ entityName: 'Account', changeType: 'GAP_UPDATE' }), { kind: 'ignored' }],
  ])('%s', (_name, body, expected) => {
    expect(readChangeEvent(body)).toMatchObject(expected);
  });

  it.each<[string, unknown, string]>([
    ['no header', { payload: {} }, '/payload/ChangeEventHeader'],
    ['a string', 'hello', '/ChangeEventHeader'],
    ['no transactionKey', changeEvent({ transactionKey: undefined }), '/payload/ChangeEventHeader/transactionKey'],
    ['a negative sequenceNumber', changeEvent({ sequenceNumber: -1 }), '/payload/ChangeEventHeader/sequenceNumber'],
    ['a lowercase change type', changeEvent({ changeType: 'update' }), '/payload/ChangeEventHeader/changeType'],
  ])('refuses %s with a pointer', (_name, body, pointer) => {
    expect(readChangeEvent(body)).toMatchObject({ kind: 'invalid', pointer });
  });

  it('keys an event on transactionKey + sequenceNumber (+ the record)', () => {
    expect(changeEventId({ transactionKey: 'tk', sequenceNumber: 3 }, '0Q0')).toBe('tk:3:0Q0');
  });
});
