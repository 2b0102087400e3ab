// The tail of every native connector (Stripe, camt, Salesforce, Jira): the canonical CloudEvents it mapped
// go through the same judging as POST /api/v1/events (envelope, catalog schema, the
// connector's sources) and the same idempotent inbox write, so duplicates, conflicts,
// ordering, workflows and exceptions behave exactly as for events sent to the API — refused
// events raise SCHEMA_INVALID / PAYLOAD_CONFLICT for integration ops as there (a bank
// re-using a reference for another amount must be seen, not silently dropped).
import { pgPool } from '../../db/client.ts';
import { log } from '../../log.ts';
import type { ConnectorPrincipal } from '../auth/connector-principal.ts';
import { locateInBatch, parseEvent } from '../envelope/parse-event.ts';
import { writeInboxEvents } from '../inbox/write-inbox-events.ts';
import { countIngestedEvent } from '../ingest-metrics.ts';
import { judgeEvents, type EventRefusal } from '../judge-events.ts';
import { recordIngestRefusals, type RefusalToRecord } from '../record-ingest-refusals.ts';
import { touchConnector } from '../touch-connector.ts';

export type NativeEventResult =
  | { id: string; type: string; status: 'accepted' | 'duplicate' }
  | { id: string | null; type: string | null; status: 'rejected'; error: EventRefusal };
export type RefusedNativeEvent = Extract<NativeEventResult, { status: 'rejected' }>;

export async function writeNativeEvents(connector: ConnectorPrincipal, events: readonly Record<string, unknown>[], now: Date): Promise<NativeEventResult[]> {
  const parsed = events.map((rawEvent, index) =>
    parseEvent({ rawEvent, locate: locateInBatch(index), checkStrings: true, measure: () => Buffer.byteLength(JSON.stringify(rawEvent), 'utf8') }),
  );
  const judged = judgeEvents('batch', parsed, connector.sources);
  const candidates = judged.flatMap((j) => ('candidate' in j ? [j] : []));
  const written = await writeInboxEvents(pgPool(), { connectorId: connector.id, events: candidates.map((c) => c.candidate) });
  const byIndex = new Map(candidates.map((c, i) => [c.index, written[i]!]));
  if (candidates.length > 0) await touchConnector(connector.id, now).catch((err) => log.warn('could not update lastEventAt', { err }));

  const toRecord: RefusalToRecord[] = [];
  const results = judged.map((j): NativeEventResult => {
    let result: NativeEventResult;
    if ('refusal' in j) {
      result = { id: j.id ?? null, type: j.type ?? null, status: 'rejected', error: j.refusal };
      toRecord.push({ refusal: j.refusal, eventId: j.id, type: j.type });
    } else {
      const outcome = byIndex.get(j.index)!;
      if (outcome.status === 'conflict') {
        const refusal: EventRefusal = { code: 'PAYLOAD_CONFLICT', message: `Event ${j.id} was already received with a different payload; event ids are immutable.` };
        result = { id: j.id, type: j.type, status: 'rejected', error: refusal };
        toRecord.push({ refusal, eventId: j.id, type: j.type, originalInboxEventId: outcome.inboxEventId, payloadHash: j.candidate.payloadHash });
      } else result = { id: j.id, type: j.type, status: outcome.status };
    }
    countIngestedEvent(connector.code, j.type ?? 'unknown', result.status === 'rejected' && result.error.code === 'PAYLOAD_CONFLICT' ? 'conflict' : result.status);
    return result;
  });
  await recordIngestRefusals(connector, toRecord, now).catch((err) => log.error('could not record ingest refusals', { err }));
  return results;
}
