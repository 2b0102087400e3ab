// Field types of the API's responses, shared by every response schema so the OpenAPI
// document says the same thing everywhere: exact decimals are strings, never JSON numbers.
import { z } from 'zod';

export const moneyString = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .describe('Money as an exact decimal string with the currency\'s minor units, e.g. "42300.00". Never a JSON number.');

export const decimalString = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .describe('An exact decimal as a string (rates, quantities, unrounded amounts), e.g. "7.5" or "899.995".');

export const hoursString = z.string().regex(/^-?\d+\.\d{2}$/).describe('Hours with two decimals, e.g. "7.50".');

export const currencyCode = z.string().regex(/^[A-Z]{3}$/).describe('ISO 4217 currency code, e.g. "USD".');

export const dateTime = z.iso.datetime().describe('RFC 3339 timestamp in UTC.');
export const calendarDate = z.iso.date().describe('Calendar date, YYYY-MM-DD.');

/** A keyset-paginated list: pass nextCursor back as `cursor` for the next page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass back as `cursor` for the next page; null on the last page.'),
  });
}

/** The query parameters of every keyset-paginated list. */
export function pageQuery(options: { defaultLimit: number; maxLimit: number }) {
  return {
    cursor: z.string().min(1).max(1000).optional().describe('The nextCursor of the previous page.'),
    limit: z.coerce.number().int().min(1).max(options.maxLimit).default(options.defaultLimit).describe(`Page size (1–${options.maxLimit}).`),
  };
}

/** Optional free-text filter. */
export const filterText = z.string().trim().min(1).max(200).optional();
