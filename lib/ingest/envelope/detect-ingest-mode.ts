// Which CloudEvents HTTP binding mode a request uses (CloudEvents 1.0 HTTP binding §3):
// the media type decides structured and batch; otherwise a ce-specversion header means
// binary, whose body must be JSON here. Anything else is a 415 that says what to send.
import { AppError } from '../../errors.ts';
import type { RequestHeaders } from '../../http/request-headers.ts';
import type { IngestMode } from './types.ts';

const STRUCTURED = 'application/cloudevents+json';
const BATCH = 'application/cloudevents-batch+json';
const BINARY_DATA = 'application/json';

const HOW_TO_SEND =
  `Send one event as ${STRUCTURED}, several as ${BATCH}, ` +
  `or binary mode: ce-* headers (ce-specversion, ce-id, …) with a ${BINARY_DATA} body.`;

export function detectIngestMode(options: { contentType: string | null; headers: RequestHeaders }): IngestMode {
  const { mediaType, charset } = parseContentType(options.contentType);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw unsupported(`Only UTF-8 bodies are accepted (charset=${charset} was sent).`);
  }
  if (mediaType === STRUCTURED) return 'structured';
  if (mediaType === BATCH) return 'batch';
  if (options.headers.has('ce-specversion')) {
    if (mediaType === BINARY_DATA) return 'binary';
    throw unsupported(`Binary-mode events need a ${BINARY_DATA} body (Content-Type was ${describe(mediaType)}).`);
  }
  throw unsupported(`Content-Type ${describe(mediaType)} is not accepted. ${HOW_TO_SEND}`);
}

function parseContentType(contentType: string | null): { mediaType: string; charset?: string } {
  const [type = '', ...parameters] = (contentType ?? '').split(';');
  let charset: string | undefined;
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=', 2).map((part) => part.trim());
    if (name?.toLowerCase() === 'charset' && value !== undefined) charset = value.replace(/^"(.*)"$/, '$1').toLowerCase();
  }
  return { mediaType: type.trim().toLowerCase(), charset };
}

function describe(mediaType: string): string {
  return mediaType ? `"${mediaType}"` : 'missing';
}

function unsupported(message: string): AppError {
  return new AppError('UNSUPPORTED_MEDIA_TYPE', message, { details: { pointer: '' } });
}
