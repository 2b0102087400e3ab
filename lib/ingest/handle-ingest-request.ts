// POST /api/v1/events (DESIGN.md §5): authenticate the connector, read the raw body
// (bounded), verify its signature on those exact bytes, parse CloudEvents in any of the
// three modes, rate-limit, judge each event, write the accepted ones to the inbox in one
// statement, and answer 202 with per-event results. A single event (structured or
// binary) that is refused is answered with its problem (400/403/409/413) instead.
//
// Two servers call it: the App Router route (Fetch Request/Response) and the web process's
// own node:http listener (lib/runtime/web-server.ts), which answers this one route without
// Next.js's per-request cost. Both go through answerIngestRequest, so the checks are one.
import { env } from '../env.ts';
import { AppError, plainToResponse, problemAnswer, type PlainAnswer } from '../errors.ts';
import { pgPool } from '../db/client.ts';
import { log, withLogContext } from '../log.ts';
import { correlationIdFrom } from '../http/correlation-id.ts';
import { readRawBody } from '../http/read-raw-body.ts';
import type { RequestHeaders } from '../http/request-headers.ts';
import { authenticateConnector } from './auth/authenticate-connector.ts';
import { verifySignature } from './auth/verify-signature.ts';
import { MAX_BATCH_BYTES } from './envelope/ingest-limits.ts';
import { parseIngestRequest } from './envelope/parse-ingest-request.ts';
import { countIngestedEvent, countRefusedRequest } from './ingest-metrics.ts';
import { writeInboxEvents } from './inbox/write-inbox-events.ts';
import { judgeEvents, type EventRefusal } from './judge-events.ts';
import { ingestRateLimiter } from './rate-limit.ts';
import { touchConnector } from './touch-connector.ts';
import { recordIngestRefusals, type RefusalToRecord } from './record-ingest-refusals.ts';

export interface EventResult {
  id: string | null;
  status: 'accepted' | 'duplicate' | 'rejected';
  error?: EventRefusal & { status: number };
}

const refusalStatus: Record<EventRefusal['code'], number> = { MALFORMED: 400, SCHEMA_INVALID: 400, PAYLOAD_TOO_LARGE: 413, FORBIDDEN_SOURCE: 403, PAYLOAD_CONFLICT: 409 };
const refusalAppCode = { 400: 'VALIDATION_FAILED', 403: 'FORBIDDEN', 409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE' } as const;

/** What the ingest path needs of an HTTP request, whichever server received it. */
export interface IngestHttpRequest {
  headers: RequestHeaders;
  /** The raw body, refused with a 413 AppError as soon as it exceeds maxBytes. */
  readBody(maxBytes: number): Promise<Uint8Array>;
}

/** The App Router's entry (app/api/v1/events/route.ts). */
export async function handleIngestRequest(request: Request): Promise<Response> {
  return plainToResponse(await answerIngestRequest({ headers: request.headers, readBody: (maxBytes) => readRawBody(request, maxBytes) }));
}

export async function answerIngestRequest(request: IngestHttpRequest): Promise<PlainAnswer> {
  const correlationId = correlationIdFrom(request.headers);
  return withLogContext({ correlationId }, async () => {
    let connectorCode = 'unauthenticated';
    try {
      const now = new Date();
      const connector = await authenticateConnector(request.headers.get('authorization'), now);
      connectorCode = connector.code;
      const rawBody = await request.readBody(MAX_BATCH_BYTES);
      await verifySignature({ connector, header: request.headers.get('threadline-signature'), rawBody, now });
      const parsed = parseIngestRequest({ contentType: request.headers.get('content-type'), headers: request.headers, rawBody });

      const limit = connector.ingestRateLimitPerMinute ?? env().INGEST_RATE_LIMIT_PER_MINUTE;
      const decision = ingestRateLimiter.take(connector.id, limit, parsed.events.length, now.getTime());
      if (!decision.allowed) {
        throw new AppError('RATE_LIMITED', `This connector may send ${limit} events per minute; retry after ${decision.retryAfterSeconds} s.`, {
          headers: { 'retry-after': String(decision.retryAfterSeconds) },
        });
      }

      const judged = judgeEvents(parsed.mode, parsed.events, connector.sources);
      const candidates = judged.flatMap((j) => ('candidate' in j ? [j] : []));
      const written = await writeInboxEvents(pgPool(), { connectorId: connector.id, events: candidates.map((c) => c.candidate) });
      const writtenByIndex = new Map(candidates.map((c, i) => [c.index, written[i]!]));
      if (candidates.length > 0) await touchConnector(connector.id, now).catch((err) => log.warn('could not update lastEventAt', { err }));

      const toRecord: RefusalToRecord[] = [];
      const results: EventResult[] = judged.map((j) => {
        if ('refusal' in j) {
          toRecord.push({ refusal: j.refusal, eventId: j.id, type: j.type });
          return { id: j.id ?? null, status: 'rejected', error: { ...j.refusal, status: refusalStatus[j.refusal.code] } };
        }
        const outcome = writtenByIndex.get(j.index)!;
        if (outcome.status !== 'conflict') return { id: j.id, status: outcome.status };
        const refusal: EventRefusal = { code: 'PAYLOAD_CONFLICT', message: `Event ${j.id} from ${j.candidate.source} was already received with a different payload; event ids are immutable.` };
        toRecord.push({ refusal, eventId: j.id, type: j.type, originalInboxEventId: outcome.inboxEventId, payloadHash: j.candidate.payloadHash });
        return { id: j.id, status: 'rejected', error: { ...refusal, status: 409 } };
      });
      judged.forEach((j, i) => countIngestedEvent(connector.code, j.type ?? 'unknown', results[i]!.error?.code === 'PAYLOAD_CONFLICT' ? 'conflict' : results[i]!.status));
      await recordIngestRefusals(connector, toRecord, now).catch((err) => log.error('could not record ingest refusals', { err }));

      const single = parsed.mode !== 'batch' ? results[0] : undefined;
      if (single?.error) {
        const { status, ...problem } = single.error;
        throw new AppError(refusalAppCode[status as keyof typeof refusalAppCode], problem.message, {
          details: { eventId: single.id, reason: problem.code, ...(problem.pointer !== undefined ? { pointer: problem.pointer, errors: [{ pointer: problem.pointer, message: problem.message }] } : {}) },
        });
      }
      const count = (status: EventResult['status']) => results.filter((r) => r.status === status).length;
      return {
        status: 202,
        headers: { 'content-type': 'application/json', 'x-correlation-id': correlationId },
        body: JSON.stringify({ accepted: count('accepted'), duplicates: count('duplicate'), rejected: count('rejected'), results }),
      };
    } catch (error) {
      const status = error instanceof AppError ? error.status : 500;
      countRefusedRequest(connectorCode, status);
      if (status >= 500) log.error('ingest request failed', { err: error });
      return problemAnswer(error, { instance: '/api/v1/events', correlationId });
    }
  });
}
