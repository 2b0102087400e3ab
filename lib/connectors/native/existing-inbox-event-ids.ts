// Which of these event ids the inbox already holds for the source: a change event sent
// again is answered as a duplicate without re-reading the CRM.
import { db } from '../../db/client.ts';

export async function existingInboxEventIds(source: string, eventIds: readonly string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await db().inboxEvent.findMany({ where: { source, eventId: { in: [...eventIds] } }, select: { eventId: true } });
  return new Set(rows.map((r) => r.eventId));
}
