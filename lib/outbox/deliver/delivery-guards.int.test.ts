// What delivery refuses and how it shares a target (DESIGN.md §6), over real HTTP with
// the simulated ERP and a real PostgreSQL: private and loopback endpoints only for a
// connector that allows them, link-local never, redirects never followed; one
// concurrency budget per target shared by every worker, and 429s waited out without
// counting towards the dead letter.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { performExceptionAction } from '../../services/exceptions/perform-exception-action.ts';
import { setConnectorEndpoint } from '../../services/connectors/set-connector-endpoint.ts';
import { setConnectorOutboundPolicy } from '../../services/connectors/set-outbound-policy.ts';
import { startErpSimulator, type RunningErp } from '../../../simulators/erp/server.ts';
import { deliverUntil, fastDelivery, simulatorToken, targetConnector } from '../../../test/support/outbox.ts';
import { enqueueCommand } from '../enqueue-command.ts';

const actor = { type: 'SYSTEM', id: 'test' } as const;
const token = simulatorToken();
let erp: RunningErp;

beforeAll(async () => {
  erp = await startErpSimulator({ port: 0, token });
});
afterAll(async () => erp?.stop());

async function createCustomerCommand(connectorCode: string) {
  const clientId = randomUUID();
  const { id } = await db().$transaction((tx) =>
    enqueueCommand(tx, {
      connectorCode,
      kind: 'CREATE_CUSTOMER',
      idempotencyKey: `${connectorCode}:create-customer:${clientId}`,
      entityType: 'Client',
      entityId: clientId,
      payload: { clientId, name: `Client ${clientId.slice(0, 6)}`, legalName: null, billToLegalEntityCode: 'US01', billingCurrency: 'USD', parentClientId: null, origin: null },
    }),
  );
  return { id, clientId };
}

const commandOf = (id: string) => db().outboxCommand.findUniqueOrThrow({ where: { id }, include: { attemptLog: { orderBy: { attemptNo: 'asc' } } } });
const allIn = (ids: string[], status: string) => async () => (await db().outboxCommand.count({ where: { id: { in: ids }, status: status as 'DELIVERED' } })) === ids.length;

describe('the connector endpoint must not be a private address', () => {
  it('refuses 127.0.0.1 and a name resolving to it unless the connector allows private targets; allowed, a replay delivers', async () => {
    await targetConnector({ code: 'erp-strict', kind: 'ERP', endpoint: erp.url, token, policy: { allowPrivate: false } });
    const requestsBefore = erp.stats().requests;
    const literal = await createCustomerCommand('erp-strict');
    await deliverUntil(allIn([literal.id], 'DEAD'));
    const refused = await commandOf(literal.id);
    expect(refused.attemptLog.map((a) => [a.outcome, a.httpStatus])).toEqual([['PERMANENT_ERROR', null]]);
    expect(refused.lastError).toMatch(/127\.0\.0\.1 \(loopback\).*unless it allows private targets/);

    await setConnectorEndpoint({ code: 'erp-strict', endpoint: `http://localhost:${erp.port}`, actor });
    const named = await createCustomerCommand('erp-strict');
    await deliverUntil(allIn([named.id], 'DEAD'));
    expect((await commandOf(named.id)).lastError).toMatch(/localhost resolves to .* \(loopback\)/);
    expect(erp.stats().requests).toBe(requestsBefore); // nothing ever reached it

    await setConnectorOutboundPolicy({ code: 'erp-strict', policy: { allowPrivate: true }, actor });
    const exception = await db().exception.findUniqueOrThrow({ where: { code_entityType_entityId: { code: 'CONNECTOR_DELIVERY_FAILED', entityType: 'OutboxCommand', entityId: named.id } } });
    await performExceptionAction({ exceptionId: exception.id, action: 'replay', actor: { userId: randomUUID(), role: 'INTEGRATION_OPS' }, now: new Date() });
    await deliverUntil(allIn([named.id], 'DELIVERED'));
    expect(await db().externalRef.findFirst({ where: { system: 'erp-strict', entityType: 'Client', entityId: named.clientId } })).toMatchObject({ externalId: expect.stringMatching(/^CUST-/) });
  });

  it('refuses the link-local metadata address even when private targets are allowed', async () => {
    await targetConnector({ code: 'erp-metadata', kind: 'ERP', endpoint: 'http://169.254.169.254/latest/', token });
    const command = await createCustomerCommand('erp-metadata');
    await deliverUntil(allIn([command.id], 'DEAD'));
    expect((await commandOf(command.id)).lastError).toMatch(/169\.254\.169\.254 \(link-local\)/);
  });
});

describe('redirects', () => {
  it('are never followed: the command dies with the redirect named, and the other host is never called', async () => {
    let elsewhereHits = 0;
    const elsewhere = http.createServer((_req, res) => {
      elsewhereHits++;
      res.writeHead(201, { 'Content-Type': 'application/json' }).end('{"customerId":"STOLEN"}');
    });
    const redirecting = http.createServer((_req, res) => res.writeHead(307, { Location: `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/v1/customers` }).end());
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      await targetConnector({ code: 'erp-redirect', kind: 'ERP', endpoint: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`, token });
      const command = await createCustomerCommand('erp-redirect');
      await deliverUntil(allIn([command.id], 'DEAD'));
      const dead = await commandOf(command.id);
      expect(dead.attemptLog.map((a) => [a.outcome, a.httpStatus])).toEqual([['PERMANENT_ERROR', 307]]);
      expect(dead.lastError).toMatch(/redirect to http:\/\/127\.0\.0\.1:\d+\/v1\/customers refused/);
      expect(elsewhereHits).toBe(0);
    } finally {
      redirecting.close();
      elsewhere.close();
    }
  });
});

describe('one budget per target, shared by every worker', () => {
  it('never sends the ERP more concurrent requests than the connector allows, from two workers at once', async () => {
    erp.setFaults({ maxConcurrentRequests: 2, latencyMs: 60 });
    try {
      await targetConnector({ code: 'erp-budget', kind: 'ERP', endpoint: erp.url, token, policy: { maxConcurrency: 2, ratePerSecond: 1000 } });
      const commands = await Promise.all(Array.from({ length: 8 }, () => createCustomerCommand('erp-budget')));
      const ids = commands.map((c) => c.id);
      const faultedBefore = erp.stats().faulted;
      // Two delivery loops (as two worker processes would run them) against one budget row.
      await Promise.all([deliverUntil(allIn(ids, 'DELIVERED')), deliverUntil(allIn(ids, 'DELIVERED'))]);
      expect(erp.stats().faulted).toBe(faultedBefore); // the ERP's limit was never hit
      const outcomes = await db().outboxAttempt.findMany({ where: { commandId: { in: ids } }, select: { outcome: true } });
      expect(outcomes.map((o) => o.outcome)).toEqual(ids.map(() => 'SUCCESS'));
    } finally {
      erp.setFaults({ maxConcurrentRequests: 0, latencyMs: 0 });
    }
  });

  it('waits out 429s without counting them towards the dead letter', async () => {
    erp.setFaults({ maxConcurrentRequests: 1, latencyMs: 40 });
    try {
      await targetConnector({ code: 'erp-busy', kind: 'ERP', endpoint: erp.url, token, policy: { maxConcurrency: 6, ratePerSecond: 1000, maxAttempts: 1 } });
      const ids = (await Promise.all(Array.from({ length: 6 }, () => createCustomerCommand('erp-busy')))).map((c) => c.id);
      // Retry-After is 1 s; the test's backoff cap keeps the wait short.
      await deliverUntil(allIn(ids, 'DELIVERED'), { settings: { ...fastDelivery, maxAttempts: undefined }, timeoutMs: 20_000 });
      const attempts = await db().outboxAttempt.findMany({ where: { commandId: { in: ids } }, select: { outcome: true } });
      expect(attempts.some((a) => a.outcome === 'RATE_LIMITED')).toBe(true);
      expect(await db().outboxCommand.findMany({ where: { id: { in: ids } }, select: { failures: true } })).toEqual(ids.map(() => ({ failures: 0 })));
    } finally {
      erp.setFaults({ maxConcurrentRequests: 0, latencyMs: 0 });
    }
  });
});
