// When to try an undelivered command again (DESIGN.md §6): exponential backoff with full
// jitter (AWS "Exponential Backoff And Jitter"): a uniformly random wait between 0 and
// min(cap, base × 2^(failures − 1)). Full jitter spreads the retries of many commands that
// failed together (an ERP outage) instead of sending them back in synchronized waves.
// A target's Retry-After is a floor: it said when it can take more.

export interface RetryDelayInput {
  /** Failures so far, counting the one just seen (≥ 1). */
  failures: number;
  baseMs: number;
  capMs: number;
  /** Seconds the target asked us to wait (429/503 Retry-After), if any. */
  retryAfterSeconds?: number | null;
  /** A number in [0, 1); injectable so tests pin it. */
  random: () => number;
}

export function retryDelayMs(input: RetryDelayInput): number {
  const { failures, baseMs, capMs, random } = input;
  if (!Number.isInteger(failures) || failures < 1) throw new RangeError(`failures must be a whole number ≥ 1, not ${failures}.`);
  if (!(baseMs > 0) || !(capMs >= baseMs)) throw new RangeError('Need 0 < baseMs ≤ capMs.');
  // 2^52 is already beyond any cap; bounding the exponent keeps the arithmetic finite.
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 52));
  const jittered = Math.floor(random() * ceiling);
  const floor = input.retryAfterSeconds != null && input.retryAfterSeconds > 0 ? Math.min(input.retryAfterSeconds * 1000, capMs) : 0;
  return Math.max(jittered, floor);
}

/**
 * Retry-After as seconds: delta-seconds, or an HTTP date (RFC 9110 §10.2.3) relative to
 * `now`. Anything else is ignored (undefined), never trusted as a huge or negative wait.
 */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at) || !/[a-z]/i.test(text)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
