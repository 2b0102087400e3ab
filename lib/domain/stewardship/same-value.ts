// Whether a value a system sends equals what the canonical row holds, so that a repeated
// or unchanged field is neither re-applied nor reported as a violation. JSON semantics:
// object key order does not matter; decimals compare by value, not by spelling.
import Decimal from 'decimal.js';

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (Decimal.isDecimal(a) || Decimal.isDecimal(b)) return decimalEquals(a, b);
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const aKeys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const bKeys = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return aKeys.length === bKeys.length && aKeys.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

function decimalEquals(a: unknown, b: unknown): boolean {
  try {
    return new Decimal(String(a)).eq(new Decimal(String(b)));
  } catch {
    return false;
  }
}
