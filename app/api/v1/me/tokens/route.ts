// GET /api/v1/me/tokens: the caller's personal API tokens (never the secret part).
// POST /api/v1/me/tokens {name, expiresInDays?}: creates one and returns it once.
import { AppError } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api-route';
import { listApiTokens } from '@/lib/queries/list-api-tokens';
import { createApiToken } from '@/lib/services/create-api-token';
import { createApiTokenSchema, expiryFrom } from '@/lib/http/schemas/api-token';

export const GET = apiRoute({
  permission: 'tokens:manage-own',
  handler: async ({ principal }) => ({ tokens: await listApiTokens({ userId: principal.userId }) }),
});

export const POST = apiRoute({
  permission: 'tokens:manage-own',
  input: createApiTokenSchema,
  handler: async ({ principal, body }) => {
    // A leaked token must not be able to mint itself successors.
    if (principal.via === 'token') throw new AppError('FORBIDDEN', 'API tokens cannot create tokens; sign in to the console to create one.');
    const now = new Date();
    const created = await createApiToken({ userId: principal.userId, name: body.name, expiresAt: expiryFrom(body.expiresInDays, now), now });
    return Response.json(created, { status: 201 });
  },
});
