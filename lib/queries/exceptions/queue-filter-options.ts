// The choices of the queue's legal entity, connector and assignee filters: small
// reference lists (a handful of legal entities and connectors, the people who triage).
import { db } from '../../db/client.ts';

export interface QueueFilterOptions {
  legalEntities: { code: string; name: string }[];
  connectors: { code: string; name: string }[];
}

export async function queueFilterOptions(): Promise<QueueFilterOptions> {
  const [legalEntities, connectors] = await Promise.all([
    db().legalEntity.findMany({ orderBy: { code: 'asc' }, select: { code: true, name: true } }),
    db().connector.findMany({ orderBy: { code: 'asc' }, select: { code: true, name: true } }),
  ]);
  return { legalEntities, connectors };
}
