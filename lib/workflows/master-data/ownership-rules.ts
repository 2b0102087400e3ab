// The stewardship rules a master-data workflow applies, read once per transaction. The
// inbox processor applies a whole batch of events in one transaction, and every event of
// a domain would otherwise read the same rows again (one round trip each). Rules change
// only through the admin API, in transactions of their own; a batch applies them as they
// were when it first needed them, as if it had started a moment earlier.
import type { EntityType } from '../../db/generated/enums.ts';
import { listOwnershipRules, type OwnershipRuleView } from '../../queries/stewardship/list-ownership-rules.ts';
import type { Tx } from '../workflow.ts';

const perTransaction = new WeakMap<Tx, Map<EntityType, readonly OwnershipRuleView[]>>();

export async function ownershipRulesIn(tx: Tx, domain: EntityType): Promise<readonly OwnershipRuleView[]> {
  let byDomain = perTransaction.get(tx);
  if (!byDomain) perTransaction.set(tx, (byDomain = new Map()));
  const cached = byDomain.get(domain);
  if (cached) return cached;
  const rules = await listOwnershipRules({ domain, client: tx });
  byDomain.set(domain, rules);
  return rules;
}
