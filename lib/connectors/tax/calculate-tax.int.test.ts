// calculateTax against the real simulated tax engine on a free port, through a connector
// row pointing at it: answers, idempotent repeats, and every way the call fails mapped to
// "wait" (TaxEngineUnavailableError) or "fix the data" (TaxCalculationRejectedError).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTaxEngine, type RunningTaxEngine } from '../../../simulators/tax-engine/server.ts';
import { db } from '../../db/client.ts';
import { createConnector } from '../../services/connectors/create-connector.ts';
import { setConnectorEndpoint } from '../../services/connectors/set-connector-endpoint.ts';
import { setConnectorOutboundPolicy } from '../../services/connectors/set-outbound-policy.ts';
import { setConnectorOutboundToken } from '../../services/connectors/set-outbound-token.ts';
import { TransientWorkflowError } from '../../workflows/workflow.ts';
import { calculateTax, type CalculateTaxOptions } from './calculate-tax.ts';
import { TaxCalculationRejectedError, TaxEngineUnavailableError } from './errors.ts';

const actor = { type: 'SYSTEM', id: 'test' } as const;
const token = 'tl_taxsim_test-token-0123456789abcdef';
let engine: RunningTaxEngine;
let n = 0;
const unique = (prefix: string) => `${prefix}-${++n}-${Math.random().toString(36).slice(2, 8)}`;

async function taxConnector(endpoint: string | null = engine.url, outboundToken: string | null = token): Promise<string> {
  const code = unique('tax');
  await createConnector({ code, name: `Tax ${code}`, kind: 'TAX', sources: [`/test/${code}`], endpoint, withSigningSecret: false, actor });
  if (outboundToken) await setConnectorOutboundToken({ code, token: outboundToken, actor });
  await setConnectorOutboundPolicy({ code, policy: { allowPrivate: true }, actor });
  return code;
}

function invoice(connectorCode: string, overrides: Partial<CalculateTaxOptions> = {}): CalculateTaxOptions {
  return {
    connectorCode,
    documentId: unique('inv'),
    currency: 'USD',
    issueDate: new Date('2026-03-31T00:00:00Z'),
    seller: { legalEntityCode: 'US01', country: 'US' },
    buyer: { nexus: 'US-HI', exempt: false },
    lines: [
      { lineId: 'l1', amount: '12.38', sku: 'ADV-SENIOR' },
      { lineId: 'l2', amount: '1000.00', sku: 'FF-TRANSFORM' },
    ],
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

async function control(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${engine.url}/_control`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  engine = await startTaxEngine({ port: 0, token });
});
afterEach(() => void engine.setFaults({ latencyMs: 0, errorRate: 0, outage: false, status429Rate: 0 }));
afterAll(async () => engine.stop());

describe('calculateTax', () => {
  it('returns tax per line, rounded half-up per line, with codes Threadline knows', async () => {
    const code = await taxConnector();
    const result = await calculateTax(invoice(code, { documentId: 'INV-US01-2026-0001' }));
    expect(result).toEqual({
      connectorCode: code,
      documentId: 'INV-US01-2026-0001',
      currency: 'USD',
      lines: [
        { lineId: 'l1', taxableAmount: '12.38', rate: '0.04', taxAmount: '0.50', jurisdiction: 'US-HI', taxCode: 'US-HI-STD' },
        { lineId: 'l2', taxableAmount: '1000.00', rate: '0.04', taxAmount: '40.00', jurisdiction: 'US-HI', taxCode: 'US-HI-STD' },
      ],
      totalTax: '40.50',
      replayed: false,
    });
    const known = await db().taxCode.findMany({ where: { code: { in: result.lines.map((l) => l.taxCode) } }, include: { jurisdiction: true } });
    expect(known.map((k) => [k.code, k.jurisdiction.code, k.rate.toString()])).toEqual([['US-HI-STD', 'US-HI', '0.04']]);
  });

  it('can read the connector inside the caller’s transaction', async () => {
    const code = await taxConnector();
    const result = await db().$transaction((tx) => calculateTax({ ...invoice(code), tx }));
    expect(result.totalTax).toBe('40.50');
  });

  it('repeats a calculation idempotently (Idempotency-Key = documentId)', async () => {
    const code = await taxConnector();
    const call = invoice(code);
    const before = engine.stats();
    const first = await calculateTax(call);
    const second = await calculateTax(call);
    expect(second).toEqual({ ...first, replayed: true });
    expect(engine.stats().calculated - before.calculated).toBe(1);
    expect(engine.stats().replayed - before.replayed).toBe(1);
  });

  it('rejects the same document sent again with other lines (409)', async () => {
    const code = await taxConnector();
    const call = invoice(code);
    await calculateTax(call);
    const error = await failure(calculateTax({ ...call, lines: [{ lineId: 'l1', amount: '99.00', sku: 'ADV-SENIOR' }] }));
    expect(error).toBeInstanceOf(TaxCalculationRejectedError);
    expect(error).toMatchObject({ rejection: { status: 409, code: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('still calls the engine for an exempt buyer and records its exempt code', async () => {
    const code = await taxConnector();
    const before = engine.stats().exemptDocuments;
    const result = await calculateTax(invoice(code, { buyer: { nexus: 'US-HI', exempt: true } }));
    expect(result.totalTax).toBe('0.00');
    expect(result.lines.every((l) => l.taxCode === 'US-HI-EXEMPT' && l.taxAmount === '0.00')).toBe(true);
    expect(engine.stats().exemptDocuments).toBe(before + 1);
  });
});

describe('when the engine cannot answer, the invoice waits (TaxEngineUnavailableError)', () => {
  it('during an outage (503), and works again once it is over', async () => {
    const code = await taxConnector();
    const call = invoice(code);
    await control({ outage: true });
    const error = await failure(calculateTax(call));
    expect(error).toBeInstanceOf(TaxEngineUnavailableError);
    expect(error).toBeInstanceOf(TransientWorkflowError);
    expect(error).toMatchObject({ reason: 'server-error', exceptionCode: 'TAX_ENGINE_UNAVAILABLE', details: { status: 503, retryAfterSeconds: 5 } });
    await control({ outage: false });
    expect((await calculateTax(call)).totalTax).toBe('40.50');
  });

  it('on 429', async () => {
    const code = await taxConnector();
    await control({ status429Rate: 1 });
    expect(await failure(calculateTax(invoice(code)))).toMatchObject({ name: 'TaxEngineUnavailableError', reason: 'rate-limited', details: { status: 429, retryAfterSeconds: 1 } });
  });

  it('on random 5xx', async () => {
    const code = await taxConnector();
    await control({ errorRate: 1 });
    expect(await failure(calculateTax(invoice(code)))).toMatchObject({ reason: 'server-error', details: { status: 500 } });
  });

  it('when the answer takes longer than the timeout', async () => {
    const code = await taxConnector();
    await control({ latencyMs: 1_500 });
    const started = Date.now();
    expect(await failure(calculateTax({ ...invoice(code), timeoutMs: 200 }))).toMatchObject({ reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_200);
  });

  it('when nothing listens at the endpoint', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const code = await taxConnector(`http://127.0.0.1:${port}`);
    expect(await failure(calculateTax(invoice(code)))).toMatchObject({ reason: 'network' });
  });

  it('when the engine refuses our token', async () => {
    const code = await taxConnector(engine.url, 'tl_taxsim_not-the-right-token-000000');
    expect(await failure(calculateTax(invoice(code)))).toMatchObject({ reason: 'unauthorized', details: { status: 401 } });
  });

  it('when the connector has no endpoint, no token, or an endpoint that is not http(s)', async () => {
    expect(await failure(calculateTax(invoice(await taxConnector(null))))).toMatchObject({ reason: 'not-configured' });
    expect(await failure(calculateTax(invoice(await taxConnector(engine.url, null))))).toMatchObject({ reason: 'not-configured' });
    expect(await failure(calculateTax(invoice(unique('no-such-connector'))))).toMatchObject({ reason: 'not-configured' });
    const code = await taxConnector();
    await db().connector.update({ where: { code }, data: { endpoint: 'file:///etc/passwd' } }); // past the service's validation
    expect(await failure(calculateTax(invoice(code)))).toMatchObject({ reason: 'not-configured', message: expect.stringContaining('http(s)') });
  });

  it('refuses a loopback endpoint unless the connector allows private targets (SSRF guard), without calling it', async () => {
    const code = await taxConnector();
    await setConnectorOutboundPolicy({ code, policy: { allowPrivate: false }, actor });
    const before = engine.stats().calculateRequests;
    expect(await failure(calculateTax(invoice(code)))).toMatchObject({ reason: 'not-configured', message: expect.stringContaining('loopback') });
    expect(engine.stats().calculateRequests).toBe(before);
    await db().connector.update({ where: { code }, data: { endpoint: 'http://169.254.169.254/' } });
    await setConnectorOutboundPolicy({ code, policy: { allowPrivate: true }, actor });
    expect(await failure(calculateTax(invoice(code)))).toMatchObject({ reason: 'not-configured', message: expect.stringContaining('link-local') });
  });

  it('refuses an endpoint that redirects elsewhere, and never follows it', async () => {
    const redirector = http.createServer((_req, res) => {
      res.writeHead(307, { Location: `${engine.url}/v1/tax/calculate` });
      res.end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    try {
      const code = await taxConnector(`http://127.0.0.1:${(redirector.address() as AddressInfo).port}`);
      const before = engine.stats().calculateRequests;
      expect(await failure(calculateTax(invoice(code)))).toMatchObject({ reason: 'redirect-refused', details: { status: 307 } });
      expect(engine.stats().calculateRequests).toBe(before);
    } finally {
      await new Promise((resolve) => redirector.close(resolve));
    }
  });
});

describe('when the engine rejects the document, someone fixes the data (TaxCalculationRejectedError)', () => {
  it('an unknown jurisdiction is a 422; after the fix the same document goes through', async () => {
    const code = await taxConnector();
    const call = invoice(code, { buyer: { nexus: 'FR', exempt: false } });
    const error = await failure(calculateTax(call));
    expect(error).toBeInstanceOf(TaxCalculationRejectedError);
    expect(error).not.toBeInstanceOf(TransientWorkflowError);
    expect(error).toMatchObject({ exceptionCode: 'MISSING_TAX_PROFILE', rejection: { status: 422, code: 'UNKNOWN_JURISDICTION', jurisdiction: 'FR' } });
    expect((await calculateTax({ ...call, buyer: { nexus: 'US-HI', exempt: false } })).totalTax).toBe('40.50');
  });

  it('a buyer without a nexus is rejected without a call', async () => {
    const code = await taxConnector();
    const before = engine.stats().calculateRequests;
    expect(await failure(calculateTax(invoice(code, { buyer: { nexus: null, exempt: false } })))).toMatchObject({ rejection: { code: 'MISSING_NEXUS', status: null } });
    expect(engine.stats().calculateRequests).toBe(before);
  });
});

describe('the endpoint is read at each call', () => {
  it('so re-pointing the connector takes effect at once', async () => {
    const code = await taxConnector(null);
    expect(await failure(calculateTax(invoice(code)))).toMatchObject({ reason: 'not-configured' });
    await setConnectorEndpoint({ code, endpoint: engine.url, actor });
    expect((await calculateTax(invoice(code))).totalTax).toBe('40.50');
  });
});
