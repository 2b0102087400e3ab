// The legal entities a filter offers (code and name), in code order.
import { db } from '../../db/client.ts';

export function listLegalEntityCodes(): Promise<{ code: string; name: string }[]> {
  return db().legalEntity.findMany({ orderBy: { code: 'asc' }, select: { code: true, name: true }, take: 200 });
}
