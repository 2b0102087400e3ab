// Engagement codes are the human engagementRef: ENG-<legal entity>-<number>, numbered per
// legal entity from 0001 (ENG-US01-0042), growing past four digits when needed. The next
// number is taken under an advisory lock per legal entity, so two acceptances never pick
// the same one; the unique index on Engagement.code is the backstop. Gaps (a rolled-back
// acceptance) are harmless here, unlike invoice numbers.
import type { Tx } from '../workflow.ts';
import { lockKey } from './advisory-lock.ts';

export async function allocateEngagementCode(tx: Tx, legalEntityCode: string): Promise<string> {
  const prefix = `ENG-${legalEntityCode}-`;
  await lockKey(tx, `engagement-code:${legalEntityCode}`);
  const start = prefix.length + 1;
  const rows = await tx.$queryRaw<{ last: number | null }[]>`
    SELECT max(substr(code, ${start}::int)::bigint)::int AS last
      FROM "Engagement"
     WHERE starts_with(code, ${prefix}) AND substr(code, ${start}::int) ~ '^[0-9]{1,9}$'`;
  const next = (rows[0]?.last ?? 0) + 1;
  return `${prefix}${String(next).padStart(4, '0')}`;
}
