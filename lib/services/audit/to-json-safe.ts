// Audit before/after snapshots are stored as JSON and must read back exactly as written:
// Decimals as their exact string (never a float), Dates as ISO 8601, bigints as strings.
// Undefined members are dropped (as JSON.stringify would); cycles are a programming error.
import Decimal from 'decimal.js';

export type JsonSafe = string | number | boolean | null | JsonSafe[] | { [key: string]: JsonSafe };

export function toJsonSafe(value: unknown): JsonSafe {
  return convert(value, new WeakSet());
}

function convert(value: unknown, seen: WeakSet<object>): JsonSafe {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON has no NaN or Infinity; say what it was rather than silently writing null.
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value.toString();
    case 'function':
    case 'symbol':
      return null;
  }
  const object = value as object;
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? null : object.toISOString();
  // Prisma bundles its own decimal.js, so instanceof would miss its Decimals; isDecimal does not.
  if (Decimal.isDecimal(object)) return object.toString();
  if (object instanceof Uint8Array) return Buffer.from(object).toString('base64');
  if (seen.has(object)) throw new TypeError('Cannot audit a value that refers to itself.');
  seen.add(object);
  try {
    if (Array.isArray(object)) return object.map((item) => convert(item, seen));
    if (object instanceof Map) return convert(Object.fromEntries(object), seen);
    if (object instanceof Set) return convert([...object], seen);
    const result: Record<string, JsonSafe> = {};
    for (const [key, member] of Object.entries(object)) {
      if (member !== undefined && typeof member !== 'function') result[key] = convert(member, seen);
    }
    return result;
  } finally {
    seen.delete(object);
  }
}
