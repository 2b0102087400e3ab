// What the ingest parser hands the route: per event, either a validated CloudEvent with
// the JSON it came from, or the first problem with a JSON pointer the sender can act on.
import type { EventData, EventType } from '../schemas/catalog.ts';

export type IngestMode = 'structured' | 'batch' | 'binary';

/** Extension attribute values the CloudEvents type system allows (null means absent and is dropped). */
export type ExtensionValue = string | number | boolean;

interface CloudEventAttributes {
  specversion: '1.0';
  /** Unique per source, forever (the idempotency key with `source`). */
  id: string;
  source: string;
  /** The aggregate id (e.g. the quote id); sequences increase per subject. */
  subject: string;
  /** RFC 3339, exactly as sent (validated as a real instant; Date parses it). */
  time: string;
  datacontenttype?: string;
  dataschema?: string;
  /** The engagement thread; created at quote acceptance when absent. */
  correlationid?: string;
  /** Aggregate version: a positive integer ≤ 2^63−1 as a decimal string without leading zeros. */
  sequence?: string;
  /** Every other attribute, as sent. */
  extensions: Record<string, ExtensionValue>;
}

/** A validated CloudEvent; narrowing on `type` narrows `data` to that type's validated data. */
export type CloudEvent<T extends EventType = EventType> = {
  [K in T]: CloudEventAttributes & { type: K; data: EventData<K> };
}[T];

/**
 * MALFORMED: not a usable CloudEvent (not an object, bad JSON content, a required or
 * extension attribute missing or invalid) — it cannot be identified or ordered.
 * SCHEMA_INVALID: a valid envelope (id, source, type, subject, time all good) whose type
 * is not in the catalog or whose data fails the type's schema.
 * PAYLOAD_TOO_LARGE: one event of a batch is over the per-event limit (1 MiB).
 */
export type EventErrorCode = 'MALFORMED' | 'SCHEMA_INVALID' | 'PAYLOAD_TOO_LARGE';

export interface EventError {
  code: EventErrorCode;
  /**
   * RFC 6901 pointer to the first problem, relative to what the sender sent:
   * structured "/data/lines/0/sku"; batch "/3/data/lines/0/sku" (already includes the
   * index — do not prefix it again); binary: into the body, which is the data
   * ("/lines/0/sku"), or "/ce-<attribute>" for an attribute header ("/ce-sequence").
   */
  pointer: string;
  message: string;
}

export type ParsedEventResult =
  | {
      ok: true;
      event: CloudEvent;
      /** The event as received (binary mode: rebuilt as a structured event); store and hash this. */
      rawEvent: unknown;
      /** Structured: body bytes. Batch: UTF-8 bytes of the event's compact JSON. Binary: body + ce-* header bytes. */
      payloadBytes: number;
      /** rawEvent as canonical JSON (canonical-payload-hash.ts), made once: hashed, and the text the inbox stores. */
      canonicalJson: string;
    }
  | {
      ok: false;
      /** The event's id when it had a usable one, to name it in the answer. */
      id?: string;
      /** The event as received when it was JSON (for exceptions and logs); absent when unreadable. */
      rawEvent?: unknown;
      error: EventError;
    };

export interface ParsedIngestRequest {
  mode: IngestMode;
  /** One result per event, in the order sent (structured and binary: exactly one). */
  events: ParsedEventResult[];
}
