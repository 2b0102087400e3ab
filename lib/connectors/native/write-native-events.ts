// The write every native connector (Salesforce CDC, Jira worklogs, …) ends with: the
// CloudEvents it mapped from a foreign payload go through the very parser, catalog
// schemas, source check and idempotent inbox write of POST /api/v1/events, so dedupe,
// ordering, workflows and exceptions apply exactly as for an event sent to us directly.
import { pgPool } from '../../db/client.ts';
import { log } from '../../log.ts';
import type { ConnectorPrincipal } from '../../ingest/auth/connector-principal.ts';
import { parseIngestRequest } from '../../ingest/envelope/parse-ingest-request.ts';
import { writeInboxEvents } from '../../ingest/inbox/write-inbox-events.ts';
import { countIngestedEvent } from '../../ingest/ingest-metrics.ts';
import { judgeEvents, type EventRefusal } from '../../ingest/judge-events.ts';
import { recordIngestRefusals, type RefusalToRecord } from '../../ingest/record-ingest-refusals.ts';
import { touchConnector } from '../../ingest/touch-connector.ts';

export interface NativeEventResult {
  id: string | null;
  type: string | null;
  status: 'accepted' | 'duplicate' | 'rejected';
  error?: EventRefusal;
}

/** Writes the mapped CloudEvents (structured JSON objects); results in the order given. */
export async function writeNativeEvents(options: { connector: ConnectorPrincipal; events: readonly Record<string, unknown>[]; now: Date }): Promise<NativeEventResult[]> {
  const { connector, events, now } = options;
  if (events.length === 0) return [];
  const rawBody = Buffer.from(JSON.stringify(events));
  const parsed = parseIngestRequest({ contentType: 'application/cloudevents-batch+json', headers: new Headers(), rawBody });
  const judged = judgeEvents('batch', parsed.events, connector.sources);
  const candidates = judged.flatMap((j) => ('candidate' in j ? [j] : []));
  const written = await writeInboxEvents(pgPool(), { connectorId: connector.id, events: candidates.map((c) => c.candidate) });
  const writtenByIndex = new Map(candidates.map((c, i) => [c.index, written[i]!]));
  if (candidates.length > 0) await touchConnector(connector.id, now).catch((err) => log.warn('could not update lastEventAt', { err }));

  const toRecord: RefusalToRecord[] = [];
  const results = judged.map((j): NativeEventResult => {
    if ('refusal' in j) {
      toRecord.push({ refusal: j.refusal, eventId: j.id, type: j.type });
      return { id: j.id ?? null, type: j.type ?? null, status: 'rejected', error: j.refusal };
    }
    const outcome = writtenByIndex.get(j.index)!;
    if (outcome.status !== 'conflict') return { id: j.id, type: j.type, status: outcome.status };
    const refusal: EventRefusal = { code: 'PAYLOAD_CONFLICT', message: `Event ${j.id} was already received with a different payload; a webhook delivery id names one payload forever.` };
    toRecord.push({ refusal, eventId: j.id, type: j.type, originalInboxEventId: outcome.inboxEventId, payloadHash: j.candidate.payloadHash });
    return { id: j.id, type: j.type, status: 'rejected', error: refusal };
  });
  results.forEach((r) => countIngestedEvent(connector.code, r.type ?? 'unknown', r.error?.code === 'PAYLOAD_CONFLICT' ? 'conflict' : r.status));
  await recordIngestRefusals(connector, toRecord, now).catch((err) => log.error('could not record ingest refusals', { err }));
  return results;
}
