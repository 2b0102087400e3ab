// Schemas of /api/v1/me and /api/v1/me/tokens: who is calling, and their personal API tokens.
import { z } from 'zod';
import { Role } from '../../db/generated/enums.ts';
import { permissions } from '../../auth/permissions.ts';
import { dateTime } from './response-fields.ts';

export const meResponseSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(Role),
  roleLabel: z.string(),
  permissions: z.array(z.enum(permissions as [string, ...string[]])),
  authenticatedVia: z.enum(['session', 'token']),
});

export const apiTokenIdParamsSchema = z.object({ id: z.uuid() });

const apiTokenSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe('The first characters, for recognising it; the token itself is never shown again.'),
  status: z.enum(['active', 'expired', 'revoked']),
  createdAt: dateTime,
  expiresAt: dateTime.nullable(),
  lastUsedAt: dateTime.nullable(),
  revokedAt: dateTime.nullable(),
});

export const apiTokenListResponseSchema = z.object({ tokens: z.array(apiTokenSummarySchema) });

export const createdApiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: dateTime,
  expiresAt: dateTime.nullable(),
  token: z.string().describe('The token (tl_pat_…), shown once: send it as Authorization: Bearer <token>.'),
});
