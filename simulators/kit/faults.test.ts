import { describe, expect, it } from 'vitest';
import { chance, faultEnvNames, faultsFromEnv, NO_FAULTS, rollFault } from './faults.ts';

const dice = (value: number) => () => value;

describe('rollFault', () => {
  it.each([
    [{ outage: true }, 0.99, 0, 'outage'],
    [{ outage: true, status429Rate: 1 }, 0, 0, 'outage'],
    [{ maxConcurrentRequests: 2 }, 0.99, 3, 'rate-limited'],
    [{ maxConcurrentRequests: 2 }, 0.99, 2, 'pass'],
    [{ maxConcurrentRequests: 0 }, 0.99, 500, 'pass'],
    [{ status429Rate: 0.5 }, 0.49, 0, 'rate-limited'],
    [{ status429Rate: 0.5 }, 0.5, 0, 'pass'],
    [{ errorRate: 1 }, 0.999, 0, 'error'],
    [{}, 0, 0, 'pass'],
  ])('%j with dice %s and %i requests in progress → %s', (faults, roll, concurrent, kind) => {
    expect(rollFault({ ...NO_FAULTS, ...faults }, dice(roll), concurrent).kind).toBe(kind);
  });
});

describe('chance', () => {
  it.each([
    [0, 0, false],
    [1, 0.999, true],
    [0.25, 0.24, true],
    [0.25, 0.25, false],
  ])('share %d with dice %d → %s', (share, roll, expected) => {
    expect(chance(share, dice(roll))).toBe(expected);
  });
});

describe('faultsFromEnv', () => {
  it('reads every knob under the simulator’s prefix', () => {
    expect(
      faultsFromEnv('ERP_SIM', {
        ERP_SIM_LATENCY_MS: '250',
        ERP_SIM_ERROR_RATE: '0.1',
        ERP_SIM_429_RATE: '0.05',
        ERP_SIM_MAX_CONCURRENT: '4',
        ERP_SIM_OUTAGE: 'true',
        ERP_SIM_LOST_RESPONSE_RATE: '0.2',
        ERP_SIM_DUPLICATE_RATE: '0.3',
        ERP_SIM_OUT_OF_ORDER_RATE: '0.4',
        ERP_SIM_EMIT_DELAY_MS: '1000',
        ERP_SIM_BUSINESS_DATED: 'true',
        PSA_SIM_OUTAGE: 'true',
      }),
    ).toEqual({ latencyMs: 250, errorRate: 0.1, status429Rate: 0.05, maxConcurrentRequests: 4, outage: true, lostResponseRate: 0.2, duplicateRate: 0.3, outOfOrderRate: 0.4, emitDelayMs: 1000, businessDated: true });
    expect(faultsFromEnv('PSA_SIM', { ERP_SIM_OUTAGE: 'true' })).toEqual(NO_FAULTS);
    expect(faultEnvNames('PSA_SIM')).toContain('PSA_SIM_LOST_RESPONSE_RATE');
  });

  it.each([
    [{ ERP_SIM_ERROR_RATE: '2' }, /errorRate/],
    [{ ERP_SIM_LATENCY_MS: 'slow' }, /ERP_SIM_LATENCY_MS must be a number/],
    [{ ERP_SIM_MAX_CONCURRENT: '1.5' }, /maxConcurrentRequests/],
  ])('refuses %j', (env, message) => {
    expect(() => faultsFromEnv('ERP_SIM', env)).toThrow(message);
  });
});
