// Data stewardship (DESIGN.md §6): which of a connected system's changes may be applied.
// The most specific rule wins: (domain, field), then (domain, "*"). A field no rule covers
// is not under stewardship and may be changed by anyone: rules are opt-in, so a new column
// is never silently frozen. THREADLINE is a sender like any other: where a connected
// system owns a field, Threadline pushes a correction to it instead of changing it here.
import type { EntityType, SystemKind } from '../../db/generated/enums.ts';

export const ANY_FIELD = '*';

export interface OwnershipRuleLike {
  domain: EntityType;
  field: string;
  owningSystem: SystemKind;
}

export interface RefusedField {
  field: string;
  owner: SystemKind;
}

export interface FieldChangeDecision<V> {
  apply: Record<string, V>;
  refused: RefusedField[];
}

/** The system that owns `field` of `domain`, or null when no rule covers it. */
export function ownerOf(domain: EntityType, field: string, rules: readonly OwnershipRuleLike[]): SystemKind | null {
  let wildcard: SystemKind | null = null;
  for (const rule of rules) {
    if (rule.domain !== domain) continue;
    if (rule.field === field) return rule.owningSystem;
    if (rule.field === ANY_FIELD) wildcard = rule.owningSystem;
  }
  return wildcard;
}

/** May `senderKind` change `field` of `domain`? */
export function mayChange(domain: EntityType, field: string, senderKind: SystemKind, rules: readonly OwnershipRuleLike[]): boolean {
  const owner = ownerOf(domain, field, rules);
  return owner === null || owner === senderKind;
}

export function decideFieldChanges<V>(options: {
  domain: EntityType;
  changes: Readonly<Record<string, V>>;
  senderKind: SystemKind;
  rules: readonly OwnershipRuleLike[];
}): FieldChangeDecision<V> {
  const { domain, changes, senderKind, rules } = options;
  const apply: Record<string, V> = {};
  const refused: RefusedField[] = [];
  for (const [field, value] of Object.entries(changes)) {
    const owner = ownerOf(domain, field, rules);
    if (owner === null || owner === senderKind) apply[field] = value;
    else refused.push({ field, owner });
  }
  return { apply, refused };
}
