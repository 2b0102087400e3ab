// The transactional outbox on a real database: the command exists exactly when the
// transaction commits, repeats are idempotent by key, payloads are checked, commands of
// one ordering key get increasing createdAt, and targets are resolved by system kind; many
// commands in one INSERT (enqueueCommands) keep the same checks, idempotency and order.
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../db/client.ts';
import type { SystemKind } from '../db/generated/enums.ts';
import type { CreateCustomerPayload } from './commands/create-customer.ts';
import { ConnectorNotConfiguredError, enqueueCommand, enqueueCommands } from './enqueue-command.ts';
import { resolveCommandTarget } from './resolve-command-target.ts';

async function connector(code: string, kind: SystemKind = 'ERP', active = true) {
  return db().connector.create({ data: { code, name: code, kind, active, sources: [], tokenHash: createHash('sha256').update(randomUUID()).digest('hex') } });
}

const customer = (): CreateCustomerPayload => ({
  clientId: randomUUID(),
  name: 'Acme',
  legalName: null,
  billToLegalEntityCode: 'US01',
  billingCurrency: null,
  parentClientId: null,
  origin: { system: 'crm', externalId: 'ACME-1' },
});

describe('enqueueCommand', () => {
  it('writes a PENDING command in the caller transaction, once per idempotency key', async () => {
    const target = await connector(`erp-${randomUUID().slice(0, 6)}`);
    const key = `${target.code}:create-customer:${randomUUID()}`;
    const input = { connectorCode: target.code, kind: 'CREATE_CUSTOMER' as const, payload: customer(), idempotencyKey: key, heldAmount: { amount: '1250.50', currency: 'USD' }, correlationId: 'corr-1', entityType: 'Client' as const, entityId: randomUUID() };
    const first = await db().$transaction((tx) => enqueueCommand(tx, input));
    const again = await db().$transaction((tx) => enqueueCommand(tx, { ...input, payload: { ...customer(), name: 'Changed' } }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const row = await db().outboxCommand.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 0, connectorId: target.id, kind: 'CREATE_CUSTOMER', correlationId: 'corr-1', heldCurrency: 'USD', payload: { name: 'Acme' } });
    expect(row.heldAmount?.toString()).toBe('1250.5');
    expect(row.nextAttemptAt).toEqual(row.createdAt);

    // Rolled back with its transaction: nothing stays behind.
    const rolledBack = `${target.code}:rolled-back`;
    await db().$transaction(async (tx) => {
      await enqueueCommand(tx, { ...input, idempotencyKey: rolledBack });
      throw new Error('the change failed');
    }).catch(() => undefined);
    expect(await db().outboxCommand.count({ where: { idempotencyKey: rolledBack } })).toBe(0);
  });

  it('gives commands of one ordering key strictly increasing createdAt, even in one transaction', async () => {
    const target = await connector(`erp-${randomUUID().slice(0, 6)}`);
    const orderingKey = `${target.code}:client:${randomUUID()}`;
    await db().$transaction(async (tx) => {
      for (let i = 0; i < 5; i++) await enqueueCommand(tx, { connectorCode: target.code, kind: 'CREATE_CUSTOMER', payload: customer(), idempotencyKey: `${orderingKey}:${i}`, orderingKey });
    });
    const rows = await db().outboxCommand.findMany({ where: { orderingKey }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => r.idempotencyKey)).toEqual([0, 1, 2, 3, 4].map((i) => `${orderingKey}:${i}`));
    expect(new Set(rows.map((r) => r.createdAt.getTime())).size).toBe(5);
  });

  it('refuses a missing or inactive connector, an invalid payload and a key reused for another kind', async () => {
    const enqueue = (connectorCode: string, payload: CreateCustomerPayload, key = randomUUID()) =>
      db().$transaction((tx) => enqueueCommand(tx, { connectorCode, kind: 'CREATE_CUSTOMER', payload, idempotencyKey: key }));
    await expect(enqueue('no-such-erp', customer())).rejects.toBeInstanceOf(ConnectorNotConfiguredError);
    const inactive = await connector(`erp-${randomUUID().slice(0, 6)}`, 'ERP', false);
    await expect(enqueue(inactive.code, customer())).rejects.toMatchObject({ reason: 'inactive' });
    const target = await connector(`erp-${randomUUID().slice(0, 6)}`);
    await expect(enqueue(target.code, { ...customer(), clientId: 'not-a-uuid' })).rejects.toThrow(/Invalid CREATE_CUSTOMER payload/);

    const key = randomUUID();
    await enqueue(target.code, customer(), key);
    const reused = db().$transaction((tx) =>
      enqueueCommand(tx, {
        connectorCode: target.code,
        kind: 'CREATE_PROJECT',
        idempotencyKey: key,
        payload: {
          engagementId: randomUUID(),
          engagementCode: 'ENG-US01-0001',
          correlationId: 'c',
          name: 'n',
          client: { id: randomUUID(), name: 'Acme' },
          legalEntityCode: 'US01',
          currency: 'USD',
          billingModel: 'TIME_AND_MATERIALS',
          contractValue: '1',
          estimatedCost: null,
          budgetHours: null,
          quote: { externalId: 'Q', version: 1, acceptedAt: '2026-03-31T17:45:00Z' },
          milestones: [],
        },
      }),
    );
    await expect(reused).rejects.toThrow(/already names a CREATE_CUSTOMER command/);
  });
});

describe('resolveCommandTarget', () => {
  it('the only active connector of the kind; among several, the one coded like the kind; otherwise says why', async () => {
    await connector('time', 'TIME');
    await connector('time-2', 'TIME');
    await connector('sp-a', 'SERVICE_PLATFORM');
    await connector('sp-b', 'SERVICE_PLATFORM');
    await connector('hcm-off', 'HCM', false);
    await connector('the-tax-engine', 'TAX');
    await db().$transaction(async (tx) => {
      expect(await resolveCommandTarget(tx, 'TAX')).toMatchObject({ ok: true, code: 'the-tax-engine' });
      expect(await resolveCommandTarget(tx, 'TIME')).toMatchObject({ ok: true, code: 'time' });
      expect(await resolveCommandTarget(tx, 'SERVICE_PLATFORM')).toEqual({ ok: false, kind: 'SERVICE_PLATFORM', reason: 'ambiguous', candidates: ['sp-a', 'sp-b'] });
      expect(await resolveCommandTarget(tx, 'HCM')).toEqual({ ok: false, kind: 'HCM', reason: 'missing', candidates: [] });
    });
  });
});

describe('enqueueCommands', () => {
  it('orders the commands of one key as given, and answers a repeated key with the command already there', async () => {
    const target = await connector(`erp-${randomUUID().slice(0, 6)}`);
    const orderingKey = `${target.code}:client:${randomUUID()}`;
    const command = (key: string, ordered = true) => ({ connectorCode: target.code, kind: 'CREATE_CUSTOMER' as const, payload: customer(), idempotencyKey: key, orderingKey: ordered ? orderingKey : null });
    const earlier = await db().$transaction((tx) => enqueueCommand(tx, command(`${orderingKey}:0`)));

    const keys = [1, 2, 3, 4].map((i) => `${orderingKey}:${i}`);
    const results = await db().$transaction((tx) => enqueueCommands(tx, [command(keys[0]!), command(keys[1]!), command(`${orderingKey}:0`), command(keys[2]!), command(keys[1]!), command(keys[3]!, false)]));
    expect(results.map((r) => r.created)).toEqual([true, true, false, true, false, true]);
    expect(results[2]!.id).toBe(earlier.id);
    expect(results[4]!.id).toBe(results[1]!.id);

    const rows = await db().outboxCommand.findMany({ where: { orderingKey }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => r.idempotencyKey)).toEqual([0, 1, 2, 3].map((i) => `${orderingKey}:${i}`));
    expect(new Set(rows.map((r) => r.createdAt.getTime())).size).toBe(4);
    expect(await db().outboxCommand.count({ where: { idempotencyKey: { startsWith: orderingKey } } })).toBe(5);
  });

  it('writes nothing when one command of the call is invalid', async () => {
    const target = await connector(`erp-${randomUUID().slice(0, 6)}`);
    const key = randomUUID();
    const call = db().$transaction((tx) =>
      enqueueCommands(tx, [
        { connectorCode: target.code, kind: 'CREATE_CUSTOMER', payload: customer(), idempotencyKey: key },
        { connectorCode: target.code, kind: 'CREATE_CUSTOMER', payload: { ...customer(), clientId: 'not-a-uuid' }, idempotencyKey: `${key}:2` },
      ]),
    );
    await expect(call).rejects.toThrow(/Invalid CREATE_CUSTOMER payload/);
    expect(await db().outboxCommand.count({ where: { idempotencyKey: key } })).toBe(0);
  });
});
