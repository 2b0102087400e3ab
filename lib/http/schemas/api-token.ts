// The request schema for creating a personal API token, shared by the API route and the
// settings page's server action (and, later, the OpenAPI document).
import { z } from 'zod';
import { API_TOKEN_NAME_MAX_LENGTH } from '../../services/create-api-token.ts';

export const API_TOKEN_EXPIRY_CHOICES = [7, 30, 90, 365] as const;
export const DEFAULT_API_TOKEN_EXPIRY_DAYS = 90;

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, 'Give the token a name.').max(API_TOKEN_NAME_MAX_LENGTH, `At most ${API_TOKEN_NAME_MAX_LENGTH} characters.`),
  // null (or the form's 'never'): does not expire. Forms send strings, hence the coercion.
  expiresInDays: z
    .preprocess(
      (value) => (value === 'never' ? null : value),
      z.coerce.number({ message: 'Must be a number of days.' }).int('Whole days only.').min(1, 'At least 1 day.').max(366, 'At most 366 days.').nullable(),
    )
    .default(DEFAULT_API_TOKEN_EXPIRY_DAYS),
});

export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

export function expiryFrom(expiresInDays: number | null, now: Date): Date | null {
  return expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * 24 * 60 * 60 * 1000);
}
