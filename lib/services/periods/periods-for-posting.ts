// The accounting periods a posting (an issued invoice, a credit note, a revenue entry)
// decides against, read FOR SHARE: a close or reopen (FOR UPDATE on the same rows, see
// lock-entity-periods.ts) waits until the posting commits, and a posting that starts
// during a close waits for it and then sees the month closed. Postings do not block each
// other (shared locks). Rows are taken in one order so lockers never deadlock on them.
import type { Prisma } from '../../db/client.ts';

export interface PostingPeriodRow {
  id: string;
  legalEntityId: string;
  period: string;
  status: 'OPEN' | 'CLOSED';
}

export async function periodsForPosting(tx: Prisma.TransactionClient, legalEntityIds: readonly string[]): Promise<PostingPeriodRow[]> {
  const ids = [...new Set(legalEntityIds)];
  if (ids.length === 0) return [];
  return tx.$queryRaw<PostingPeriodRow[]>`
    SELECT id::text, "legalEntityId"::text AS "legalEntityId", period, status::text AS status
      FROM "AccountingPeriod" WHERE "legalEntityId" = ANY(${ids}::uuid[])
     ORDER BY "legalEntityId", period FOR SHARE`;
}
