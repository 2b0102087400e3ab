// DELETE /api/v1/me/tokens/{id}: revokes one of the caller's tokens (204, repeatable).
import { apiRoute } from '@/lib/http/api-route';
import { apiTokenIdParamsSchema } from '@/lib/http/schemas/access-responses';
import { revokeApiToken } from '@/lib/services/revoke-api-token';

export const DELETE = apiRoute({
  permission: 'tokens:manage-own',
  params: apiTokenIdParamsSchema,
  handler: async ({ principal, params }) => {
    await revokeApiToken({ userId: principal.userId, tokenId: params.id });
  },
});
