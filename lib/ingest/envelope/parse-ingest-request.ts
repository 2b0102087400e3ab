// Parses a POST /api/v1/events request (DESIGN.md §5) into CloudEvents, without I/O.
// Problems with the request as a whole throw AppError (415 media type, 413 size, 400 not
// JSON / not a batch array), always with details.pointer; problems with one event are
// returned as that event's result, so a batch is judged event by event.
//
// Pointers are relative to what was sent — the route must not prefix them:
//   structured  "/data/lines/0/sku"    batch  "/3/data/lines/0/sku"
//   binary      "/lines/0/sku" (the body is the data) or "/ce-sequence" (an attribute header)
import { AppError } from '../../errors.ts';
import type { RequestHeaders } from '../../http/request-headers.ts';
import { mayContainUnstorableStrings } from './check-json-content.ts';
import { decodeJsonBody } from './decode-json-body.ts';
import { detectIngestMode } from './detect-ingest-mode.ts';
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_EVENT_BYTES } from './ingest-limits.ts';
import { locateInBatch, locateInBinary, locateInStructured, parseEvent } from './parse-event.ts';
import { readBinaryEvent } from './read-binary-event.ts';
import type { ParsedEventResult, ParsedIngestRequest } from './types.ts';

export interface IngestRequest {
  contentType: string | null;
  headers: RequestHeaders;
  rawBody: Uint8Array;
}

export function parseIngestRequest(request: IngestRequest): ParsedIngestRequest {
  const mode = detectIngestMode(request);
  const bodyBytes = request.rawBody.byteLength;
  if (bodyBytes > MAX_BATCH_BYTES) throw tooLarge(`The body is larger than ${mib(MAX_BATCH_BYTES)}.`);

  if (mode === 'binary') return { mode, events: [parseBinary(request)] };

  if (mode === 'structured') {
    if (bodyBytes > MAX_EVENT_BYTES) throw tooLarge(`An event is at most ${mib(MAX_EVENT_BYTES)}.`);
    const { text, value } = decodeJsonBody(request.rawBody);
    const checkStrings = mayContainUnstorableStrings(text);
    return { mode, events: [parseEvent({ rawEvent: value, locate: locateInStructured, checkStrings, measure: () => bodyBytes })] };
  }

  const { text, value } = decodeJsonBody(request.rawBody);
  if (!Array.isArray(value)) {
    throw new AppError('BAD_REQUEST', 'A batch (application/cloudevents-batch+json) is a JSON array of events.', { details: { pointer: '' } });
  }
  if (value.length > MAX_BATCH_EVENTS) {
    throw tooLarge(`A batch holds at most ${MAX_BATCH_EVENTS} events (${value.length} were sent).`, `/${MAX_BATCH_EVENTS}`);
  }
  const checkStrings = mayContainUnstorableStrings(text);
  const events = value.map((rawEvent: unknown, index) =>
    parseEvent({
      rawEvent,
      locate: locateInBatch(index),
      checkStrings,
      // Whitespace between events is not the event's: measure its compact JSON. The canonical
      // form is that JSON with members reordered, so it has the same bytes.
      measure: (canonical) => Buffer.byteLength(canonical, 'utf8'),
      maxBytes: MAX_EVENT_BYTES,
    }),
  );
  return { mode, events };
}

function parseBinary(request: IngestRequest): ParsedEventResult {
  const binary = readBinaryEvent(request);
  if (!binary.ok) {
    return { ok: false, ...(binary.id === undefined ? {} : { id: binary.id }), error: { code: 'MALFORMED', pointer: `/${binary.header}`, message: binary.message } };
  }
  const payloadBytes = request.rawBody.byteLength + binary.headerBytes;
  if (payloadBytes > MAX_EVENT_BYTES) throw tooLarge(`An event is at most ${mib(MAX_EVENT_BYTES)}.`);
  // Header values are percent-decoded, so any string may hold U+0000: always check.
  return parseEvent({ rawEvent: binary.rawEvent, locate: locateInBinary, checkStrings: true, measure: () => payloadBytes });
}

function tooLarge(message: string, pointer = ''): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', message, { details: { pointer } });
}

function mib(bytes: number): string {
  return `${bytes / (1024 * 1024)} MiB`;
}
