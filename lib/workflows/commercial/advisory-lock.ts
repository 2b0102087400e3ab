// A transaction-scoped PostgreSQL advisory lock on a string key (released at commit or
// rollback). Used where no row exists yet to lock: the first acceptance of a quote, the
// next engagement number of a legal entity. 64-bit hash: a collision only serialises two
// unrelated keys, it never breaks correctness.
import type { Tx } from '../workflow.ts';

export async function lockKey(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
