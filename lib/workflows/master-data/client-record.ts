// Finding, creating and locking the canonical Client a connected system's id stands for.
// Creation is INSERT ... ON CONFLICT DO NOTHING on the unique (sourceSystem, externalId),
// so two transactions mastering the same new client never fail.
import type { Prisma } from '../../db/client.ts';
import { resolveExternalRef } from '../../services/crosswalk/resolve-external-ref.ts';
import { linkExternalRef } from '../../services/crosswalk/link-external-ref.ts';
import type { Tx } from '../workflow.ts';

const snapshotSelect = {
  id: true,
  name: true,
  legalName: true,
  parentId: true,
  billToLegalEntityId: true,
  billingCurrency: true,
  paymentTermsDays: true,
  country: true,
  billingAddress: true,
  taxNexus: true,
  taxExempt: true,
  status: true,
  health: true,
  healthReason: true,
  billToLegalEntity: { select: { code: true } },
} as const satisfies Prisma.ClientSelect;

export type ClientSnapshot = Prisma.ClientGetPayload<{ select: typeof snapshotSelect }>;

/** The client the system's id resolves to; a row keyed by that id but not yet linked is linked now. */
export async function findClient(tx: Tx, system: string, externalId: string): Promise<string | null> {
  const key = { system, entityType: 'Client' as const, externalId };
  const linked = await resolveExternalRef(tx, key);
  if (linked) return linked;
  const row = await tx.client.findUnique({ where: { sourceSystem_externalId: { sourceSystem: system, externalId } }, select: { id: true } });
  if (!row) return null;
  await linkExternalRef(tx, { ...key, entityId: row.id });
  return row.id;
}

/** Creates the client and its crosswalk link; null when a concurrent transaction created it first. */
export async function createClient(tx: Tx, system: string, externalId: string, columns: Prisma.ClientCreateManyInput): Promise<string | null> {
  const { count } = await tx.client.createMany({ data: [{ ...columns, sourceSystem: system, externalId }], skipDuplicates: true });
  if (count === 0) return null;
  const { id } = await tx.client.findUniqueOrThrow({ where: { sourceSystem_externalId: { sourceSystem: system, externalId } }, select: { id: true } });
  await linkExternalRef(tx, { system, entityType: 'Client', externalId, entityId: id });
  return id;
}

/** Locks the client row for the rest of the transaction and reads it. */
export async function lockClient(tx: Tx, id: string): Promise<ClientSnapshot> {
  await tx.$queryRaw`SELECT 1 FROM "Client" WHERE "id" = ${id}::uuid FOR UPDATE`;
  return tx.client.findUniqueOrThrow({ where: { id }, select: snapshotSelect });
}
