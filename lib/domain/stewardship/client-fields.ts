// The fields a q2c.client.updated.v1 event may carry, and the Client column each one sets.
// Event field names are the canonical column names, except references, which a connected
// system can only express with its own keys: parentExternalId (its id of the parent
// client) and billToLegalEntityCode (a LegalEntity code). A sender with other names maps
// them with FieldMapping rows (INBOUND, FIELD). Anything else is refused, never a crash.
import { z } from 'zod';

const nullableText = (max: number) => z.string().trim().max(max).transform((text) => text || null).nullable();
const upperCode = (length: number) => z.string().regex(new RegExp(`^[A-Za-z]{${length}}$`)).transform((code) => code.toUpperCase());
const wholeDays = z.union([z.number(), z.string().regex(/^\d{1,4}$/).transform(Number)]).pipe(z.number().int().min(0).max(3650));

export const CLIENT_FIELDS = {
  name: { column: 'name', schema: z.string().trim().min(1).max(500) },
  legalName: { column: 'legalName', schema: nullableText(500) },
  parentExternalId: { column: 'parentId', schema: z.string().trim().min(1).max(256).nullable() },
  billToLegalEntityCode: { column: 'billToLegalEntityId', schema: z.string().trim().min(1).max(64) },
  billingCurrency: { column: 'billingCurrency', schema: upperCode(3).nullable() },
  paymentTermsDays: { column: 'paymentTermsDays', schema: wholeDays.nullable() },
  country: { column: 'country', schema: upperCode(2).nullable() },
  billingAddress: { column: 'billingAddress', schema: z.record(z.string(), z.unknown()).nullable() },
  taxNexus: { column: 'taxNexus', schema: nullableText(64) },
  taxExempt: { column: 'taxExempt', schema: z.boolean() },
  status: { column: 'status', schema: z.enum(['ACTIVE', 'INACTIVE']) },
  health: { column: 'health', schema: z.enum(['UNKNOWN', 'HEALTHY', 'WATCH', 'AT_RISK']) },
  healthReason: { column: 'healthReason', schema: nullableText(2000) },
} as const;

export type ClientField = keyof typeof CLIENT_FIELDS;
export type ClientColumn = (typeof CLIENT_FIELDS)[ClientField]['column'];

export type RejectedFieldReason = 'UNKNOWN_FIELD' | 'INVALID_VALUE' | 'DUPLICATE_FIELD';

export interface RejectedField {
  /** The field as the sender named it. */
  field: string;
  reason: RejectedFieldReason;
  message: string;
}

export interface MappedClientFields {
  /** Column → parsed value (references still as the sender's keys). */
  changes: Partial<Record<ClientColumn, unknown>>;
  /** Column → the field name the sender used, for messages. */
  sentAs: Partial<Record<ClientColumn, string>>;
  rejected: RejectedField[];
}

function isClientField(name: string): name is ClientField {
  return Object.hasOwn(CLIENT_FIELDS, name);
}

/** `renames`: the sender's FieldMapping rows, external field name → canonical field name. */
export function mapClientFields(fields: Readonly<Record<string, unknown>>, renames: ReadonlyMap<string, string> = new Map()): MappedClientFields {
  const result: MappedClientFields = { changes: {}, sentAs: {}, rejected: [] };
  for (const [field, value] of Object.entries(fields)) {
    const canonical = renames.get(field) ?? field;
    if (!isClientField(canonical)) {
      const mapped = canonical === field ? '' : `mapped to "${canonical}", `;
      result.rejected.push({ field, reason: 'UNKNOWN_FIELD', message: `${mapped}not a client field Threadline keeps` });
      continue;
    }
    const { column, schema } = CLIENT_FIELDS[canonical];
    if (Object.hasOwn(result.changes, column)) {
      result.rejected.push({ field, reason: 'DUPLICATE_FIELD', message: `"${result.sentAs[column]}" already sets ${canonical}` });
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      result.rejected.push({ field, reason: 'INVALID_VALUE', message: `invalid value (${parsed.error.issues[0]?.message ?? 'does not fit the column'})` });
      continue;
    }
    result.changes[column] = parsed.data;
    result.sentAs[column] = field;
  }
  return result;
}
