// Refused events leave no inbox row, but integration ops must see who sends what:
// invalid events raise one SCHEMA_INVALID exception per connector (occurrences count the
// repeats) and a payload conflict raises PAYLOAD_CONFLICT on the original event.
import { db } from '../db/client.ts';
import { raiseException } from '../services/exceptions/raise-exception.ts';
import type { ConnectorPrincipal } from './auth/connector-principal.ts';
import type { EventRefusal } from './judge-events.ts';

export interface RefusalToRecord {
  refusal: EventRefusal;
  eventId?: string;
  type?: string;
  /** The inbox row the conflicting event collides with. */
  originalInboxEventId?: string;
  payloadHash?: string;
}

export async function recordIngestRefusals(connector: ConnectorPrincipal, refusals: RefusalToRecord[], now: Date): Promise<void> {
  if (refusals.length === 0) return;
  await db().$transaction(async (tx) => {
    for (const r of refusals) {
      if (r.refusal.code === 'PAYLOAD_CONFLICT' && r.originalInboxEventId) {
        await raiseException(tx, {
          code: 'PAYLOAD_CONFLICT',
          entityType: 'InboxEvent',
          entityId: r.originalInboxEventId,
          title: `${connector.code} re-sent event ${r.eventId} with a different payload`,
          details: { connector: connector.code, eventId: r.eventId, type: r.type, conflictingPayloadHash: r.payloadHash },
          inboxEventId: r.originalInboxEventId,
          now,
        });
      } else if (r.refusal.code !== 'PAYLOAD_CONFLICT') {
        await raiseException(tx, {
          code: 'SCHEMA_INVALID',
          entityType: 'Connector',
          entityId: connector.id,
          title: `${connector.code} sends events Threadline refuses`,
          details: { connector: connector.code, eventId: r.eventId, type: r.type, refusal: r.refusal.code, pointer: r.refusal.pointer, message: r.refusal.message },
          now,
        });
      }
    }
  });
}
