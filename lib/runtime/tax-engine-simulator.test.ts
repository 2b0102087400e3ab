import { describe, expect, it } from 'vitest';
import { describeTaxEngine, taxEngineChild, type TaxEngineSimulator } from './tax-engine-simulator.ts';

const simulator: TaxEngineSimulator = { port: 4011, url: 'http://127.0.0.1:4011', token: 'tl_taxsim_token', connector: 'pointed' };

describe('taxEngineChild', () => {
  it('runs the simulator with its port and token, and none of Threadline’s secrets', () => {
    const spec = taxEngineChild(simulator, '/srv/threadline', {
      PATH: '/usr/bin',
      DATABASE_URL: 'postgresql://u:p@h/db',
      THREADLINE_SECRET_KEY: 'k',
      NEXTAUTH_SECRET: 's',
      TAX_ENGINE_LATENCY_MS: '250',
    });
    expect(spec).toMatchObject({ name: 'tax-engine', args: ['--import', 'tsx', 'simulators/tax-engine/main.ts'], cwd: '/srv/threadline' });
    expect(spec.env).toEqual({ PATH: '/usr/bin', TAX_ENGINE_LATENCY_MS: '250', NODE_ENV: 'production', TAX_ENGINE_PORT: '4011', TAX_ENGINE_TOKEN: 'tl_taxsim_token' });
  });
});

describe('describeTaxEngine', () => {
  it.each([
    ['pointed', 'simulator'],
    ['unchanged', 'simulator'],
    ['kept-real-endpoint', 'simulator; the tax connector keeps its real endpoint'],
    ['absent', 'simulator; no tax connector calls it'],
  ] as const)('%s → %s', (connector, text) => {
    expect(describeTaxEngine({ ...simulator, connector })).toBe(text);
  });
});
