// Reads a request body as JSON with the errors a client can act on: 415 for another
// media type, 413 when too large, 400 when it does not parse. An empty body reads as
// undefined and is left to the schema to judge.
import { AppError } from '../errors.ts';
import { readRawBody } from './read-raw-body.ts';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export function isJsonMediaType(contentType: string | null): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || /^application\/[\w.+-]+\+json$/.test(mediaType);
}

export async function readJsonBody(request: Request, options: { maxBytes?: number } = {}): Promise<unknown> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BODY_BYTES;
  const text = (await readRawBody(request, maxBytes)).toString('utf8');
  if (text.length === 0) return undefined;
  if (!isJsonMediaType(request.headers.get('content-type'))) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('BAD_REQUEST', 'The body is not valid JSON.');
  }
}
