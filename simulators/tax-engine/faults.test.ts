import { describe, expect, it } from 'vitest';
import { faultsFromEnv, NO_FAULTS, rollFault } from '../kit/faults.ts';
import { fingerprint, IdempotencyStore } from './idempotency.ts';

// The tax engine runs on the simulator kit: its knobs are the kit's, read under TAX_ENGINE_*.
describe('rollFault', () => {
  const dice = (value: number) => () => value;
  it.each([
    [{ outage: true }, 0.99, 'outage'],
    [{ status429Rate: 0.5 }, 0.49, 'rate-limited'],
    [{ status429Rate: 0.5 }, 0.5, 'pass'],
    [{ errorRate: 1 }, 0.999, 'error'],
    [{}, 0, 'pass'],
  ])('%j with dice %s → %s', (faults, roll, kind) => {
    expect(rollFault({ ...NO_FAULTS, ...faults }, dice(roll)).kind).toBe(kind);
  });
});

describe('faultsFromEnv', () => {
  it('reads the knobs and refuses nonsense', () => {
    const read = (env: Record<string, string>) => faultsFromEnv('TAX_ENGINE', env);
    expect(read({ TAX_ENGINE_LATENCY_MS: '250', TAX_ENGINE_ERROR_RATE: '0.1', TAX_ENGINE_429_RATE: '0.05', TAX_ENGINE_OUTAGE: 'true' })).toEqual({
      ...NO_FAULTS,
      latencyMs: 250,
      errorRate: 0.1,
      status429Rate: 0.05,
      outage: true,
    });
    expect(read({})).toEqual(NO_FAULTS);
    expect(() => read({ TAX_ENGINE_ERROR_RATE: '2' })).toThrow(/errorRate/);
    expect(() => read({ TAX_ENGINE_LATENCY_MS: 'slow' })).toThrow(/TAX_ENGINE_LATENCY_MS/);
  });
});

describe('IdempotencyStore', () => {
  const response = { documentId: 'd', currency: 'USD', lines: [], totalTax: '0.00' };
  it('replays the same request, whatever its key order, and flags a different one', () => {
    const store = new IdempotencyStore();
    expect(store.lookup('k', { a: 1, b: [1, 2] }).kind).toBe('new');
    store.remember('k', { a: 1, b: [1, 2] }, response);
    expect(store.lookup('k', { b: [1, 2], a: 1 })).toEqual({ kind: 'replay', response });
    expect(store.lookup('k', { a: 1, b: [2, 1] }).kind).toBe('conflict');
    expect(fingerprint({ x: '1.0' })).not.toBe(fingerprint({ x: '1.00' }));
  });
});
