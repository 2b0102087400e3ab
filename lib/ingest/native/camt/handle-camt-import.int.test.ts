// POST /api/v1/imports/camt053 through the real handler, connector auth, the real inbox and
// the payment workflow, with the genkgo/camt sample files and hostile XML.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cashConnectors, createEngagement, createInvoice, createPayer, invoiceRow } from '../../../../test/fixtures/cash.ts';
import { testConnector } from '../../../../test/support/ingest.ts';
import { db } from '../../../db/client.ts';
import { signPayload } from '../../auth/signature.ts';
import type { CreatedConnector } from '../../../services/connectors/create-connector.ts';
import { processInboxBatch } from '../../../workflows/process-inbox-batch.ts';
import { buildWorkflowResolver } from '../../../workflows/registry.ts';
import { handleCamtImport, MAX_CAMT_ENTRIES } from './handle-camt-import.ts';
import { billionLaughsXml, externalEntityXml } from './malicious-xml.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../test/fixtures/external');
const read = (file: string) => readFileSync(path.join(FIXTURES, file), 'utf8');
let bank: CreatedConnector;
let crm: CreatedConnector;

beforeAll(async () => {
  await cashConnectors(); // the ERP that applying cash reports to
  bank = await testConnector({ code: 'bank-test', kind: 'BANK', sources: ['/test/bank'] });
  crm = await testConnector({ code: 'crm-camt', kind: 'CRM', sources: ['/test/crm-camt'] });
});

// Test connectors have a signing secret, so uploads are signed like any connector request.
function upload(body: string, options: { connector?: CreatedConnector; contentType?: string; signature?: string } = {}) {
  const connector = options.connector ?? bank;
  const headers = new Headers({ authorization: `Bearer ${connector.token}`, 'content-type': options.contentType ?? 'application/xml' });
  const signature = options.signature ?? (connector.signingSecret ? signPayload(connector.signingSecret, body) : undefined);
  if (signature) headers.set('threadline-signature', signature);
  return handleCamtImport(new Request('http://threadline.test/api/v1/imports/camt053', { method: 'POST', headers, body }));
}
const drain = async () => {
  const settings = { batchSize: 100, gapTimeoutMs: 60_000, maxAttempts: 3, resolve: buildWorkflowResolver() };
  while ((await processInboxBatch(settings)).claimed > 0);
};

describe('POST /api/v1/imports/camt053', () => {
  it('camt.053: each credit becomes one cash receipt; importing the same statement again adds nothing', async () => {
    const xml = read('genkgo-camt__camt053.v2.minimal.xml');
    const first = await upload(xml);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ kind: 'camt.053', messageId: 'CAMT053RIB000000000001', entries: 1, credits: 1, accepted: 1, duplicates: 0, skippedDebits: 0 });
    const again = await upload(xml);
    expect(await again.json()).toMatchObject({ entries: 1, accepted: 0, duplicates: 1, results: [{ id: 'stmt:253EURNL26VAYB8060476890:1', status: 'duplicate' }] });

    await drain();
    const receipts = await db().cashReceipt.findMany({ where: { sourceSystem: 'bank-test', externalId: 'stmt:253EURNL26VAYB8060476890:1' } });
    expect(receipts.map((r) => ({ amount: r.amount.toFixed(2), currency: r.currency, payerName: r.payerName, receivedAt: r.receivedAt.toISOString() }))).toEqual([
      { amount: '8.85', currency: 'EUR', payerName: 'NAME NAME', receivedAt: '2015-01-02T00:00:00.000Z' },
    ]);
  });

  it('the creditor reference names an invoice: the credit is applied to it by remittance', async () => {
    const { client } = await createPayer({ connectorId: bank.id, code: bank.code, kind: 'BANK' });
    const invoice = await createInvoice(await createEngagement(client.id, { currency: 'EUR' }), { net: '8.85', currency: 'EUR' });
    // The minimal statement, its creditor reference replaced by the invoice number and its statement id by a fresh one.
    const xml = read('genkgo-camt__camt053.v2.minimal.xml').replace('4654654654654654', invoice.number!).replace('<Id>253EURNL26VAYB8060476890</Id>', `<Id>STMT-${invoice.number}</Id>`);
    expect(await (await upload(xml)).json()).toMatchObject({ accepted: 1 });
    await drain();
    const receipt = await db().cashReceipt.findUniqueOrThrow({ where: { sourceSystem_externalId: { sourceSystem: 'bank-test', externalId: `stmt:STMT-${invoice.number}:1` } }, include: { applications: true } });
    expect(receipt.applications.map((a) => ({ invoiceId: a.invoiceId, method: a.method, amount: a.amount.toFixed(2) }))).toEqual([{ invoiceId: invoice.id, method: 'REMITTANCE', amount: '8.85' }]);
    expect((await invoiceRow(invoice.id)).status).toBe('PAID');
  });

  it('the same bank reference with another amount: rejected in the results and raised as PAYLOAD_CONFLICT', async () => {
    const entry = (amount: string) =>
      `<Document><BkToCstmrStmt><Stmt><Id>S-${amount}</Id><Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><AcctSvcrRef>REUSED-1</AcctSvcrRef></Ntry></Stmt></BkToCstmrStmt></Document>`;
    expect(await (await upload(entry('10.00'))).json()).toMatchObject({ accepted: 1 });
    const second = await upload(entry('11.00'));
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ accepted: 0, rejected: 1, results: [{ id: 'acctsvcr:REUSED-1', status: 'rejected', error: { code: 'PAYLOAD_CONFLICT' } }] });
    const original = await db().inboxEvent.findUniqueOrThrow({ where: { source_eventId: { source: '/test/bank', eventId: 'acctsvcr:REUSED-1' } } });
    expect(await db().exception.count({ where: { code: 'PAYLOAD_CONFLICT', entityId: original.id } })).toBe(1);
  });

  it('a multi-statement file: credits of every statement, debits counted and skipped', async () => {
    const response = await upload(read('genkgo-camt__camt053.v2.multi.statement.xml'));
    expect(await response.json()).toMatchObject({ entries: 2, credits: 1, accepted: 1, skippedDebits: 1, results: [{ id: 'e2e:NL26VAYB8060476890:000000001', status: 'accepted' }] });
  });

  it('camt.054: a credit notification keyed by its UETR (the v8 sample turned into a credit)', async () => {
    const xml = read('genkgo-camt__camt054.v8-with-UETR.xml').replace('<CdtDbtInd>DBIT</CdtDbtInd>', '<CdtDbtInd>CRDT</CdtDbtInd>');
    const response = await upload(xml);
    expect(await response.json()).toMatchObject({ kind: 'camt.054', credits: 1, accepted: 1, results: [{ id: 'uetr:255ae394-9965-4438-ac86-f406feada396', status: 'accepted' }] });
    const row = await db().inboxEvent.findUniqueOrThrow({ where: { source_eventId: { source: '/test/bank', eventId: 'uetr:255ae394-9965-4438-ac86-f406feada396' } } });
    expect((row.payload as { data: unknown }).data).toMatchObject({ amount: '200000', currency: 'SEK' });
  });

  it('camt.054 debits only: nothing written', async () => {
    expect(await (await upload(read('genkgo-camt__camt054.v2.xml'))).json()).toMatchObject({ entries: 1, credits: 0, accepted: 0, skippedDebits: 1 });
  });

  it.each([
    { name: 'an external entity (XXE)', xml: externalEntityXml },
    { name: 'billion laughs', xml: billionLaughsXml },
  ])('400 within 200 ms: $name', async ({ xml }) => {
    const started = performance.now();
    const response = await upload(xml);
    expect(performance.now() - started).toBeLessThan(200);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).detail).toMatch(/DOCTYPE/);
  });

  it('400: XML that is not a camt document', async () => {
    const response = await upload('<Document><CstmrCdtTrfInitn/></Document>');
    expect(response.status).toBe(400);
    expect((await response.json()).detail).toMatch(/camt.053/);
  });

  it('401 without a token, 403 for a connector that is not a bank, 415 for JSON', async () => {
    const xml = read('genkgo-camt__camt053.v2.minimal.xml');
    const anonymous = await handleCamtImport(new Request('http://threadline.test/api/v1/imports/camt053', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml }));
    expect(anonymous.status).toBe(401);
    expect((await upload(xml, { connector: crm })).status).toBe(403);
    expect((await upload(xml, { contentType: 'application/json' })).status).toBe(415);
  });

  it('401: a statement whose signature does not match its body', async () => {
    const xml = read('genkgo-camt__camt053.v2.minimal.xml');
    const response = await upload(xml.replace('8.85', '9.85'), { signature: signPayload(bank.signingSecret!, xml) });
    expect(response.status).toBe(401);
  });

  it('413: more entries than one import takes, and nothing is written', async () => {
    const entry = '<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><AcctSvcrRef>TOO-MANY</AcctSvcrRef></Ntry>';
    const response = await upload(`<Document><BkToCstmrStmt><Stmt><Id>BIG</Id>${entry.repeat(MAX_CAMT_ENTRIES + 1)}</Stmt></BkToCstmrStmt></Document>`);
    expect(response.status).toBe(413);
    expect(await db().inboxEvent.count({ where: { eventId: 'acctsvcr:TOO-MANY' } })).toBe(0);
  });

  it('413: a body over 10 MB', async () => {
    const response = await upload(`<Document>${' '.repeat(10 * 1024 * 1024)}</Document>`);
    expect(response.status).toBe(413);
  });
});
