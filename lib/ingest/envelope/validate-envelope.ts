// The CloudEvents 1.0 envelope: required attributes, attribute naming, and Threadline's
// extensions (correlationid, sequence). Checked in a fixed order so "the first problem"
// is predictable: specversion (it says how to read the rest), id, source, type, subject,
// time, attribute names in the order sent, then optional attributes and extensions.
import { isRfc3339Timestamp } from '../schemas/formats.ts';
import { normaliseSequence } from './normalise-sequence.ts';
import type { ExtensionValue } from './types.ts';

/** A valid envelope; `type` is not yet checked against the catalog, `data` not yet validated. */
export interface Envelope {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype?: string;
  dataschema?: string;
  correlationid?: string;
  sequence?: string;
  extensions: Record<string, ExtensionValue>;
  data: unknown;
}

export type EnvelopeResult = { ok: true; envelope: Envelope } | { ok: false; path: PropertyKey[]; message: string };

/** CloudEvents naming rule: lower-case a–z and 0–9 (≤ 20 is only a recommendation). */
const ATTRIBUTE_NAME = /^[a-z0-9]+$/;
// Ids and subjects go into unique b-tree indexes with the source: bounded so the database never refuses them.
const MAX_ATTRIBUTE_LENGTH = 256;
const NO_WHITESPACE = /^[^\s\u0000-\u001f\u007f]+$/;
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;
const CORE = new Set(['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'dataschema', 'data', 'correlationid', 'sequence']);

export function validateEnvelope(raw: unknown): EnvelopeResult {
  if (Array.isArray(raw)) {
    return fail([], 'An event must be a JSON object, not an array (several events go in one application/cloudevents-batch+json array).');
  }
  if (raw === null || typeof raw !== 'object') return fail([], 'An event must be a JSON object (a structured-mode CloudEvent).');
  const event = raw as Record<string, unknown>;

  if (event.specversion == null) {
    return fail(['specversion'], 'Required: "specversion": "1.0". This is not a CloudEvent; native payloads go to their connector\'s endpoint (e.g. /api/v1/webhooks/stripe).');
  }
  if (event.specversion !== '1.0') return fail(['specversion'], `Only CloudEvents specversion "1.0" is accepted (got ${JSON.stringify(event.specversion)}).`);

  for (const name of ['id', 'source', 'type', 'subject'] as const) {
    const problem = checkRequiredString(event[name], name === 'source');
    if (problem) return fail([name], problem);
  }
  if (event.time == null) return fail(['time'], 'Required: the time the event happened, as an RFC 3339 timestamp.');
  if (typeof event.time !== 'string' || !isRfc3339Timestamp(event.time)) {
    return fail(['time'], 'Expected an RFC 3339 timestamp with a time zone, e.g. "2026-03-31T17:45:00Z".');
  }

  for (const name of Object.keys(event)) {
    if (name === 'data') continue;
    if (name === 'data_base64') return fail([name], 'Binary data (data_base64) is not accepted: send the data as JSON in "data".');
    if (!ATTRIBUTE_NAME.test(name)) return fail([name], `"${name}" is not a valid CloudEvents attribute name: lower-case letters a–z and digits 0–9 only.`);
  }

  const envelope: Envelope = {
    specversion: '1.0',
    id: event.id as string,
    source: event.source as string,
    type: event.type as string,
    subject: event.subject as string,
    time: event.time,
    extensions: {},
    data: event.data,
  };

  if (event.datacontenttype != null) {
    if (typeof event.datacontenttype !== 'string' || !JSON_MEDIA_TYPE.test((event.datacontenttype.split(';')[0] ?? '').trim().toLowerCase())) {
      return fail(['datacontenttype'], 'Only JSON data is accepted: datacontenttype must be application/json (or absent).');
    }
    envelope.datacontenttype = event.datacontenttype;
  }
  if (event.dataschema != null) {
    if (typeof event.dataschema !== 'string' || !NO_WHITESPACE.test(event.dataschema) || event.dataschema.length > 2048) {
      return fail(['dataschema'], 'Expected a URI.');
    }
    envelope.dataschema = event.dataschema;
  }
  if (event.correlationid != null) {
    const problem = checkRequiredString(event.correlationid, false);
    if (problem) return fail(['correlationid'], problem);
    envelope.correlationid = event.correlationid as string;
  }
  if (event.sequence != null) {
    const sequence = normaliseSequence(event.sequence);
    if (!sequence.ok) return fail(['sequence'], sequence.message);
    envelope.sequence = sequence.value;
  }

  for (const [name, value] of Object.entries(event)) {
    if (CORE.has(name) || value === null) continue;
    if (typeof value !== 'string' && typeof value !== 'boolean' && !(typeof value === 'number' && Number.isFinite(value))) {
      return fail([name], `Extension attribute "${name}" must be a string, number or boolean.`);
    }
    envelope.extensions[name] = value;
  }
  return { ok: true, envelope };
}

function checkRequiredString(value: unknown, isUriReference: boolean): string | null {
  if (value == null) return 'Required.';
  if (typeof value !== 'string') return 'Expected a string.';
  if (value.trim() === '') return 'Must not be empty.';
  if (value.length > MAX_ATTRIBUTE_LENGTH) return `At most ${MAX_ATTRIBUTE_LENGTH} characters.`;
  if (isUriReference && !NO_WHITESPACE.test(value)) return 'Expected a URI-reference (no spaces), e.g. "crm" or "https://crm.example.com".';
  return null;
}

function fail(path: PropertyKey[], message: string): EnvelopeResult {
  return { ok: false, path, message };
}
