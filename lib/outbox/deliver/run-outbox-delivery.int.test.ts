// The worker's delivery loop on a real database with the simulated ERP: an enqueue wakes it
// (NOTIFY at commit, long before the poll interval), commands of one ordering key reach the
// ERP in creation order even when the first one fails for a while, and a command left
// IN_FLIGHT by a worker that died is taken over once its lease has run out.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { requireDatabaseUrl } from '../../env.ts';
import { startErpSimulator, type RunningErp } from '../../../simulators/erp/server.ts';
import { deliverUntil, simulatorToken, targetConnector } from '../../../test/support/outbox.ts';
import { enqueueCommand } from '../enqueue-command.ts';
import { deliverDueCommands } from './deliver-due-commands.ts';
import { startOutboxDelivery } from './run-outbox-delivery.ts';

let erp: RunningErp;
const seen: string[] = [];

beforeAll(async () => {
  const token = simulatorToken();
  erp = await startErpSimulator({ port: 0, token, onRequest: (summary) => seen.push(`${summary.path}:${summary.status}`) });
  await targetConnector({ code: 'erp', kind: 'ERP', endpoint: erp.url, token });
});
afterAll(async () => erp?.stop());

const customer = (clientId = randomUUID()) => ({ clientId, name: 'Acme', legalName: null, billToLegalEntityCode: 'US01', billingCurrency: 'USD', parentClientId: null, origin: null });
const statusOf = async (id: string) => (await db().outboxCommand.findUniqueOrThrow({ where: { id } })).status;

describe('the delivery loop', () => {
  it('is woken by an enqueue and delivers without waiting for its poll', async () => {
    const loop = await startOutboxDelivery({ databaseUrl: requireDatabaseUrl(), pollMs: 60_000, maxInFlight: 4, backoffBaseMs: 10, backoffCapMs: 50 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // its first round found nothing and went to sleep
      const payload = customer();
      const { id } = await db().$transaction((tx) => enqueueCommand(tx, { connectorCode: 'erp', kind: 'CREATE_CUSTOMER', idempotencyKey: `erp:create-customer:${payload.clientId}`, payload }));
      const started = Date.now();
      while ((await statusOf(id)) !== 'DELIVERED') {
        if (Date.now() - started > 10_000) throw new Error('not delivered within 10 s: the NOTIFY did not wake the loop');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(erp.ledger.customers.has(payload.clientId)).toBe(true);
    } finally {
      await loop.stop();
    }
  });
});

describe('ordering keys', () => {
  it('deliver a project only after its customer, even when the customer needs retries', async () => {
    const clientId = randomUUID();
    const orderingKey = `erp:client:${clientId}`;
    erp.setFaults({ errorRate: 1 });
    const ids = await db().$transaction(async (tx) => {
      const first = await enqueueCommand(tx, { connectorCode: 'erp', kind: 'CREATE_CUSTOMER', idempotencyKey: `erp:create-customer:${clientId}`, orderingKey, payload: customer(clientId) });
      const engagementId = randomUUID();
      const second = await enqueueCommand(tx, {
        connectorCode: 'erp',
        kind: 'CREATE_PROJECT',
        idempotencyKey: `erp:create-project:${engagementId}`,
        orderingKey,
        payload: {
          engagementId,
          engagementCode: `ENG-${engagementId.slice(0, 6)}`,
          correlationId: `corr-${engagementId}`,
          name: 'Transformation',
          client: { id: clientId, name: 'Acme' },
          legalEntityCode: 'US01',
          currency: 'USD',
          billingModel: 'FIXED_FEE_MILESTONE',
          contractValue: '250000.00',
          estimatedCost: null,
          budgetHours: null,
          quote: { externalId: 'Q-1', version: 1, acceptedAt: '2026-04-01T09:00:00Z' },
          milestones: [],
        },
      });
      return [first.id, second.id];
    });
    seen.length = 0;
    await deliverUntil(async () => (await db().outboxCommand.findUniqueOrThrow({ where: { id: ids[0]! } })).attempts >= 3, { settings: { maxInFlight: 8, backoffBaseMs: 5, backoffCapMs: 20, maxAttempts: 50 } });
    expect(await statusOf(ids[1]!)).toBe('PENDING');
    expect((await db().outboxCommand.findUniqueOrThrow({ where: { id: ids[1]! } })).attempts).toBe(0);
    expect(seen.every((s) => s.startsWith('/v1/customers'))).toBe(true);

    erp.setFaults({ errorRate: 0 });
    await deliverUntil(async () => (await statusOf(ids[1]!)) === 'DELIVERED', { settings: { maxInFlight: 8, backoffBaseMs: 5, backoffCapMs: 20, maxAttempts: 50 } });
    expect(seen.filter((s) => s.endsWith(':201') || s.endsWith(':200'))).toEqual(['/v1/customers:201', '/v1/projects:201']);
  });
});

describe('a worker that died mid-request', () => {
  it('leaves its command IN_FLIGHT until the lease runs out; then another worker delivers it', async () => {
    const payload = customer();
    const { id } = await db().$transaction((tx) => enqueueCommand(tx, { connectorCode: 'erp', kind: 'CREATE_CUSTOMER', idempotencyKey: `erp:create-customer:${payload.clientId}`, payload }));
    // As a claim by a worker that then vanished: IN_FLIGHT, one attempt, lease in the future.
    await db().outboxCommand.update({ where: { id }, data: { status: 'IN_FLIGHT', attempts: 1, nextAttemptAt: new Date(Date.now() + 60_000) } });
    const round = await deliverDueCommands({ maxInFlight: 4, backoffBaseMs: 5, backoffCapMs: 20 }, 0);
    await round.done;
    expect(round.started).toBe(0);
    expect(await statusOf(id)).toBe('IN_FLIGHT'); // the lease is still running: nobody else touches it

    await db().outboxCommand.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
    await deliverUntil(async () => (await statusOf(id)) === 'DELIVERED');
    const row = await db().outboxCommand.findUniqueOrThrow({ where: { id }, include: { attemptLog: true } });
    expect(row.attempts).toBe(2);
    expect(row.attemptLog.map((a) => [a.attemptNo, a.outcome])).toEqual([[2, 'SUCCESS']]);
  });
});
