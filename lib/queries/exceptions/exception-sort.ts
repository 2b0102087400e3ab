// The queue's sort orders. Every order ends with id, so it is total and a page boundary
// never splits or repeats rows with equal values; the id goes the way the order goes, so
// each order is one index read forwards or backwards — (status, <column>, id) for each
// column, (status, recoverabilityRank, financialImpact DESC, id) for the default. A missing
// value (slaDueAt) counts as the largest, as PostgreSQL sorts by default: last ascending,
// first descending.
export const exceptionSorts = [
  'default',
  'financialImpact',
  '-financialImpact',
  'lastSeenAt',
  '-lastSeenAt',
  'firstSeenAt',
  '-firstSeenAt',
  'slaDueAt',
  '-slaDueAt',
  'occurrences',
  '-occurrences',
  'ownerTeam',
  '-ownerTeam',
] as const;
export type ExceptionSort = (typeof exceptionSorts)[number];

export type SortField = 'recoverabilityRank' | 'financialImpact' | 'lastSeenAt' | 'firstSeenAt' | 'slaDueAt' | 'occurrences' | 'ownerTeam' | 'id';
// ownerTeam is a PostgreSQL enum: it sorts in the enum's declared order, not by name.
export type KeyKind = 'int' | 'decimal' | 'ratio' | 'date' | 'uuid' | 'ownerTeam';
export interface SortColumn {
  field: SortField;
  direction: 'asc' | 'desc';
  kind: KeyKind;
  nullable: boolean;
}
/** A cursor value as carried in JSON: numbers for ints, strings for the rest, null. */
export type KeyValue = string | number | null;

const kinds: Record<SortField, KeyKind> = {
  recoverabilityRank: 'int',
  occurrences: 'int',
  financialImpact: 'decimal',
  lastSeenAt: 'date',
  firstSeenAt: 'date',
  slaDueAt: 'date',
  ownerTeam: 'ownerTeam',
  id: 'uuid',
};
const nullable: ReadonlySet<SortField> = new Set(['slaDueAt']);
const column = (field: SortField, direction: 'asc' | 'desc'): SortColumn => ({ field, direction, kind: kinds[field], nullable: nullable.has(field) });

export function sortColumns(sort: ExceptionSort): SortColumn[] {
  if (sort === 'default') return [column('recoverabilityRank', 'asc'), column('financialImpact', 'desc'), column('id', 'asc')];
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  return [column(sort.replace(/^-/, '') as SortField, direction), column('id', direction)];
}

/** The row's values for the cursor, in the order of the columns. */
export function keyValues(columns: readonly SortColumn[], row: Partial<Record<SortField, unknown>>): KeyValue[] {
  return columns.map(({ field, kind }) => {
    const value = row[field];
    if (value === null || value === undefined) return null;
    if (kind === 'int') return Number(value);
    if (kind === 'date') return (value as Date).toISOString();
    return String(value); // Decimal → exact string; uuid; enum
  });
}
