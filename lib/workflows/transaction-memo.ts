// Reference data that every event of a batch reads again (ownership rules, cost centers),
// read once per transaction. The inbox processor applies a whole batch of events in one
// transaction, and each read is a round trip through Prisma (about 0.35 ms of CPU in the
// worker, see docs/PERFORMANCE.md). Such data changes only through people, in
// transactions of their own; a batch applies it as it was when it first needed it, as if
// the batch had started a moment earlier. Only found values are kept: a miss (which holds
// the event) is looked up again by the next event.
import type { Tx } from './workflow.ts';

const memos = new WeakMap<Tx, Map<string, unknown>>();

export async function memoInTransaction<T>(tx: Tx, key: string, load: () => Promise<T | null>): Promise<T | null> {
  // A full client (not a transaction) would keep the values for its whole life: no memo.
  if ('$connect' in tx) return load();
  let memo = memos.get(tx);
  if (!memo) memos.set(tx, (memo = new Map()));
  if (memo.has(key)) return memo.get(key) as T;
  const value = await load();
  if (value !== null) memo.set(key, value);
  return value;
}
