// Per-subject ordering of versioned events (DESIGN.md §5): `sequence` is the aggregate
// version, increasing per subject. An older or equal version than the one applied is
// superseded; the next one applies; a gap parks the event until the missing versions
// arrive or the gap times out, after which the later version is applied anyway (it
// carries the aggregate's whole new state) and the gap is reported (OUT_OF_ORDER_GAP).

export type OrderingDecision =
  | { action: 'apply' }
  | { action: 'supersede'; applied: bigint }
  | { action: 'park'; until: Date; missingFrom: bigint; missingTo: bigint }
  | { action: 'apply-after-gap'; missingFrom: bigint; missingTo: bigint };

export function decideOrdering(input: {
  sequence: bigint;
  /** Highest version applied for the subject; null when none yet (versions start at 1). */
  applied: bigint | null;
  receivedAt: Date;
  now: Date;
  gapTimeoutMs: number;
}): OrderingDecision {
  const applied = input.applied ?? 0n;
  if (input.sequence <= applied) return { action: 'supersede', applied };
  if (input.sequence === applied + 1n) return { action: 'apply' };
  const missingFrom = applied + 1n;
  const missingTo = input.sequence - 1n;
  const until = new Date(input.receivedAt.getTime() + input.gapTimeoutMs);
  if (input.now.getTime() >= until.getTime()) return { action: 'apply-after-gap', missingFrom, missingTo };
  return { action: 'park', until, missingFrom, missingTo };
}

/**
 * Delay before retry `attempt` (1-based) of a transiently failing event: exponential from
 * one second, capped, with "equal jitter" so that events failing together do not retry
 * together. `random` is in [0, 1).
 */
export function retryDelayMs(attempt: number, random: number, capMs = 10 * 60_000): number {
  const exponential = Math.min(capMs, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random);
}
