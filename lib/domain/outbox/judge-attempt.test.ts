import { describe, expect, it } from 'vitest';
import { attemptOutcome, nextStep, type AttemptResult } from './judge-attempt.ts';

const policy = { maxAttempts: 5, baseMs: 1000, capMs: 60_000 };
const half = () => 0.5;

describe('attemptOutcome', () => {
  it.each<[AttemptResult, string]>([
    [{ kind: 'response', status: 200 }, 'SUCCESS'],
    [{ kind: 'response', status: 201 }, 'SUCCESS'],
    [{ kind: 'response', status: 202 }, 'SUCCESS'],
    [{ kind: 'response', status: 429 }, 'RATE_LIMITED'],
    [{ kind: 'response', status: 500 }, 'RETRYABLE_ERROR'],
    [{ kind: 'response', status: 503 }, 'RETRYABLE_ERROR'],
    [{ kind: 'response', status: 408 }, 'RETRYABLE_ERROR'],
    [{ kind: 'response', status: 400 }, 'PERMANENT_ERROR'],
    [{ kind: 'response', status: 401 }, 'PERMANENT_ERROR'],
    [{ kind: 'response', status: 409 }, 'PERMANENT_ERROR'],
    [{ kind: 'response', status: 422 }, 'PERMANENT_ERROR'],
    [{ kind: 'response', status: 302 }, 'PERMANENT_ERROR'],
    [{ kind: 'response', status: 307 }, 'PERMANENT_ERROR'],
    [{ kind: 'timeout' }, 'TIMEOUT'],
    [{ kind: 'network', error: 'ECONNREFUSED' }, 'RETRYABLE_ERROR'],
    [{ kind: 'refused', reason: 'private address' }, 'PERMANENT_ERROR'],
  ])('%j → %s', (result, outcome) => {
    expect(attemptOutcome(result)).toBe(outcome);
  });
});

describe('nextStep', () => {
  it.each<[AttemptResult, number, unknown]>([
    [{ kind: 'response', status: 201 }, 0, { kind: 'delivered' }],
    [{ kind: 'response', status: 503 }, 1, { kind: 'retry', delayMs: 500 }],
    [{ kind: 'response', status: 503 }, 3, { kind: 'retry', delayMs: 2000 }],
    [{ kind: 'response', status: 503, retryAfterSeconds: 10 }, 1, { kind: 'retry', delayMs: 10_000 }],
    [{ kind: 'timeout' }, 4, { kind: 'retry', delayMs: 4000 }],
    [{ kind: 'network', error: 'ECONNRESET' }, 5, { kind: 'dead', reason: 'attempts-exhausted' }],
    [{ kind: 'response', status: 500 }, 6, { kind: 'dead', reason: 'attempts-exhausted' }],
    [{ kind: 'response', status: 422 }, 1, { kind: 'dead', reason: 'permanent' }],
    [{ kind: 'response', status: 301 }, 1, { kind: 'dead', reason: 'permanent' }],
    [{ kind: 'refused', reason: 'private' }, 1, { kind: 'dead', reason: 'permanent' }],
    // 429: waits at least Retry-After, pauses the target, never dead-letters on its own
    [{ kind: 'response', status: 429, retryAfterSeconds: 2 }, 9, { kind: 'retry', delayMs: 30_000, pauseTargetMs: 2000 }],
    [{ kind: 'response', status: 429, retryAfterSeconds: 3 }, 0, { kind: 'retry', delayMs: 3000, pauseTargetMs: 3000 }],
    [{ kind: 'response', status: 429 }, 0, { kind: 'retry', delayMs: 1000, pauseTargetMs: 1000 }],
  ])('%j after %i failures → %j', (result, failures, step) => {
    expect(nextStep(result, { failures, policy, random: half })).toEqual(step);
  });
});
