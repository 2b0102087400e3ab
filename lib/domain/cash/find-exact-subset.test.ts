import { describe, expect, it } from 'vitest';
import { MAX_SUBSET_CANDIDATES, SUBSET_SEARCH_NODE_BOUND, findExactSubset } from './find-exact-subset.ts';

const search = (target: string, amounts: readonly string[]) => findExactSubset({ target, itemsOldestFirst: amounts.map((amount, i) => ({ i, amount })), amountOf: (x) => x.amount });
const positions = (target: string, amounts: readonly string[]) => search(target, amounts).items?.map((x) => x.i) ?? null;

describe('findExactSubset', () => {
  it.each<[string, string[], number[] | null]>([
    ['30', ['10', '20'], [0, 1]],
    ['30', ['10', '5', '15', '20'], [0, 3]], // pair (0,3) is lexicographically first: holds the oldest
    ['30', ['5', '10', '15'], [0, 1, 2]],
    ['30', ['30', '10', '20'], [1, 2]], // a single is rule 2's, never returned here
    ['0.3', ['0.1', '0.2'], [0, 1]],
    ['100.0001', ['50.00005', '50.00005'], [0, 1]], // DB scale is 4+ decimals: still exact
    ['7', ['1', '2', '4'], [0, 1, 2]],
    ['8', ['1', '2', '4'], null],
    ['15', ['1', '2', '3', '4', '5'], [0, 1, 2, 3, 4]],
    ['21', ['1', '2', '3', '4', '5', '6'], null], // needs six
    ['10', ['-5', '0', '4', '6'], [2, 3]], // non-positive amounts are ignored
    ['0', ['1', '2'], null],
  ])('%s from %j → %j', (target, amounts, expected) => {
    expect(positions(target, amounts)).toEqual(expected);
  });

  it(`only the ${MAX_SUBSET_CANDIDATES} oldest candidates are searched`, () => {
    const amounts = [...Array.from({ length: 20 }, () => '0.5'), '1', '2']; // five halves never reach 3
    expect(positions('3', amounts)).toBeNull();
  });

  it('is bounded by construction: the worst case visits the same nodes for 20 or 2,000 invoices', () => {
    // Whole amounts far below a target with cents: nothing prunes, nothing matches.
    const worst = (n: number) => search('999999.99', Array.from({ length: n }, (_, i) => String(1000 + i)));
    const twenty = worst(20);
    expect(twenty.items).toBeNull();
    expect(twenty.nodesVisited).toBeGreaterThan(20_000);
    expect(twenty.nodesVisited).toBeLessThanOrEqual(SUBSET_SEARCH_NODE_BOUND);
    expect(worst(2_000).nodesVisited).toBe(twenty.nodesVisited);
  });
});
