// Idempotency-Key handling, in memory (simulators keep no database): the same key with the
// same request gets the stored answer again; the same key with a different request is a
// conflict. Only successful answers are stored: a rejected request recorded nothing, so
// after a data fix the corrected request may be sent again under the same key.
import { createHash } from 'node:crypto';

const MAX_KEYS = 50_000;

export type IdempotencyLookup<R> = { kind: 'new' } | { kind: 'replay'; response: R } | { kind: 'conflict' };

export class IdempotencyStore<R> {
  private readonly entries = new Map<string, { fingerprint: string; response: R }>();

  lookup(key: string, request: unknown): IdempotencyLookup<R> {
    const entry = this.entries.get(key);
    if (!entry) return { kind: 'new' };
    return entry.fingerprint === fingerprint(request) ? { kind: 'replay', response: entry.response } : { kind: 'conflict' };
  }

  remember(key: string, request: unknown, response: R): void {
    // Oldest first out (Map keeps insertion order): a long demo must not grow without bound.
    if (this.entries.size >= MAX_KEYS) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { fingerprint: fingerprint(request), response });
  }
}

/** SHA-256 of the request as canonical JSON (sorted keys): key order is not a difference. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
