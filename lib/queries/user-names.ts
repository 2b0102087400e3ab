// Display names of people by id, for histories that store only the actor's id.
import { db } from '../db/client.ts';

export async function userNames(options: { ids: readonly string[] }): Promise<Map<string, string>> {
  const ids = [...new Set(options.ids)];
  if (ids.length === 0) return new Map();
  const users = await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
