// The id crosswalk, read side: which canonical entity a connected system's id stands for.
import type { EntityType } from '../../db/generated/enums.ts';
import type { Tx } from '../../workflows/workflow.ts';

export interface ExternalKey {
  /** Connector.code of the system the id belongs to, e.g. "crm". */
  system: string;
  entityType: EntityType;
  externalId: string;
}

/** The canonical id, or null when the system's id is not linked yet. */
export async function resolveExternalRef(tx: Tx, key: ExternalKey): Promise<string | null> {
  const ref = await tx.externalRef.findUnique({
    where: { system_entityType_externalId: { system: key.system, entityType: key.entityType, externalId: key.externalId } },
    select: { entityId: true },
  });
  return ref?.entityId ?? null;
}
