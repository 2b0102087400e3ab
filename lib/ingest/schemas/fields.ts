// The field types the event schemas are built from. Limits follow the columns the
// workflows write to (an over-long id or a 12-digit "Int" would otherwise fail in the
// database, far from the sender); everything else a workflow checks against reference data.
import { z } from 'zod';
import { decimalString } from '../../domain/money/decimal-string.ts';
import { isIsoDate, isRfc3339Timestamp, isYearMonth } from './formats.ts';

const MAX_IDENTIFIER_LENGTH = 256;
const MAX_TEXT_LENGTH = 10_000;
const MAX_INT4 = 2_147_483_647;

/** Ids, refs and codes: kept exactly as sent, but never blank. Unknown codes are the workflow's business. */
export const identifier = z
  .string()
  .max(MAX_IDENTIFIER_LENGTH, `At most ${MAX_IDENTIFIER_LENGTH} characters.`)
  .regex(/\S/, 'Must not be empty.');

/** Free text (descriptions, notes, reasons); may be empty unless said otherwise. */
export const text = z.string().max(MAX_TEXT_LENGTH, `At most ${MAX_TEXT_LENGTH} characters.`);
export const nonEmptyText = text.regex(/\S/, 'Must not be empty.');

/** One of a fixed set of codes; a missing value still reads "Required.". */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (issue) => (issue.input === undefined ? 'Required.' : `Expected one of ${values.join(', ')}.`) });
}

/** ISO 4217 shape; lower case is accepted and upper-cased. Whether the code is in use is reference data. */
export const currencyCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'Expected a three-letter ISO 4217 currency code, e.g. "USD".')
  .transform((code) => code.toUpperCase());

export const isoDate = z.string().refine(isIsoDate, 'Expected a calendar date as YYYY-MM-DD.');
export const yearMonth = z.string().refine(isYearMonth, 'Expected a month as YYYY-MM.');
export const timestamp = z
  .string()
  .refine(isRfc3339Timestamp, 'Expected an RFC 3339 timestamp with a time zone, e.g. "2026-03-31T17:45:00Z".');

export const sha256Hex = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'Expected a SHA-256 digest as 64 hexadecimal characters.')
  .transform((hex) => hex.toLowerCase());

/** An absolute URI (https:, s3:, urn: …) — evidence must say where it lives. */
export const absoluteUri = z
  .string()
  .max(2048, 'At most 2048 characters.')
  .regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/, 'Expected an absolute URI, e.g. "https://dms.example.com/doc/123".');

/** A whole number ≥ 1 sent as a JSON number or a digit string (versions, months); fits an Int column. */
export function positiveInteger(options: { max?: number } = {}) {
  const max = options.max ?? MAX_INT4;
  return z
    .union([z.number(), z.string()], {
      error: (issue) => (issue.input === undefined ? 'Required.' : 'Expected a positive whole number.'),
    })
    .transform((input, ctx) => {
      const value = typeof input === 'number' ? input : /^\d{1,16}$/.test(input) ? Number(input) : Number.NaN;
      if (Number.isSafeInteger(value) && value >= 1 && value <= max) return value;
      ctx.addIssue({ code: 'custom', message: `Expected a whole number from 1 to ${max}.`, input });
      return z.NEVER;
    });
}

// Decimal flavours, sized to the columns: amounts Decimal(19,4), rates Decimal(19,6),
// quantities and units Decimal(19,4), hours Decimal(9,2).
export const amount = (options: { positive?: boolean; min?: string } = {}) => decimalString({ maxScale: 4, ...options });
export const rate = () => decimalString({ min: '0', maxScale: 6 });
export const quantity = (options: { positive?: boolean; min?: string } = {}) => decimalString({ maxScale: 4, ...options });
/** Hours in one time entry: more than 0, at most a day. */
export const entryHours = () => decimalString({ positive: true, max: '24', maxScale: 2 });
/** A change in budget hours, either sign, within Decimal(9,2). */
export const hoursDelta = () => decimalString({ min: '-9999999.99', max: '9999999.99', maxScale: 2 });

/**
 * An optional member that may also be sent as null (CRMs send null for "not set"):
 * null reads as absent, so workflows see one "missing" value.
 */
export function optional<T extends z.ZodType>(schema: T) {
  // preprocess (not .nullish().transform) keeps the member optional (`key?:`) in the output type.
  return z.preprocess((value) => (value === null ? undefined : value), schema.optional());
}

/** Adds an issue on the second and later items whose key repeats an earlier one. */
export function requireUniqueKeys(
  items: readonly { [key: string]: unknown }[],
  key: string,
  ctx: z.RefinementCtx,
  path: readonly PropertyKey[],
): void {
  const seen = new Set<unknown>();
  items.forEach((item, index) => {
    const value = item[key];
    if (seen.has(value)) ctx.addIssue({ code: 'custom', message: `Duplicate ${key} "${String(value)}": each must be unique.`, path: [...path, index, key], input: value });
    seen.add(value);
  });
}
