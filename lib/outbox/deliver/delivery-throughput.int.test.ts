// Delivery throughput of one worker process against the simulated ERP, and the budget
// holding its rate. Opt-in (it only measures): MEASURE_OUTBOX=1 npx vitest run --project
// integration lib/outbox/deliver/delivery-throughput. Figures in docs/CONNECTORS.md.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { requireDatabaseUrl } from '../../env.ts';
import { startErpSimulator, type RunningErp } from '../../../simulators/erp/server.ts';
import { simulatorToken, targetConnector } from '../../../test/support/outbox.ts';
import { enqueueCommand } from '../enqueue-command.ts';
import { startOutboxDelivery } from './run-outbox-delivery.ts';

let erp: RunningErp;
const token = simulatorToken();

async function measure(code: string, n: number, policy: { maxConcurrency: number; ratePerSecond: number }, latencyMs: number): Promise<number> {
  erp.setFaults({ latencyMs });
  await targetConnector({ code, kind: 'ERP', endpoint: erp.url, token, policy });
  await db().$transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const clientId = randomUUID();
      const payload = { clientId, name: 'Acme', legalName: null, billToLegalEntityCode: 'US01', billingCurrency: null, parentClientId: null, origin: null };
      await enqueueCommand(tx, { connectorCode: code, kind: 'CREATE_CUSTOMER', idempotencyKey: `${code}:create-customer:${clientId}`, payload });
    }
  }, { timeout: 120_000 });
  const started = Date.now();
  const loop = await startOutboxDelivery({ databaseUrl: requireDatabaseUrl(), pollMs: 100, maxInFlight: 16, backoffBaseMs: 10, backoffCapMs: 100 });
  try {
    while ((await db().outboxCommand.count({ where: { connector: { code }, status: 'DELIVERED' } })) < n) await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    await loop.stop();
  }
  const perSecond = n / ((Date.now() - started) / 1000);
  process.stdout.write(`outbox delivery: ${n} commands, concurrency ${policy.maxConcurrency}, ${policy.ratePerSecond}/s budget, ERP latency ${latencyMs} ms → ${perSecond.toFixed(1)} deliveries/s\n`);
  return perSecond;
}

describe.skipIf(!process.env.MEASURE_OUTBOX)('outbox delivery throughput', () => {
  beforeAll(async () => {
    erp = await startErpSimulator({ port: 0, token });
  });
  afterAll(async () => erp?.stop());

  it('measures one worker, and the rate budget holds', async () => {
    await measure('erp-open', 400, { maxConcurrency: 8, ratePerSecond: 10_000 }, 0);
    // A 50/s budget: one second's burst, then 50/s — never much above it, however fast the ERP.
    expect(await measure('erp-rate', 200, { maxConcurrency: 8, ratePerSecond: 50 }, 0)).toBeLessThan(70);
    await measure('erp-slow', 100, { maxConcurrency: 2, ratePerSecond: 10_000 }, 50);
  }, 300_000);
});
