// Binary mode (CloudEvents 1.0 HTTP binding §3.1): attributes travel as ce-<name> headers
// with percent-encoded values, Content-Type is datacontenttype, and the body is the data.
// The event is rebuilt in structured form so it is stored and hashed like any other.
import type { RequestHeaders } from '../../http/request-headers.ts';
import { decodeJsonBody } from './decode-json-body.ts';

export type BinaryEventResult =
  | { ok: true; rawEvent: Record<string, unknown>; headerBytes: number }
  | { ok: false; header: string; message: string; id?: string };

const ATTRIBUTE_NAME = /^[a-z0-9]+$/;

export function readBinaryEvent(options: { headers: RequestHeaders; contentType: string | null; rawBody: Uint8Array }): BinaryEventResult {
  const attributes: Record<string, unknown> = {};
  let headerBytes = 0;
  // Headers iterates lower-cased names, so attribute names arrive lower-cased as the binding requires.
  for (const [name, value] of options.headers) {
    if (!name.startsWith('ce-')) continue;
    headerBytes += name.length + value.length;
    const attribute = name.slice(3);
    if (!ATTRIBUTE_NAME.test(attribute) || attribute === 'data') {
      return { ok: false, header: name, ...eventId(options.headers), message: `"${name}" does not name a CloudEvents attribute: after "ce-", lower-case letters a–z and digits 0–9 only.` };
    }
    try {
      attributes[attribute] = decodeURIComponent(value);
    } catch {
      return { ok: false, header: name, ...eventId(options.headers), message: `The value of ${name} is not valid percent-encoded UTF-8.` };
    }
  }
  if (options.contentType !== null) {
    attributes.datacontenttype = options.contentType;
    headerBytes += 'content-type'.length + options.contentType.length;
  }
  // An empty body is an event without data (the catalog then asks for it); anything else must be JSON.
  const data = options.rawBody.byteLength > 0 ? decodeJsonBody(options.rawBody).value : undefined;
  return { ok: true, rawEvent: data === undefined ? attributes : { ...attributes, data }, headerBytes };
}

/** The ce-id, when readable, to name the rejected event in the answer. */
function eventId(headers: RequestHeaders): { id?: string } {
  try {
    const id = decodeURIComponent(headers.get('ce-id') ?? '');
    return id.trim() !== '' && id.length <= 256 ? { id } : {};
  } catch {
    return {};
  }
}
