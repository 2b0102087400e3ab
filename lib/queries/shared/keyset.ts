// Keyset pagination on (one sort column, id) for the console's lists: the "strictly after
// the cursor row" condition as a Prisma where, for either direction, with null sort values
// last (the order Prisma is asked for). Never OFFSET: the next page costs the same as the first.
export type SortDirection = 'asc' | 'desc';

/** The Prisma orderBy for (field, id) with nulls last. */
export function keysetOrder(field: string, direction: SortDirection, nullable: boolean) {
  return [{ [field]: nullable ? { sort: direction, nulls: 'last' } : direction }, { id: direction }];
}

/** Rows after (value, id) in the order of keysetOrder. */
export function keysetAfter(field: string, direction: SortDirection, value: unknown, id: string, nullable = false): Record<string, unknown> {
  const beyond = direction === 'asc' ? 'gt' : 'lt';
  if (value === null) return { [field]: null, id: { [beyond]: id } };
  const after = [{ [field]: { [beyond]: value } }, { [field]: value, id: { [beyond]: id } }];
  return { OR: nullable ? [...after, { [field]: null }] : after };
}
