// When a held event is replayed and now goes through, the exceptions that held it have
// been fixed (a mapping, a crosswalk link, reference data): they are resolved by the
// system in the same transaction, so the queue shows what is still stuck. Only exceptions
// linked to this event that are open, are data fixes, were not raised again by this very
// run (lastSeenAt before now), and hold no other event still waiting.
import type { EntityType, ExceptionCode } from '../db/generated/enums.ts';
import type { Tx } from './workflow.ts';
import { resolveExceptionBySystem } from '../services/exceptions/resolve-by-system.ts';

export async function resolveClearedHolds(tx: Tx, options: { inboxEventId: string; type: string; now: Date }): Promise<number> {
  const { inboxEventId, now } = options;
  const cleared = await tx.$queryRaw<{ code: ExceptionCode; entityType: EntityType; entityId: string }[]>`
    SELECT e.code::text AS code, e."entityType"::text AS "entityType", e."entityId"
    FROM "ExceptionEvent" ee JOIN "Exception" e ON e.id = ee."exceptionId"
    WHERE ee."inboxEventId" = ${inboxEventId}::uuid
      AND e.status IN ('OPEN', 'ASSIGNED') AND e.recoverability = 'DATA_FIX' AND e.code <> 'OWNERSHIP_VIOLATION'
      AND e."lastSeenAt" < ${now}
      AND NOT EXISTS (
        SELECT 1 FROM "ExceptionEvent" other JOIN "InboxEvent" ie ON ie.id = other."inboxEventId"
        WHERE other."exceptionId" = e.id AND other."inboxEventId" <> ${inboxEventId}::uuid AND ie.status IN ('HELD', 'FAILED', 'RECEIVED', 'PROCESSING', 'PARKED'))`;
  for (const e of cleared) {
    await resolveExceptionBySystem(tx, { ...e, resolution: `The held ${options.type} event went through on replay.`, now });
  }
  return cleared.length;
}
