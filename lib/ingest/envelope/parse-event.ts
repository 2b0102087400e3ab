// Judges one event: JSON content, size, envelope, catalog type, then data — the first problem
// wins and is reported as a pointer into what the sender sent (see `locate`).
import { toJsonPointer } from '../../http/validation-errors.ts';
import { eventTypes, isEventType } from '../schemas/catalog.ts';
import { validateEventData } from '../schemas/validate-event-data.ts';
import { canonicalJson } from './canonical-payload-hash.ts';
import { findJsonContentProblem } from './check-json-content.ts';
import type { CloudEvent, EventErrorCode, ParsedEventResult } from './types.ts';
import { validateEnvelope } from './validate-envelope.ts';

/** Maps a path inside the (structured) event to the sender's JSON pointer, per mode. */
export type Locate = (path: readonly PropertyKey[]) => string;

export const locateInStructured: Locate = (path) => toJsonPointer(path);

export const locateInBatch =
  (index: number): Locate =>
  (path) =>
    toJsonPointer([index, ...path]);

/** Binary mode: data problems point into the body (which is the data); attributes name their header. */
export const locateInBinary: Locate = (path) => {
  const [first, ...rest] = path;
  if (first === undefined) return '';
  if (first === 'data') return toJsonPointer(rest);
  if (first === 'datacontenttype') return '/content-type';
  return toJsonPointer([`ce-${String(first)}`]);
};

export interface ParseEventOptions {
  rawEvent: unknown;
  locate: Locate;
  /** Whether strings may hold U+0000 or lone surrogates (see mayContainUnstorableStrings). */
  checkStrings: boolean;
  /** The event's size, given its canonical JSON; called once its JSON is known to be serialisable. */
  measure: (canonical: string) => number;
  /** Over this, the event is rejected as PAYLOAD_TOO_LARGE (batch mode; the others check the body). */
  maxBytes?: number;
}

export function parseEvent(options: ParseEventOptions): ParsedEventResult {
  const { rawEvent, locate, checkStrings } = options;
  const id = readId(rawEvent);
  const reject = (code: EventErrorCode, path: readonly PropertyKey[], message: string): ParsedEventResult => ({
    ok: false,
    ...(id === undefined ? {} : { id }),
    rawEvent,
    error: { code, pointer: locate(path), message },
  });

  const content = findJsonContentProblem(rawEvent, { checkStrings });
  if (content) return reject('MALFORMED', content.path, content.message);

  // Depth and content are checked above, so the canonical form can be written; it is made
  // once here and serves the size check, the payload hash and the inbox INSERT.
  const canonical = canonicalJson(rawEvent);
  const payloadBytes = options.measure(canonical);
  if (options.maxBytes !== undefined && payloadBytes > options.maxBytes) {
    return reject('PAYLOAD_TOO_LARGE', [], `An event is at most ${options.maxBytes} bytes; this one is ${payloadBytes} bytes as compact JSON.`);
  }

  const checked = validateEnvelope(rawEvent);
  if (!checked.ok) return reject('MALFORMED', checked.path, checked.message);
  const { envelope } = checked;

  if (!isEventType(envelope.type)) {
    return reject('SCHEMA_INVALID', ['type'], `Event type "${envelope.type}" is not in the event catalog. Known types: ${eventTypes.join(', ')}.`);
  }
  if (envelope.data === undefined || envelope.data === null) {
    return reject('SCHEMA_INVALID', ['data'], `Required: the ${envelope.type} data, as a JSON object.`);
  }
  const data = validateEventData(envelope.type, envelope.data);
  if (!data.ok) return reject('SCHEMA_INVALID', ['data', ...data.path], data.message);

  const event = { ...envelope, type: envelope.type, data: data.data } as CloudEvent;
  return { ok: true, event, rawEvent, payloadBytes, canonicalJson: canonical };
}

function readId(rawEvent: unknown): string | undefined {
  if (rawEvent === null || typeof rawEvent !== 'object') return undefined;
  const id = (rawEvent as { id?: unknown }).id;
  return typeof id === 'string' && id.trim() !== '' && id.length <= 256 ? id : undefined;
}
