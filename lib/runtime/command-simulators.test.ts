import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.ts';
import { commandSimulatorChild, commandSimulatorKinds, describeCommandSimulator, pinnedSimulatorPorts, type CommandSimulator } from './command-simulators.ts';

const erp: CommandSimulator = {
  name: 'erp',
  prefix: 'ERP_SIM',
  port: 4021,
  url: 'http://127.0.0.1:4021',
  token: 'tl_erpsim_token',
  connector: 'pointed',
  events: { token: 'tl_con_erp', signingSecret: 'tl_whsec_erp', source: '/demo/erp' },
};

describe('commandSimulatorChild', () => {
  it('runs the simulator with its port, token, event credentials and fault knobs, and none of Threadline’s secrets', () => {
    const spec = commandSimulatorChild(erp, {
      root: '/srv/threadline',
      ingestUrl: 'http://127.0.0.1:3000/api/v1/events',
      parentEnv: { PATH: '/usr/bin', DATABASE_URL: 'postgresql://u:p@h/db', THREADLINE_SECRET_KEY: 'k', NEXTAUTH_SECRET: 's', ERP_SIM_OUTAGE: 'true', PSA_SIM_OUTAGE: 'true' },
    });
    expect(spec).toMatchObject({ name: 'erp', args: ['--import', 'tsx', 'simulators/erp/main.ts'], cwd: '/srv/threadline' });
    expect(spec.env).toEqual({
      PATH: '/usr/bin',
      ERP_SIM_OUTAGE: 'true',
      NODE_ENV: 'production',
      ERP_SIM_PORT: '4021',
      ERP_SIM_TOKEN: 'tl_erpsim_token',
      THREADLINE_INGEST_URL: 'http://127.0.0.1:3000/api/v1/events',
      ERP_SIM_CONNECTOR_TOKEN: 'tl_con_erp',
      ERP_SIM_SIGNING_SECRET: 'tl_whsec_erp',
      ERP_SIM_SOURCE: '/demo/erp',
    });
  });

  it('sends no event settings without credentials', () => {
    const spec = commandSimulatorChild({ ...erp, events: undefined }, { root: '/r', ingestUrl: 'http://x/api/v1/events', parentEnv: {} });
    expect(Object.keys(spec.env ?? {}).sort()).toEqual(['ERP_SIM_PORT', 'ERP_SIM_TOKEN', 'NODE_ENV']);
  });
});

describe('describeCommandSimulator', () => {
  it.each([
    [erp, 'simulator; sends events as /demo/erp'],
    [{ ...erp, events: undefined }, 'simulator; sends no events (no demo credentials)'],
    [{ ...erp, connector: 'kept-real-endpoint' as const }, 'simulator; the erp connector keeps its real endpoint'],
    [{ ...erp, connector: 'absent' as const }, 'simulator; no erp connector calls it'],
  ])('%#', (simulator, text) => {
    expect(describeCommandSimulator(simulator)).toBe(text);
  });
});

describe('pinnedSimulatorPorts', () => {
  it('reads every simulator’s <PREFIX>_PORT from the parsed configuration, and only those', () => {
    const pinned = Object.fromEntries(commandSimulatorKinds.map((sim, i) => [`${sim.prefix}_PORT`, String(4100 + i)]));
    const config = parseEnv({ ...pinned, PORT: '3000' });
    expect(pinnedSimulatorPorts(config)).toEqual(Object.fromEntries(commandSimulatorKinds.map((sim, i) => [sim.name, 4100 + i])));
    expect(pinnedSimulatorPorts(parseEnv({ HCM_SIM_PORT: '4199' }))).toEqual({ hcm: 4199 });
  });
});
