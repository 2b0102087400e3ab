// What one delivery attempt's result means (DESIGN.md §6), and what happens to the command
// next. The HTTP exchange is reduced to an AttemptResult by the delivery code; this
// decides: 2xx delivered; 429 rate limited (waits for Retry-After, pauses the target's
// budget, and does not count against the dead-letter limit: the target is healthy, only
// busy); 5xx, 408, network errors and timeouts retried with backoff; any other 4xx, a
// redirect, or a target that may not be called (private address, bad endpoint) is
// permanent and goes to the dead letter at once — repeating it cannot succeed until a
// person fixes the data or the connector, then retries it from triage.
import type { OutboxAttemptOutcome } from '../../db/generated/enums.ts';
import { retryDelayMs } from './retry-delay.ts';

export type AttemptResult =
  | { kind: 'response'; status: number; retryAfterSeconds?: number }
  | { kind: 'timeout' }
  | { kind: 'network'; error: string }
  /** Refused before any request: address not allowed, redirect, unusable endpoint or token. */
  | { kind: 'refused'; reason: string };

export function attemptOutcome(result: AttemptResult): OutboxAttemptOutcome {
  switch (result.kind) {
    case 'timeout':
      return 'TIMEOUT';
    case 'network':
      return 'RETRYABLE_ERROR';
    case 'refused':
      return 'PERMANENT_ERROR';
    case 'response': {
      const { status } = result;
      if (status >= 200 && status < 300) return 'SUCCESS';
      if (status === 429) return 'RATE_LIMITED';
      if (status === 408 || status >= 500) return 'RETRYABLE_ERROR';
      return 'PERMANENT_ERROR'; // other 4xx, and 3xx: redirects are never followed
    }
  }
}

export type NextStep = { kind: 'delivered' } | { kind: 'retry'; delayMs: number; pauseTargetMs?: number } | { kind: 'dead'; reason: 'permanent' | 'attempts-exhausted' };

export interface RetryPolicy {
  maxAttempts: number;
  baseMs: number;
  capMs: number;
}

/**
 * `failures` counts the failed attempts since the command was (re)queued, including this
 * one, without rate-limited ones; a triage retry starts a fresh count.
 */
export function nextStep(result: AttemptResult, options: { failures: number; policy: RetryPolicy; random: () => number }): NextStep {
  const outcome = attemptOutcome(result);
  const { failures, policy, random } = options;
  if (outcome === 'SUCCESS') return { kind: 'delivered' };
  if (outcome === 'PERMANENT_ERROR') return { kind: 'dead', reason: 'permanent' };
  const retryAfterSeconds = result.kind === 'response' ? result.retryAfterSeconds : undefined;
  if (outcome === 'RATE_LIMITED') {
    // Without a Retry-After, wait as long as one backoff step would, and pause the target as long.
    const delayMs = retryDelayMs({ failures: Math.max(1, failures), ...policy, retryAfterSeconds: retryAfterSeconds ?? 1, random });
    return { kind: 'retry', delayMs, pauseTargetMs: Math.min((retryAfterSeconds ?? 1) * 1000, policy.capMs) };
  }
  if (failures >= policy.maxAttempts) return { kind: 'dead', reason: 'attempts-exhausted' };
  return { kind: 'retry', delayMs: retryDelayMs({ failures, ...policy, retryAfterSeconds, random }) };
}
