// DELETE /api/v1/me/tokens/{id}: revokes one of the caller's tokens (204, repeatable).
import { z } from 'zod';
import { apiRoute } from '@/lib/http/api-route';
import { revokeApiToken } from '@/lib/services/revoke-api-token';

export const DELETE = apiRoute({
  permission: 'tokens:manage-own',
  params: z.object({ id: z.uuid() }),
  handler: async ({ principal, params }) => {
    await revokeApiToken({ userId: principal.userId, tokenId: params.id });
  },
});
