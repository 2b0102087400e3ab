// The idempotency key of a revenue entry: '<engagementId>:<unit type>:<unit ref>:<n>',
// n being the entry's place in its unit's history (1 = first). Runs derive n from the
// ledger, so two runs on the same state propose the same key and the UNIQUE constraint
// (scheduleId, idempotencyKey) lets only one of them post; the kind is deliberately not
// part of the key, so a reversal and an adjustment racing for the same unit collide too.
import type { RevenueUnit, RevenueUnitType } from './revenue-types.ts';

const UNIT_TYPES: readonly RevenueUnitType[] = ['POC', 'TIME', 'EXPENSE', 'FEE', 'OVERAGE'];

export interface RevenueKeyParts {
  engagementId: string;
  unit: RevenueUnit;
  sequence: number;
}

export function revenueKey(parts: RevenueKeyParts): string {
  const { engagementId, unit, sequence } = parts;
  for (const part of [engagementId, unit.ref]) {
    if (!part || part.includes(':')) throw new RangeError(`A revenue key part must be non-empty and without ':' (got "${part}")`);
  }
  if (!UNIT_TYPES.includes(unit.type)) throw new RangeError(`Unknown revenue unit type ${unit.type}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`A revenue key sequence is a positive integer, got ${sequence}`);
  return `${engagementId}:${unit.type}:${unit.ref}:${sequence}`;
}

/** Reads a key back; null when it is not one of ours. */
export function parseRevenueKey(key: string): RevenueKeyParts | null {
  const parts = key.split(':');
  if (parts.length !== 4) return null;
  const [engagementId, type, ref, sequenceText] = parts as [string, string, string, string];
  if (!engagementId || !ref || !/^[1-9]\d*$/.test(sequenceText)) return null;
  if (!UNIT_TYPES.includes(type as RevenueUnitType)) return null;
  return { engagementId, unit: { type: type as RevenueUnitType, ref }, sequence: Number(sequenceText) };
}

/** The unit as one string, for maps. */
export function unitId(unit: RevenueUnit): string {
  return `${unit.type}:${unit.ref}`;
}
