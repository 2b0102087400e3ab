// The data-stewardship rules, for the admin page, GET /api/v1/ownership-rules and the
// workflows that decide which fields a sender may change (they pass their transaction).
import { db, type PrismaClient } from '../../db/client.ts';
import type { EntityType, SystemKind } from '../../db/generated/enums.ts';
import type { Tx } from '../../workflows/workflow.ts';

export interface OwnershipRuleView {
  id: string;
  domain: EntityType;
  field: string;
  owningSystem: SystemKind;
  note: string | null;
  updatedAt: Date;
}

export async function listOwnershipRules(options: { domain?: EntityType; client?: Tx | PrismaClient } = {}): Promise<OwnershipRuleView[]> {
  const client = options.client ?? db();
  return client.ownershipRule.findMany({
    where: options.domain ? { domain: options.domain } : {},
    orderBy: [{ domain: 'asc' }, { field: 'asc' }],
    select: { id: true, domain: true, field: true, owningSystem: true, note: true, updatedAt: true },
  });
}
