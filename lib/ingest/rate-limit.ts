// Per-connector ingest rate limit: a token bucket of `perMinute` events, refilled
// continuously. It lives in each web process (a per-replica budget, documented in
// docs/OPERATIONS.md) because a shared counter would cost a database round trip on the
// hot path of every request.

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the request would fit, when refused. */
  retryAfterSeconds?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  perMinute: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  take(key: string, perMinute: number, cost: number, nowMs: number): RateDecision {
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.perMinute !== perMinute) {
      bucket = { tokens: perMinute, updatedAt: nowMs, perMinute };
      this.buckets.set(key, bucket);
    }
    const perMs = perMinute / 60_000;
    bucket.tokens = Math.min(perMinute, bucket.tokens + (nowMs - bucket.updatedAt) * perMs);
    bucket.updatedAt = nowMs;
    if (cost <= bucket.tokens) {
      bucket.tokens -= cost;
      return { allowed: true };
    }
    // A request larger than the whole bucket can never pass; say so with a full minute.
    const wait = cost > perMinute ? 60 : Math.ceil((cost - bucket.tokens) / perMs / 1000);
    return { allowed: false, retryAfterSeconds: Math.max(1, wait) };
  }
}

// One per process on globalThis: Next.js's bundle and the web server's own listener each
// load this module, and a connector's budget must not double.
const globalForLimiter = globalThis as unknown as { __threadlineIngestRateLimiter?: RateLimiter };
export const ingestRateLimiter = (globalForLimiter.__threadlineIngestRateLimiter ??= new RateLimiter());
