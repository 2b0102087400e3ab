// The id crosswalk, write side: links a connected system's id to a canonical entity.
// Idempotent and safe under concurrency: the insert is ON CONFLICT DO NOTHING on the
// unique (system, entityType, externalId), so two transactions linking the same id never
// fail; the loser reads the winner's row. An id already linked to a different entity is
// a conflict a person must sort out (ExternalRefConflictError → a DATA_FIX hold).
import type { Tx } from '../../workflows/workflow.ts';
import { resolveExternalRef, type ExternalKey } from './resolve-external-ref.ts';

export class ExternalRefConflictError extends Error {
  constructor(
    readonly key: ExternalKey,
    readonly linkedEntityId: string,
    readonly requestedEntityId: string,
  ) {
    super(`${key.system} ${key.entityType} "${key.externalId}" is already linked to ${linkedEntityId}, not ${requestedEntityId}.`);
    this.name = 'ExternalRefConflictError';
  }
}

export function isExternalRefConflict(error: unknown): error is ExternalRefConflictError {
  return error instanceof ExternalRefConflictError;
}

/** Links the key to `entityId`; `created` is false when the same link was already there. */
export async function linkExternalRef(tx: Tx, options: ExternalKey & { entityId: string }): Promise<{ created: boolean }> {
  const { entityId, ...key } = options;
  // createMany with skipDuplicates is Prisma's INSERT ... ON CONFLICT DO NOTHING.
  const { count } = await tx.externalRef.createMany({ data: [{ ...key, entityId }], skipDuplicates: true });
  if (count === 1) return { created: true };
  const linked = await resolveExternalRef(tx, key);
  if (linked === null) throw new Error(`ExternalRef ${key.system}/${key.entityType}/${key.externalId} was neither inserted nor found.`);
  if (linked !== entityId) throw new ExternalRefConflictError(key, linked, entityId);
  return { created: false };
}
