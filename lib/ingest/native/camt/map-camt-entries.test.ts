// camt entries → q2c.payment.received.v1: which entries become payments, their bank
// reference (the event id), and the data, which must pass our catalog schema.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventCatalog } from '../../schemas/catalog.ts';
import { bankReferenceOf, mapCamtEntry } from './map-camt-entries.ts';
import { parseCamtXml, type CamtEntry } from './parse-camt-xml.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../test/fixtures/external');
const entriesOf = (file: string) => parseCamtXml(readFileSync(path.join(FIXTURES, file), 'utf8')).entries;
const SOURCE = '/demo/bank';
const NOW = new Date('2026-12-04T12:00:00Z');

const base: CamtEntry = {
  recordId: 'STMT-1', index: 2, account: 'DE89370400440532013000', amount: '1250.00', currency: 'EUR', creditDebit: 'CRDT', reversal: false, status: 'BOOK',
  bookingDate: '2026-03-02', valueDate: '2026-03-03', accountServicerRef: null, uetr: null, endToEndId: null, payerName: 'Acme GmbH', references: [], unstructured: [],
};

describe('bankReferenceOf', () => {
  it.each([
    { name: 'AcctSvcrRef first', entry: { ...base, accountServicerRef: 'BANKREF1', uetr: 'ABC', endToEndId: 'E2E' }, id: 'acctsvcr:BANKREF1' },
    { name: 'then the UETR (lower case)', entry: { ...base, uetr: '255AE394-9965-4438-AC86-F406FEADA396', endToEndId: 'E2E' }, id: 'uetr:255ae394-9965-4438-ac86-f406feada396' },
    { name: 'then the EndToEndId, with the account', entry: { ...base, endToEndId: 'E2E-7' }, id: 'e2e:DE89370400440532013000:E2E-7' },
    { name: 'else the statement id and the entry place', entry: base, id: 'stmt:STMT-1:3' },
  ])('$name', ({ entry, id }) => expect(bankReferenceOf(entry)).toBe(id));
});

describe('mapCamtEntry', () => {
  it.each([
    { name: 'a debit', entry: { ...base, creditDebit: 'DBIT' as const }, reason: 'debit' },
    { name: 'a reversal', entry: { ...base, reversal: true }, reason: 'reversal' },
    { name: 'a pending entry', entry: { ...base, status: 'PDNG' }, reason: 'not-booked' },
  ])('skips $name', ({ entry, reason }) => expect(mapCamtEntry(entry, SOURCE, NOW)).toMatchObject({ kind: 'skipped', reason }));

  it.each([
    { name: 'one reference: a remittance line for the whole amount', entry: { ...base, references: ['INV-1001'] }, data: { remittance: [{ invoiceNumber: 'INV-1001', amount: '1250.00' }] } },
    { name: 'several references: references only (the split is unknown)', entry: { ...base, references: ['INV-1', 'INV-2'] }, data: { remittanceReferences: ['INV-1', 'INV-2'] } },
    { name: 'a free-text block that is one token: the reference', entry: { ...base, unstructured: ['INV-1001'] }, data: { remittance: [{ invoiceNumber: 'INV-1001', amount: '1250.00' }], remittanceText: 'INV-1001' } },
    { name: 'structured references win over free text', entry: { ...base, references: ['RF18539007547034'], unstructured: ['INV-1001'] }, data: { remittance: [{ invoiceNumber: 'RF18539007547034', amount: '1250.00' }] } },
    { name: 'free text kept as text', entry: { ...base, unstructured: ['Invoice INV-9', 'thanks'] }, data: { remittanceText: 'Invoice INV-9 thanks' } },
    { name: 'no value date: the booking date', entry: { ...base, valueDate: null }, data: { receivedAt: '2026-03-02T00:00:00Z' } },
    { name: 'a booking date-time kept as sent', entry: { ...base, valueDate: null, bookingDate: '2007-10-18T13:15:00+01:00' }, data: { receivedAt: '2007-10-18T13:15:00+01:00' } },
    { name: 'no dates: the import time', entry: { ...base, valueDate: null, bookingDate: null }, data: { receivedAt: '2026-12-04T12:00:00.000Z' } },
    { name: 'no payer name', entry: { ...base, payerName: null }, data: { payer: {} } },
  ])('credit: $name', ({ entry, data }) => {
    const mapped = mapCamtEntry(entry, SOURCE, NOW);
    if (mapped.kind !== 'event') throw new Error('expected an event');
    expect(mapped.event.data).toMatchObject(data);
    if (!('remittance' in data)) expect((mapped.event.data as { remittance?: unknown }).remittance).toBeUndefined();
    expect(eventCatalog['q2c.payment.received.v1'].schema.safeParse(mapped.event.data).success).toBe(true);
  });

  it('the minimal statement’s credit: exact amount, value date, payer, creditor reference, id from the statement', () => {
    const [entry] = entriesOf('genkgo-camt__camt053.v2.minimal.xml');
    expect(mapCamtEntry(entry!, SOURCE, NOW)).toEqual({
      kind: 'event',
      event: {
        specversion: '1.0',
        id: 'stmt:253EURNL26VAYB8060476890:1',
        source: SOURCE,
        type: 'q2c.payment.received.v1',
        subject: 'stmt:253EURNL26VAYB8060476890:1',
        time: '2015-01-02T00:00:00Z',
        data: {
          paymentId: 'stmt:253EURNL26VAYB8060476890:1',
          amount: '8.85',
          currency: 'EUR',
          payer: { name: 'NAME NAME' },
          remittance: [{ invoiceNumber: '4654654654654654', amount: '8.85' }],
          receivedAt: '2015-01-02T00:00:00Z',
          bankAccount: 'NL26VAYB8060476890',
        },
      },
    });
  });

  it.each([
    { file: 'genkgo-camt__camt053.v2.multi.statement.xml', events: ['e2e:NL26VAYB8060476890:000000001'], skipped: 1 },
    { file: 'genkgo-camt__camt054.v2.xml', events: [], skipped: 1 },
    { file: 'genkgo-camt__camt054.v8-with-UETR.xml', events: [], skipped: 1 },
  ])('$file: the credits become payments, the debits are skipped', ({ file, events, skipped }) => {
    const mapped = entriesOf(file).map((e) => mapCamtEntry(e, SOURCE, NOW));
    expect(mapped.flatMap((m) => (m.kind === 'event' ? [m.event.id] : []))).toEqual(events);
    expect(mapped.filter((m) => m.kind === 'skipped')).toHaveLength(skipped);
  });
});
