// The default queue puts the money people can release first (DESIGN.md §7): DATA_FIX and
// DECISION share rank 0 (ordered by financial impact between them), then TRANSIENT (they
// usually clear on their own), then PERMANENT (handled outside Threadline). The rank is
// stored on the row so that the default order is one index scan.
import type { Recoverability } from '../../db/generated/enums.ts';

const ranks: Record<Recoverability, number> = { DATA_FIX: 0, DECISION: 0, TRANSIENT: 1, PERMANENT: 2 };

export function recoverabilityRank(recoverability: Recoverability): number {
  return ranks[recoverability];
}
