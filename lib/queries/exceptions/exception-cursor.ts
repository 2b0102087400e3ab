// Opaque page cursors: base64url JSON of the sort and the last row's key values. The
// sort is inside so a cursor from one order cannot silently page another; anything that
// does not decode to the current order's key shape is a 400, never a wrong page. Any
// keyset-paginated list uses it (the inbox names its one order "inbox").
import { z } from 'zod';
import { OwnerTeam } from '../../db/generated/enums.ts';
import { AppError } from '../../errors.ts';
import type { KeyKind, KeyValue, SortColumn } from './exception-sort.ts';

const valueSchemas: Record<KeyKind, z.ZodType<KeyValue>> = {
  int: z.number().int(),
  decimal: z.string().regex(/^-?\d{1,15}(\.\d{1,4})?$/),
  // An exact quotient as PostgreSQL prints a numeric division (margin-point variance).
  ratio: z.string().regex(/^-?\d{1,20}(\.\d{1,40})?$/),
  date: z.iso.datetime(),
  uuid: z.uuid(),
  ownerTeam: z.enum(OwnerTeam),
};

export function encodeCursor(sort: string, values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify({ s: sort, v: values })).toString('base64url');
}

export function decodeCursor(cursor: string, sort: string, columns: readonly Pick<SortColumn, 'kind' | 'nullable'>[]): KeyValue[] {
  const schema = z.object({
    s: z.literal(sort),
    v: z.tuple(columns.map((c) => (c.nullable ? valueSchemas[c.kind].nullable() : valueSchemas[c.kind])) as [z.ZodType, ...z.ZodType[]]),
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not valid for this sort order; start again without one.', {
      details: { errors: [{ parameter: 'cursor', message: 'Not a cursor of this list and sort order.' }] },
    });
  }
  return result.data.v as KeyValue[];
}
