// The camt parser on the genkgo/camt sample set (MIT, test/fixtures/external), with
// genkgo's own expected parse of the minimal statement as the oracle; and hostile XML.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dec } from '../../../domain/money/decimal.ts';
import { minorUnits } from '../../../domain/money/currency.ts';
import { billionLaughsXml, externalEntityXml, lowercaseDoctypeXml } from './malicious-xml.ts';
import { CamtFormatError, parseCamtXml } from './parse-camt-xml.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../test/fixtures/external');
const read = (file: string) => readFileSync(path.join(FIXTURES, file), 'utf8');

/** The parts of genkgo's serialised DTOs (camt053.v2.minimal.json) the oracle compares. */
interface OracleEntry {
  getAmount: { getAmount: string; getCurrency: { getCode: string } };
  getCreditDebitIndicator: string;
  getReversalIndicator: boolean;
  getStatus: string;
  getIndex: number;
  getBookingDate: { 0: string };
  getValueDate: { 0: string };
  getAccountServicerReference: string | null;
  getRecord: { getId: string; getAccount: { getIban: { getIban: string } } };
  getTransactionDetail: {
    getRemittanceInformation: { getCreditorReferenceInformation: { getRef: string } };
    getRelatedParties: { getRelatedPartyType: { __CLASS__: string; getName: string } }[];
    getReference: { getEndToEndId: string | null };
  };
}

describe('camt053.v2.minimal.xml against genkgo’s expected result (camt053.v2.minimal.json)', () => {
  const oracle = JSON.parse(read('genkgo-camt__camt053.v2.minimal.json')) as { getGroupHeader: { getMessageId: string }; getEntries: OracleEntry[] };
  const parsed = parseCamtXml(read('genkgo-camt__camt053.v2.minimal.xml'));
  const date = (value: { 0: string }) => value[0].slice(0, 10);

  it('the message and the number of entries', () => {
    expect(parsed.kind).toBe('camt.053');
    expect(parsed.messageId).toBe(oracle.getGroupHeader.getMessageId);
    expect(parsed.entries).toHaveLength(oracle.getEntries.length);
  });

  it.each(oracle.getEntries.map((e, i) => ({ i, e })))('entry $i', ({ i, e }) => {
    const entry = parsed.entries[i]!;
    const currency = e.getAmount.getCurrency.getCode;
    // genkgo gives minor units ("885"); ours is the decimal the bank wrote ("8.85"): equal exactly.
    expect(dec(entry.amount).times(dec(10).pow(minorUnits(currency))).toFixed(0)).toBe(e.getAmount.getAmount);
    expect(entry).toMatchObject({
      currency,
      creditDebit: e.getCreditDebitIndicator,
      reversal: e.getReversalIndicator,
      status: e.getStatus,
      index: e.getIndex,
      bookingDate: date(e.getBookingDate),
      valueDate: date(e.getValueDate),
      accountServicerRef: e.getAccountServicerReference,
      recordId: e.getRecord.getId,
      account: e.getRecord.getAccount.getIban.getIban,
    });
    const detail = e.getTransactionDetail;
    expect(entry.references).toEqual([detail.getRemittanceInformation.getCreditorReferenceInformation.getRef]);
    const debtor = detail.getRelatedParties.find((p) => p.getRelatedPartyType.__CLASS__.endsWith('\\Debtor'));
    expect(entry.payerName).toBe(debtor!.getRelatedPartyType.getName);
    expect(entry.endToEndId).toBe(detail.getReference.getEndToEndId);
  });
});

describe('the other samples', () => {
  it.each([
    {
      file: 'genkgo-camt__camt053.v2.multi.statement.xml',
      kind: 'camt.053',
      entries: [
        { recordId: '253EURNL26VAYB8060476890', amount: '8.85', currency: 'EUR', creditDebit: 'CRDT', endToEndId: '000000001', unstructured: ['Transaction Description 1'] },
        { recordId: '254EURNL26VAYB8060476890', amount: '7.00', currency: 'EUR', creditDebit: 'DBIT', endToEndId: '000000002', unstructured: ['Transaction Description 2'] },
      ],
    },
    {
      file: 'genkgo-camt__camt054.v2.xml',
      kind: 'camt.054',
      entries: [
        {
          recordId: 'AAAASESS-FP-ACCR001', amount: '200000', currency: 'SEK', creditDebit: 'DBIT', accountServicerRef: 'AAAASESS-FP-ACCR001', endToEndId: 'MUELL/FINP/RA12345', payerName: 'MUELLER',
          references: ['ISR ref number V1', 'ISR ref number V2', 'Ref number V3 block 1', 'Ref number V3 block 2'],
        },
      ],
    },
    {
      file: 'genkgo-camt__camt054.v8-with-UETR.xml',
      kind: 'camt.054',
      entries: [{ amount: '200000', currency: 'SEK', creditDebit: 'DBIT', uetr: '255ae394-9965-4438-ac86-f406feada396', accountServicerRef: null, valueDate: null }],
    },
  ])('$file', ({ file, kind, entries }) => {
    const parsed = parseCamtXml(read(file));
    expect(parsed.kind).toBe(kind);
    expect(parsed.entries).toHaveLength(entries.length);
    entries.forEach((expected, i) => expect(parsed.entries[i]).toMatchObject(expected));
  });
});

describe('refused', () => {
  it.each([
    { name: 'an external entity (XXE)', xml: externalEntityXml, message: /<!DOCTYPE/ },
    { name: 'billion laughs', xml: billionLaughsXml, message: /<!DOCTYPE/ },
    { name: 'a lowercase doctype', xml: lowercaseDoctypeXml, message: /<!DOCTYPE/ },
    { name: 'an ENTITY without a DOCTYPE', xml: '<Document><!ENTITY x "y"></Document>', message: /<!ENTITY/ },
    { name: 'not XML', xml: '{"json": true}', message: /well-formed/ },
    { name: 'unclosed tags', xml: '<Document><BkToCstmrStmt><Stmt>', message: /well-formed|camt/ },
    { name: 'another ISO 20022 message (pain.001)', xml: '<Document><CstmrCdtTrfInitn/></Document>', message: /camt.053/ },
    { name: 'an entry without a currency', xml: '<Document><BkToCstmrStmt><Stmt><Id>S</Id><Ntry><Amt>1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry></Stmt></BkToCstmrStmt></Document>', message: /Ccy/ },
    { name: 'a negative amount', xml: '<Document><BkToCstmrStmt><Stmt><Id>S</Id><Ntry><Amt Ccy="EUR">-1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry></Stmt></BkToCstmrStmt></Document>', message: /decimal amount/ },
    { name: 'a bad indicator', xml: '<Document><BkToCstmrStmt><Stmt><Id>S</Id><Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CR</CdtDbtInd></Ntry></Stmt></BkToCstmrStmt></Document>', message: /CdtDbtInd/ },
  ])('$name', ({ xml, message }) => {
    expect(() => parseCamtXml(xml)).toThrowError(CamtFormatError);
    expect(() => parseCamtXml(xml)).toThrowError(message);
  });

  it('billion laughs: refused in milliseconds without growing the heap', () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    for (let i = 0; i < 100; i++) expect(() => parseCamtXml(billionLaughsXml)).toThrowError(CamtFormatError);
    expect(performance.now() - started).toBeLessThan(500);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(20 * 1024 * 1024);
  });
});

describe('text with XML escapes', () => {
  // Entity processing is off for safety; the predefined entities must still read as characters.
  const withText = (name: string, ustrd: string) =>
    read('genkgo-camt__camt053.v2.minimal.xml').replace('<Nm>NAME NAME</Nm>', `<Nm>${name}</Nm>`).replace('<RmtInf>', `<RmtInf><Ustrd>${ustrd}</Ustrd>`);
  it.each([
    ['Smith &amp; Sons', 'a &lt;b&gt; &quot;c&quot; &apos;d&apos;', 'Smith & Sons', 'a <b> "c" \'d\''],
    ['Zo&#235; &#x41;G', '&amp;amp;', 'Zoë AG', '&amp;'],
    ['&unknown; &#99999999;', 'x', '&unknown; &#99999999;', 'x'],
  ])('%s → decoded once, unknown references kept', (name, ustrd, payer, text) => {
    const entry = parseCamtXml(withText(name, ustrd)).entries[0]!;
    expect([entry.payerName, entry.unstructured[0]]).toEqual([payer, text]);
  });
});
