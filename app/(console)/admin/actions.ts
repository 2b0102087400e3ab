'use server';
// Server actions of the admin area: thin calls to lib/services through serverAction, each
// with its own permission (people and tokens: users:manage; ownership rules:
// ownership:manage; SKU mappings, which are stewardship configuration too: ownership:manage;
// accounting periods: periods:close).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { Role } from '@/lib/db/generated/enums';
import { serverAction } from '@/lib/http/server-action';
import { setOwnershipRuleBody, deleteOwnershipRuleQuery } from '@/lib/http/schemas/ownership-rule';
import { periodParamsSchema, reopenPeriodBodySchema } from '@/lib/http/schemas/periods';
import { closeAccountingPeriod } from '@/lib/services/periods/close-accounting-period';
import { reopenAccountingPeriod } from '@/lib/services/periods/reopen-accounting-period';
import { deleteOwnershipRule } from '@/lib/services/stewardship/delete-ownership-rule';
import { setOwnershipRule } from '@/lib/services/stewardship/set-ownership-rule';
import { setRateCardRate } from '@/lib/services/stewardship/set-rate-card-rate';
import { deactivateSkuMapping, setSkuMapping } from '@/lib/services/stewardship/sku-mappings';
import { changeUserRole } from '@/lib/services/users/change-user-role';
import { revokeAnyApiToken } from '@/lib/services/users/revoke-any-api-token';

const done = <T>(value: T) => {
  revalidatePath('/admin');
  return value;
};

const changeRole = serverAction({
  permission: 'users:manage',
  input: z.object({ userId: z.uuid(), role: z.enum(Role) }),
  handler: async ({ principal, input }) => done(await changeUserRole({ ...input, actorId: principal.userId })),
});

const revokeToken = serverAction({
  permission: 'users:manage',
  input: z.object({ id: z.uuid() }),
  handler: async ({ principal, input }) => done(await revokeAnyApiToken({ tokenId: input.id, actorId: principal.userId })),
});

const setRule = serverAction({
  permission: 'ownership:manage',
  input: setOwnershipRuleBody,
  handler: async ({ principal, input, correlationId }) => done((await setOwnershipRule({ ...input, userId: principal.userId, correlationId })).changed),
});

const deleteRule = serverAction({
  permission: 'ownership:manage',
  input: deleteOwnershipRuleQuery,
  handler: async ({ principal, input, correlationId }) => done(await deleteOwnershipRule({ ...input, userId: principal.userId, correlationId })),
});

const setMapping = serverAction({
  permission: 'ownership:manage',
  input: z.object({ system: z.string().trim().min(1).max(100), externalSku: z.string().trim().min(1, 'Name the SKU the system sends.').max(200), sku: z.string().trim().min(1).max(100) }),
  handler: async ({ principal, input }) => done(await setSkuMapping({ ...input, userId: principal.userId })),
});

const deactivateMapping = serverAction({
  permission: 'ownership:manage',
  input: z.object({ id: z.uuid() }),
  handler: async ({ principal, input }) => done(await deactivateSkuMapping({ id: input.id, userId: principal.userId })),
});

const setRate = serverAction({
  permission: 'ownership:manage',
  input: z.object({ rateCardCode: z.string().trim().min(1).max(100), role: z.string().trim().min(1).max(50), rate: z.string().trim().min(1, 'Give the hourly rate.').max(30), effectiveFrom: z.string().trim() }),
  handler: async ({ principal, input }) => done(await setRateCardRate({ ...input, userId: principal.userId })),
});

const closePeriod = serverAction({
  permission: 'periods:close',
  input: periodParamsSchema,
  handler: async ({ principal, input, correlationId }) => done(await closeAccountingPeriod({ ...input, actor: { type: 'USER', id: principal.userId }, now: new Date(), correlationId })),
});

const reopenPeriod = serverAction({
  permission: 'periods:close',
  input: periodParamsSchema.extend(reopenPeriodBodySchema.shape),
  handler: async ({ principal, input, correlationId }) => done(await reopenAccountingPeriod({ ...input, actor: { type: 'USER', id: principal.userId }, correlationId })),
});

export async function changeUserRoleAction(input: { userId: string; role: Role }) {
  return changeRole(input);
}
export async function revokeAnyApiTokenAction(input: { id: string }) {
  return revokeToken(input);
}
export async function setOwnershipRuleAction(input: z.input<typeof setOwnershipRuleBody>) {
  return setRule(input);
}
export async function deleteOwnershipRuleAction(input: z.input<typeof deleteOwnershipRuleQuery>) {
  return deleteRule(input);
}
export async function setSkuMappingAction(input: { system: string; externalSku: string; sku: string }) {
  return setMapping(input);
}
export async function deactivateSkuMappingAction(input: { id: string }) {
  return deactivateMapping(input);
}
export async function setRateCardRateAction(input: { rateCardCode: string; role: string; rate: string; effectiveFrom: string }) {
  return setRate(input);
}
export async function closePeriodAction(input: { legalEntityCode: string; period: string }) {
  return closePeriod(input);
}
export async function reopenPeriodAction(input: { legalEntityCode: string; period: string; reason: string }) {
  return reopenPeriod(input);
}
