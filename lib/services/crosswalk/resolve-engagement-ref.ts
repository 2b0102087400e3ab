// An engagementRef (DESIGN.md §5) is the engagement's code, its id, or the sending
// system's own project id known through the id crosswalk — tried in that order, so a
// code always means our engagement even if some system reuses it as a project id.
import type { Tx } from '../../workflows/workflow.ts';
import { resolveExternalRef } from './resolve-external-ref.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function resolveEngagementRef(tx: Tx, options: { system: string; engagementRef: string }): Promise<string | null> {
  const { system, engagementRef } = options;
  const byCode = await tx.engagement.findUnique({ where: { code: engagementRef }, select: { id: true } });
  if (byCode) return byCode.id;
  if (UUID.test(engagementRef)) {
    const byId = await tx.engagement.findUnique({ where: { id: engagementRef }, select: { id: true } });
    if (byId) return byId.id;
  }
  return resolveExternalRef(tx, { system, entityType: 'Engagement', externalId: engagementRef });
}
