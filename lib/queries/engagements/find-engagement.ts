// Resolves an engagement reference from a URL — its id or its code, as people and tools
// write either — to the row's id; NOT_FOUND when there is none.
import { db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { isUuid } from '../shared/decimal-fields.ts';

export async function findEngagementId(ref: string): Promise<{ id: string; currency: string }> {
  const where = isUuid(ref) ? { id: ref } : { code: ref };
  const row = await db().engagement.findUnique({ where, select: { id: true, currency: true } });
  if (!row) throw new AppError('NOT_FOUND', `There is no engagement ${ref}.`);
  return row;
}
