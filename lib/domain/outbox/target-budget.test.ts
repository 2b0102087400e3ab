import { describe, expect, it } from 'vitest';
import { grantRequests, pauseBudget, type BudgetState } from './target-budget.ts';

const t0 = new Date('2026-12-04T12:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const state = (tokens: number, updatedAt = t0, pausedUntil: Date | null = null): BudgetState => ({ tokens, updatedAt, pausedUntil });

describe('grantRequests', () => {
  it.each([
    // tokens, elapsed ms, wanted, inFlight, maxConcurrency, rate → granted, tokens left
    [10, 0, 3, 0, 4, 10, 3, 7],
    [10, 0, 9, 0, 4, 10, 4, 6], // concurrency bounds it
    [10, 0, 9, 3, 4, 10, 1, 9], // three already in flight
    [10, 0, 9, 4, 4, 10, 0, 10], // all slots busy
    [10, 0, 9, 6, 4, 10, 0, 10], // more in flight than allowed (limit lowered): none, never negative
    [0, 0, 5, 0, 4, 10, 0, 0],
    [0, 250, 5, 0, 4, 10, 2, 0.5], // 2.5 tokens refilled in 250 ms
    [0, 60_000, 50, 0, 100, 10, 10, 0], // the bucket holds one second's worth
    [2, 0, 0, 0, 4, 10, 0, 2], // nothing wanted
    [0.5, 50, 1, 0, 4, 10, 1, 0], // fractional tokens add up
  ])('%d tokens after %d ms, %d wanted, %d in flight (max %d, %d/s) → %d granted, %d left', (tokens, elapsed, wanted, inFlight, maxConcurrency, ratePerSecond, granted, left) => {
    const result = grantRequests(state(tokens), { maxConcurrency, ratePerSecond }, { wanted, inFlight, now: at(elapsed) });
    expect(result.granted).toBe(granted);
    expect(result.next.tokens).toBeCloseTo(left, 9);
    expect(result.next.updatedAt).toEqual(at(elapsed));
  });

  it('says when the next token arrives when the bucket is empty', () => {
    const result = grantRequests(state(0.2), { maxConcurrency: 4, ratePerSecond: 2 }, { wanted: 1, inFlight: 0, now: t0 });
    expect(result).toMatchObject({ granted: 0, retryAt: at(400) });
  });

  it('has no retry time when only concurrency is short', () => {
    expect(grantRequests(state(5), { maxConcurrency: 1, ratePerSecond: 10 }, { wanted: 1, inFlight: 1, now: t0 }).retryAt).toBeNull();
  });

  it('grants nothing while paused, then resumes from an empty bucket', () => {
    const paused = pauseBudget(state(8), at(2000));
    expect(paused).toEqual({ tokens: 0, updatedAt: at(2000), pausedUntil: at(2000) });
    expect(grantRequests(paused, { maxConcurrency: 4, ratePerSecond: 10 }, { wanted: 3, inFlight: 0, now: at(1000) })).toMatchObject({ granted: 0, retryAt: at(2000) });
    expect(grantRequests(paused, { maxConcurrency: 4, ratePerSecond: 10 }, { wanted: 3, inFlight: 0, now: at(2300) }).granted).toBe(3);
  });

  it('keeps the later of two pauses', () => {
    expect(pauseBudget(state(0, t0, at(5000)), at(1000)).pausedUntil).toEqual(at(5000));
  });

  it('refuses a budget that can never grant', () => {
    expect(() => grantRequests(state(1), { maxConcurrency: 0, ratePerSecond: 1 }, { wanted: 1, inFlight: 0, now: t0 })).toThrow(RangeError);
    expect(() => grantRequests(state(1), { maxConcurrency: 1, ratePerSecond: 0 }, { wanted: 1, inFlight: 0, now: t0 })).toThrow(RangeError);
  });
});
