// The payload hash that tells a duplicate (same event re-sent) from a conflict (same id,
// different payload). Hashed over a canonical JSON form — members sorted by UTF-16 code
// units at every level, no whitespace, numbers as ECMAScript prints them (the RFC 8785
// approach) — so key order and formatting do not matter, but any value change does.
import { hash } from 'node:crypto';

/** sha256 hex of canonicalJson(rawEvent). Call it with a `rawEvent` from parseIngestRequest (depth-checked). */
export function canonicalPayloadHash(rawEvent: unknown): string {
  return hashCanonicalJson(canonicalJson(rawEvent));
}

/** The payload hash of JSON text already in canonical form. */
export function hashCanonicalJson(canonical: string): string {
  return hash('sha256', canonical, 'hex');
}

/** Deterministic JSON: like JSON.stringify (undefined members dropped), with sorted keys. */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

// Strings JSON.stringify would print unchanged between quotes: skip the call (hot path).
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/;

function writeString(text: string): string {
  return NEEDS_ESCAPING.test(text) ? JSON.stringify(text) : `"${text}"`;
}

function write(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return writeString(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
    default:
      return undefined; // undefined, functions, symbols: absent, as in JSON.stringify
  }
}

function writeArray(items: unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    out += write(items[i]) ?? 'null';
  }
  return out + ']';
}

function writeObject(object: Record<string, unknown>): string {
  const keys = Object.keys(object).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = write(object[key]);
    if (member === undefined) continue;
    out += (first ? '' : ',') + writeString(key) + ':' + member;
    first = false;
  }
  return out + '}';
}
