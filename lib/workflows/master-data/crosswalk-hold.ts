// A crosswalk conflict (the sender's id is already linked to another entity) cannot be
// solved by retrying: someone must fix the link. It becomes a DATA_FIX hold on the event.
import type { EntityType, ExceptionCode } from '../../db/generated/enums.ts';
import { isExternalRefConflict } from '../../services/crosswalk/link-external-ref.ts';
import { WorkflowHold } from '../workflow.ts';

export async function holdOnCrosswalkConflict<T>(hold: { code: ExceptionCode; entityType: EntityType; entityId: string }, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isExternalRefConflict(error)) throw error;
    throw new WorkflowHold({
      ...hold,
      title: `Id crosswalk conflict: ${error.message}`,
      details: { reason: 'EXTERNAL_REF_CONFLICT', ...error.key, linkedEntityId: error.linkedEntityId, requestedEntityId: error.requestedEntityId },
    });
  }
}
