// Which fields of a canonical entity an ownership rule may name: its columns (from the
// generated Prisma client, so a new column is ownable at once) without the row's own
// bookkeeping. Timesheet is not a table, so only "*" can be owned there.
import { Prisma } from '../../db/client.ts';
import type { EntityType } from '../../db/generated/enums.ts';
import { ANY_FIELD } from '../../domain/stewardship/decide-field-changes.ts';

const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt']);

export function ownableFields(domain: EntityType): string[] {
  const scalarFields = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[`${domain}ScalarFieldEnum`];
  return scalarFields ? Object.values(scalarFields).filter((field) => !BOOKKEEPING.has(field)) : [];
}

export function isOwnableField(domain: EntityType, field: string): boolean {
  return field === ANY_FIELD || ownableFields(domain).includes(field);
}
