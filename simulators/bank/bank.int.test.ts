// The bank simulator over real HTTP into Threadline's real camt.053 import handler and
// PostgreSQL: the credits of a statement become cash receipts (the one quoting an invoice
// pays it); the same statement imported twice (resent, or the duplicateRate knob) creates the
// payments once; a statement held back (outOfOrderRate) still lands.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cashConnectors, createEngagement, createInvoice, createPayer, invoiceRow } from '../../test/fixtures/cash.ts';
import { testConnector } from '../../test/support/ingest.ts';
import { processInbox, simulatorToken, startIngestServer } from '../../test/support/outbox.ts';
import { db } from '../../lib/db/client.ts';
import { handleCamtImport } from '../../lib/ingest/native/camt/handle-camt-import.ts';
import type { CreatedConnector } from '../../lib/services/connectors/create-connector.ts';
import { startBankSimulator, type RunningBank, type StartBankOptions } from './server.ts';

let importUrl: string;
let connector: CreatedConnector;
let bank: RunningBank | undefined;
const token = simulatorToken();

beforeAll(async () => {
  await cashConnectors(); // the ERP that applying cash reports to
  connector = await testConnector({ code: 'bank-sim', kind: 'BANK', sources: ['/test/bank-sim'], withSigningSecret: true });
  const server = await startIngestServer(handleCamtImport, '/api/v1/imports/camt053');
  importUrl = server.url;
  return () => server.stop();
});
afterEach(async () => {
  await bank?.stop();
  bank = undefined;
});

async function start(options: Partial<StartBankOptions> = {}) {
  bank = await startBankSimulator({ port: 0, token, currency: 'USD', events: { ingestUrl: importUrl, token: connector.token, signingSecret: connector.signingSecret ?? undefined, source: '/test/bank-sim' }, ...options });
  return bank;
}
async function post(path: string, body: unknown) {
  const response = await fetch(`${bank!.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const receiptsOf = (refs: string[]) => db().cashReceipt.findMany({ where: { sourceSystem: 'bank-sim', externalId: { in: refs.map((r) => `acctsvcr:${r}`) } } });

describe('bank simulator → POST /api/v1/imports/camt053', () => {
  it('a statement’s credits become cash receipts; the one quoting an invoice pays it; resent, it adds nothing', async () => {
    await start();
    const { payments } = await cashConnectors();
    const { client } = await createPayer(payments);
    const invoice = await createInvoice(await createEngagement(client.id), { net: '1250.00' });
    const paid = await post('/v1/credits', { amount: '1250.00', currency: 'USD', debtorName: 'Acme & Sons', invoiceNumber: invoice.number });
    const loose = await post('/v1/credits', { amount: '0.30', currency: 'USD', debtorName: 'Someone', remittanceText: 'thanks for the workshop' });
    expect(paid.status).toBe(201);
    const statement = await post('/v1/statements', {});
    expect(statement.body).toMatchObject({ credits: 2, closingBalance: '1250.30' });
    await bank!.emitter.flush();
    expect(bank!.emitter.stats).toMatchObject({ emitted: 1, delivered: 1, failed: 0 });

    expect((await post('/v1/statements/resend', { messageId: statement.body.messageId })).status).toBe(200);
    await bank!.emitter.flush();
    expect(bank!.emitter.stats).toMatchObject({ emitted: 2, delivered: 2, failed: 0 });
    await processInbox();

    const refs = [paid.body.accountServicerRef as string, loose.body.accountServicerRef as string];
    const receipts = await receiptsOf(refs);
    expect(receipts.map((r) => r.amount.toFixed(2)).sort()).toEqual(['0.30', '1250.00']);
    expect(receipts.find((r) => r.amount.toFixed(2) === '1250.00')!.payerName).toBe('Acme & Sons');
    expect((await invoiceRow(invoice.id)).status).toBe('PAID');
    expect(await db().inboxEvent.count({ where: { source: '/test/bank-sim', eventId: { in: refs.map((r) => `acctsvcr:${r}`) } } })).toBe(2);
  });

  it('duplicate and out-of-order delivery: every statement lands once', async () => {
    await start({ faults: { duplicateRate: 1 } });
    const first = await post('/v1/credits', { amount: '10.00', currency: 'USD', debtorName: 'A' });
    await post('/v1/statements', {});
    await bank!.emitter.flush();
    expect(bank!.emitter.stats).toMatchObject({ emitted: 1, duplicatesSent: 1, delivered: 2 });
    await bank!.setFaults({ duplicateRate: 0, outOfOrderRate: 1 });
    const second = await post('/v1/credits', { amount: '20.00', currency: 'USD', debtorName: 'B' });
    await post('/v1/statements', {}); // held back until the next one (or flush)
    await bank!.emitter.flush();
    await processInbox();
    expect((await receiptsOf([first.body.accountServicerRef as string, second.body.accountServicerRef as string])).map((r) => r.amount.toFixed(2)).sort()).toEqual(['10.00', '20.00']);
  });

  it('400 with pointers for a bad credit; 422 for another currency; 404 for an unknown statement', async () => {
    await start();
    const bad = await post('/v1/credits', { amount: '12', currency: 'usd', debtorName: '' });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual(['/amount', '/currency', '/debtorName']);
    expect((await post('/v1/credits', { amount: '1.00', currency: 'EUR', debtorName: 'X' })).status).toBe(422);
    expect((await post('/v1/statements/resend', { messageId: 'nope' })).status).toBe(404);
  });
});
