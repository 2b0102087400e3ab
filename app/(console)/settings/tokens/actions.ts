'use server';
// Server actions of the API tokens page: thin calls to lib/services through serverAction.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { serverAction } from '@/lib/http/server-action';
import { createApiTokenSchema, expiryFrom, type CreateApiTokenInput } from '@/lib/http/schemas/api-token';
import { createApiToken } from '@/lib/services/create-api-token';
import { revokeApiToken } from '@/lib/services/revoke-api-token';

const create = serverAction({
  permission: 'tokens:manage-own',
  input: createApiTokenSchema,
  handler: async ({ principal, input }) => {
    const now = new Date();
    const created = await createApiToken({ userId: principal.userId, name: input.name, expiresAt: expiryFrom(input.expiresInDays, now), now });
    revalidatePath('/settings/tokens');
    return { id: created.id, name: created.name, token: created.token, expiresAt: created.expiresAt?.toISOString() ?? null };
  },
});

const revoke = serverAction({
  permission: 'tokens:manage-own',
  input: z.object({ id: z.uuid() }),
  handler: async ({ principal, input }) => {
    await revokeApiToken({ userId: principal.userId, tokenId: input.id });
    revalidatePath('/settings/tokens');
    return { id: input.id };
  },
});

export async function createApiTokenAction(input: CreateApiTokenInput) {
  return create(input);
}

export async function revokeApiTokenAction(input: { id: string }) {
  return revoke(input);
}
