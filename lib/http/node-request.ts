// node:http's request and response seen the way the ingest path wants them, for the web
// process's own listener (lib/runtime/web-server.ts): header look-ups straight from
// IncomingMessage.headers (node already lower-cases names) and the body read with the same
// bound as readRawBody — refused with 413 as soon as it grows past the limit.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, type PlainAnswer } from '../errors.ts';
import { tooLarge } from './read-raw-body.ts';
import type { RequestHeaders } from './request-headers.ts';

/** node joins repeated headers with ", " (like Headers.get), except a few it keeps once. */
export function nodeRequestHeaders(request: IncomingMessage): RequestHeaders {
  const headers = request.headers;
  const get = (name: string): string | null => {
    const value = headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  };
  return {
    get,
    has: (name) => headers[name.toLowerCase()] !== undefined,
    *[Symbol.iterator]() {
      for (const name of Object.keys(headers).sort()) yield [name, get(name)!] as [string, string];
    },
  };
}

/**
 * Reads the body, at most maxBytes. On overflow the rest is not read: the caller answers
 * 413 and the connection is closed after it (see writePlainAnswer), so a hostile sender
 * cannot make us buffer or drain an unbounded body.
 */
export function readNodeBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declaredLength = Number(request.headers['content-length'] ?? '0');
  if (declaredLength > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const cleanup = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > maxBytes) {
        cleanup();
        request.pause();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total));
    };
    // A body cut short is the sender's problem (400), not ours (500).
    const onError = (cause?: Error) => {
      cleanup();
      reject(new AppError('BAD_REQUEST', 'The connection closed before the body was complete.', { cause }));
    };
    const onAborted = () => onError();
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('aborted', onAborted);
  });
}

/**
 * Writes a PlainAnswer. When the request body was not read to its end (a 413), the
 * connection is closed after the answer instead of reading the rest.
 */
export function writePlainAnswer(request: IncomingMessage, response: ServerResponse, answer: PlainAnswer): void {
  const headers: Record<string, string | number> = { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) };
  if (!request.complete) headers.connection = 'close';
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}
