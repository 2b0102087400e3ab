// A client is known by the id of the system it came from (Client.externalId) and by its
// ids in other systems (ExternalRef); either finds it. Lists filter by client with it.
import { db } from '../../db/client.ts';

export async function clientIdsFor(externalId: string): Promise<string[]> {
  const [own, crosswalk] = await Promise.all([
    db().client.findMany({ where: { externalId }, select: { id: true } }),
    db().externalRef.findMany({ where: { entityType: 'Client', externalId }, select: { entityId: true } }),
  ]);
  return [...new Set([...own.map((c) => c.id), ...crosswalk.map((r) => r.entityId)])];
}
