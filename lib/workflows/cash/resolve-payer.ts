// Who paid (DESIGN.md §6): the payer's externalId through the id crosswalk — the sender's
// own id first (a Stripe customer linked for the payments connector), then the id as any
// connected system knows it (banks often quote the ERP or CRM customer number). A payer
// known only by name stays unknown: names are not unique and guessing would apply cash to
// the wrong client. Two systems naming different clients with the same id is ambiguous,
// and ambiguous is unknown too — the cash waits for a person (UNAPPLIED_CASH).
import { resolveExternalRef } from '../../services/crosswalk/resolve-external-ref.ts';
import type { Tx } from '../workflow.ts';
import { THREADLINE_SYSTEM_CODE } from '../master-data/sender.ts';

export type ResolvedPayer =
  | { found: true; clientId: string; via: 'SENDER' | 'CROSSWALK' }
  | { found: false; clientId: null; reason: 'NAME_ONLY' | 'UNKNOWN' | 'AMBIGUOUS'; candidates?: string[] };

export async function resolvePayer(tx: Tx, options: { system: string; externalId?: string | undefined }): Promise<ResolvedPayer> {
  const { system, externalId } = options;
  if (!externalId) return { found: false, clientId: null, reason: 'NAME_ONLY' };

  const own = await resolveExternalRef(tx, { system, entityType: 'Client', externalId });
  if (own) return { found: true, clientId: own, via: 'SENDER' };

  // Probing the unique (system, entityType, externalId) index once per known system keeps
  // this an index lookup: ExternalRef has no index on the external id alone.
  const connectors = await tx.connector.findMany({ select: { code: true } });
  const systems = [...new Set([...connectors.map((c) => c.code), THREADLINE_SYSTEM_CODE])];
  const refs = await tx.externalRef.findMany({ where: { system: { in: systems }, entityType: 'Client', externalId }, select: { entityId: true } });
  const rows = await tx.client.findMany({ where: { sourceSystem: { in: systems }, externalId }, select: { id: true } });
  const candidates = [...new Set([...refs.map((r) => r.entityId), ...rows.map((r) => r.id)])].sort();
  if (candidates.length === 1) return { found: true, clientId: candidates[0]!, via: 'CROSSWALK' };
  return candidates.length === 0 ? { found: false, clientId: null, reason: 'UNKNOWN' } : { found: false, clientId: null, reason: 'AMBIGUOUS', candidates };
}

/**
 * The payer and its subsidiaries (down five levels; the guard stops a corrupt loop): a
 * parent's shared-service AP pays for its subsidiaries, while a subsidiary paying for its
 * parent or a sibling is rare enough that guessing it would do more harm than good.
 */
export async function payerAndSubsidiaries(tx: Tx, clientId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE family(id, depth) AS (
      SELECT id, 0 FROM "Client" WHERE id = ${clientId}::uuid
      UNION
      SELECT c.id, f.depth + 1 FROM "Client" c JOIN family f ON c."parentId" = f.id WHERE f.depth < 5
    )
    SELECT DISTINCT id::text FROM family`;
  return rows.map((r) => r.id);
}
