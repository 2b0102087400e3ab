// The HCM simulator over real HTTP into Threadline's real ingest endpoint, inbox and
// employee workflow on PostgreSQL: a hire and a later cost-rate change, the hire delivered
// after the change (outOfOrderRate) and the change twice (duplicateRate), end with the
// employee at the later rate and both rates in the history from their effective dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnector } from '../../test/support/ingest.ts';
import { processInbox, simulatorToken, startIngestServer } from '../../test/support/outbox.ts';
import { db } from '../../lib/db/client.ts';
import { startHcmSimulator, type RunningHcm } from './server.ts';

let hcm: RunningHcm;
let ingest: Awaited<ReturnType<typeof startIngestServer>>;
const token = simulatorToken();

beforeAll(async () => {
  ingest = await startIngestServer();
  const connector = await testConnector({ code: 'hcm-sim', kind: 'HCM', sources: ['/test/hcm-sim'], withSigningSecret: true });
  hcm = await startHcmSimulator({ port: 0, token, events: { ingestUrl: ingest.url, token: connector.token, signingSecret: connector.signingSecret ?? undefined, source: '/test/hcm-sim' } });
});
afterAll(async () => {
  await hcm?.stop();
  await ingest?.stop();
});

async function post(body: unknown) {
  const response = await fetch(`${hcm.url}/v1/employees`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('HCM simulator → POST /api/v1/events', () => {
  it('hire then raise, delivered out of order and twice: the employee ends at the raise, with both rates in the history', async () => {
    const employeeId = `E-SIM-${Date.now()}`;
    await hcm.setFaults({ outOfOrderRate: 1 }); // the hire is held until the raise has gone
    const hire = await post({ employeeId, name: 'Grace Hopper', costRate: '90.00', currency: 'USD', costCenter: 'US01-ADV', effectiveFrom: '2026-01-05' });
    await hcm.setFaults({ outOfOrderRate: 0, duplicateRate: 1 });
    const raise = await post({ employeeId, name: 'Grace Hopper', costRate: '120.00', currency: 'USD', costCenter: 'US01-ADV', effectiveFrom: '2026-03-01' });
    expect([hire.status, hire.body.sequence, raise.status, raise.body.sequence]).toEqual([201, 1, 200, 2]);
    await hcm.emitter.flush();
    expect(hcm.emitter.stats).toMatchObject({ emitted: 2, reordered: 1, duplicatesSent: 1, delivered: 3, failed: 0 });
    await processInbox();

    const ref = await db().externalRef.findUniqueOrThrow({ where: { system_entityType_externalId: { system: 'hcm-sim', entityType: 'Employee', externalId: employeeId } } });
    const employee = await db().employee.findUniqueOrThrow({ where: { id: ref.entityId }, include: { costRates: { orderBy: { effectiveFrom: 'asc' } } } });
    expect(employee.costRate?.toFixed(2)).toBe('120.00');
    expect(employee.costRates.map((r) => [r.effectiveFrom.toISOString().slice(0, 10), r.costRate.toFixed(2)])).toEqual([
      ['2026-01-05', '90.00'],
      ['2026-03-01', '120.00'],
    ]);
    // The duplicate was recognised at ingest: two events stored, not three.
    expect(await db().inboxEvent.count({ where: { source: '/test/hcm-sim', subject: employeeId } })).toBe(2);
  });

  it('400 with pointers for a bad employee; 401 without the token', async () => {
    const bad = await post({ employeeId: '', name: 'X', costRate: '-1', currency: 'usd', costCenter: 'US01-ADV' });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual(['/costRate', '/currency', '/employeeId']);
    expect((await fetch(`${hcm.url}/v1/employees`, { method: 'POST', body: '{}' })).status).toBe(401);
  });
});
