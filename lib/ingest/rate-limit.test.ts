import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it.each([
    { name: 'a fresh bucket allows up to the limit', takes: [60], limit: 60, at: [0], expected: [true] },
    { name: 'one event over the limit is refused', takes: [60, 1], limit: 60, at: [0, 0], expected: [true, false] },
    { name: 'tokens come back at limit/60 per second', takes: [60, 1], limit: 60, at: [0, 1000], expected: [true, true] },
    { name: 'a batch larger than the bucket is refused', takes: [61], limit: 60, at: [0], expected: [false] },
    { name: 'the bucket never holds more than the limit', takes: [1, 60, 1], limit: 60, at: [0, 600_000, 600_000], expected: [true, true, false] },
  ])('$name', ({ takes, limit, at, expected }) => {
    const limiter = new RateLimiter();
    const results = takes.map((cost, i) => limiter.take('crm', limit, cost, at[i]!).allowed);
    expect(results).toEqual(expected);
  });

  it('tells how long to wait', () => {
    const limiter = new RateLimiter();
    limiter.take('crm', 60, 60, 0);
    expect(limiter.take('crm', 60, 5, 0)).toEqual({ allowed: false, retryAfterSeconds: 5 });
    expect(limiter.take('crm', 60, 61, 0)).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('keeps connectors apart', () => {
    const limiter = new RateLimiter();
    limiter.take('crm', 10, 10, 0);
    expect(limiter.take('erp', 10, 10, 0).allowed).toBe(true);
  });
});
