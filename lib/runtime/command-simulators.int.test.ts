// npm start's preparation of the ERP and PSA simulators on a real database: the demo
// connectors are pointed at 127.0.0.1 with a stored token and allowed private targets;
// each simulator gets its connector's inbound credentials to send events.
import { describe, expect, it } from 'vitest';
import { db } from '../db/client.ts';
import { seedDemoConnectors } from '../services/connectors/seed-demo-connectors.ts';
import { prepareCommandSimulators } from './command-simulators.ts';

describe('prepareCommandSimulators', () => {
  it('points erp, psa and crm at their simulators on distinct free ports, and keeps tokens across restarts', async () => {
    const credentials = await seedDemoConnectors();
    const first = await prepareCommandSimulators({ avoidPorts: [4020], credentials });
    expect(first.map((s) => [s.name, s.connector, s.events?.source])).toEqual([
      ['erp', 'pointed', '/demo/erp'],
      ['psa', 'pointed', '/demo/psa'],
      ['payments', 'not-called', '/demo/payments'],
      ['bank', 'not-called', '/demo/bank'],
      ['hcm', 'not-called', '/demo/hcm'],
      ['crm', 'pointed', '/demo/crm'],
    ]);
    expect(new Set(first.map((s) => s.port)).size).toBe(6);
    const [erp, psa] = first;
    const crm = first.find((s) => s.name === 'crm')!;
    expect(erp!.port).not.toBe(4020);
    expect(psa!.port).not.toBe(erp!.port);
    expect(erp!.events?.token).toBe(credentials.erp!.token);
    // Only the command targets (erp, psa, and crm for corrections) are pointed at their simulators; the senders are left alone.
    const rows = await db().connector.findMany({ where: { code: { in: ['erp', 'psa', 'crm', 'bank'] } }, orderBy: { code: 'asc' } });
    expect(rows.map((r) => [r.code, r.endpoint, r.outboundAllowPrivate])).toEqual([
      ['bank', null, false],
      ['crm', crm.url, true],
      ['erp', erp!.url, true],
      ['psa', psa!.url, true],
    ]);

    const again = await prepareCommandSimulators({ avoidPorts: [], credentials, ports: { erp: erp!.port, psa: psa!.port } });
    expect(again.slice(0, 2).map((s) => [s.connector, s.token])).toEqual([
      ['unchanged', erp!.token],
      ['unchanged', psa!.token],
    ]);
  });
});
