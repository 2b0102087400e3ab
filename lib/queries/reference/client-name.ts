// The name of the client a list is filtered by (its id, or its id in any connected system),
// for the filter's label; null when it does not resolve.
import { db } from '../../db/client.ts';
import { clientIdsFor } from '../engagements/client-ids.ts';
import { isUuid } from '../shared/decimal-fields.ts';

export async function clientName(ref: string): Promise<string | null> {
  const [id] = isUuid(ref) ? [ref] : await clientIdsFor(ref);
  if (!id) return null;
  return (await db().client.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
}
