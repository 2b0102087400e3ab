// One delivery budget per target system, shared by every flow and every worker process
// (DESIGN.md §6: "an ERP allows only so many concurrent requests"). Two limits:
// concurrency (requests in flight at once) and rate (a token bucket refilled at
// ratePerSecond, holding at most one second of tokens, so a quiet target takes a burst of
// ratePerSecond and no more). A 429 from the target pauses the whole budget until its
// Retry-After. The state lives in one row per target, locked while a worker claims, so
// this arithmetic is all that is needed to share it.

export interface BudgetState {
  /** Tokens left at `updatedAt` (fractional: refill is continuous). */
  tokens: number;
  updatedAt: Date;
  /** No request before this (a 429's Retry-After); null when not paused. */
  pausedUntil: Date | null;
}

export interface BudgetLimits {
  maxConcurrency: number;
  ratePerSecond: number;
}

export interface BudgetGrant {
  /** How many requests may start now. */
  granted: number;
  /** The state to store. */
  next: BudgetState;
  /** When the next token arrives (or the pause ends), if nothing may start now. */
  retryAt: Date | null;
}

/** How many of `wanted` requests may start at `now`, given `inFlight` already running. */
export function grantRequests(state: BudgetState, limits: BudgetLimits, options: { wanted: number; inFlight: number; now: Date }): BudgetGrant {
  const { wanted, inFlight, now } = options;
  const { maxConcurrency, ratePerSecond } = limits;
  if (!(maxConcurrency >= 1) || !(ratePerSecond > 0)) throw new RangeError('A target budget needs maxConcurrency ≥ 1 and ratePerSecond > 0.');
  if (state.pausedUntil && state.pausedUntil > now) return { granted: 0, next: state, retryAt: state.pausedUntil };

  const elapsedSeconds = Math.max(0, (now.getTime() - state.updatedAt.getTime()) / 1000);
  const tokens = Math.min(ratePerSecond, state.tokens + elapsedSeconds * ratePerSecond);
  const granted = Math.max(0, Math.min(wanted, maxConcurrency - inFlight, Math.floor(tokens)));
  const left = tokens - granted;
  const next = { tokens: left, updatedAt: now, pausedUntil: null };
  // Only a shortage of tokens has a known end; a full concurrency waits for a request to finish.
  const retryAt = granted === 0 && wanted > 0 && left < 1 ? new Date(now.getTime() + Math.ceil(((1 - left) / ratePerSecond) * 1000)) : null;
  return { granted, next, retryAt };
}

/** A 429 pauses the target: nothing more starts until `until`, and the bucket is empty. */
export function pauseBudget(state: BudgetState, until: Date): BudgetState {
  const pausedUntil = state.pausedUntil && state.pausedUntil > until ? state.pausedUntil : until;
  return { tokens: 0, updatedAt: until, pausedUntil };
}
