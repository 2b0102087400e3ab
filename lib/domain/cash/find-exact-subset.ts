// Rule 3 of cash application (DESIGN.md §6): a small set of the payer's open invoices whose
// balances sum exactly to the receipt. Bounded by construction: at most
// MAX_SUBSET_CANDIDATES invoices and sets of at most MAX_SUBSET_SIZE, searched size by size,
// so it visits fewer than SUBSET_SEARCH_NODE_BOUND partial sets whatever the amounts — fast
// enough to run inside the payment's transaction. A guess beyond five invoices is not one a
// finance team would trust anyway.
import { Decimal, dec, type DecimalInput } from '../money/decimal.ts';

export const MAX_SUBSET_CANDIDATES = 20;
export const MAX_SUBSET_SIZE = 5;
/** Σ over sizes k = 2..5 of Σ_{j ≤ k} C(20, j): every node of every pass, an upper bound. */
export const SUBSET_SEARCH_NODE_BOUND = 29_454;

export interface SubsetSearchResult<T> {
  /** The chosen items, oldest first; null when no set of 2..MAX_SUBSET_SIZE sums exactly. */
  items: T[] | null;
  /** Partial sets the search looked at: the evidence that the bound holds. */
  nodesVisited: number;
}

/**
 * Finds the set with the fewest items, then the oldest: items must come oldest first, and
 * among sets of one size the first in lexicographic order of positions wins, i.e. the set
 * holding the oldest invoice, then the next oldest... Only the first MAX_SUBSET_CANDIDATES
 * items are searched. Amounts must be positive; anything else is skipped.
 */
export function findExactSubset<T>(options: { target: DecimalInput; itemsOldestFirst: readonly T[]; amountOf: (item: T) => DecimalInput }): SubsetSearchResult<T> {
  const target = dec(options.target);
  if (!target.greaterThan(0)) return { items: null, nodesVisited: 0 };
  const candidates = options.itemsOldestFirst
    .map((item) => ({ item, amount: dec(options.amountOf(item)) }))
    .filter(({ amount }) => amount.greaterThan(0) && amount.lessThan(target))
    .slice(0, MAX_SUBSET_CANDIDATES);
  if (candidates.length < 2) return { items: null, nodesVisited: 0 };

  // Integers in the smallest unit any amount uses: exact, and much faster than decimals.
  const scale = Math.max(target.decimalPlaces(), ...candidates.map(({ amount }) => amount.decimalPlaces()));
  const toUnits = (value: Decimal) => BigInt(value.times(new Decimal(10).pow(scale)).toFixed(0));
  const units = candidates.map(({ amount }) => toUnits(amount));
  const goal = toUnits(target);

  let nodesVisited = 0;
  const chosen: number[] = [];
  // Depth-first in lexicographic order; the first hit at a size is the oldest set of that size.
  const search = (start: number, remaining: bigint, slots: number): boolean => {
    for (let i = start; i <= units.length - slots; i++) {
      nodesVisited++;
      const rest = remaining - units[i]!;
      if (rest < 0n) continue; // amounts are positive: this invoice overshoots
      chosen.push(i);
      if (slots === 1 ? rest === 0n : rest > 0n && search(i + 1, rest, slots - 1)) return true;
      chosen.pop();
    }
    return false;
  };

  for (let size = 2; size <= Math.min(MAX_SUBSET_SIZE, units.length); size++) {
    if (search(0, goal, size)) return { items: chosen.map((i) => candidates[i]!.item), nodesVisited };
  }
  return { items: null, nodesVisited };
}
