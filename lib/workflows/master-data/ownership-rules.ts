// The stewardship rules a master-data workflow applies, read once per transaction (see
// transaction-memo.ts): every event of a batch would otherwise read the same rows again.
import type { EntityType } from '../../db/generated/enums.ts';
import { listOwnershipRules, type OwnershipRuleView } from '../../queries/stewardship/list-ownership-rules.ts';
import { memoInTransaction } from '../transaction-memo.ts';
import type { Tx } from '../workflow.ts';

export async function ownershipRulesIn(tx: Tx, domain: EntityType): Promise<readonly OwnershipRuleView[]> {
  return (await memoInTransaction(tx, `ownership-rules:${domain}`, () => listOwnershipRules({ domain, client: tx })))!;
}
