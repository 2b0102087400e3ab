// The small HTTP pieces every simulator needs: bounded JSON bodies, JSON and problem
// answers, bearer-token checks in constant time, Idempotency-Key parsing, loopback checks.
import { createHash, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { SimulatorProblem } from './problem.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

export async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new SimulatorProblem(413, 'PAYLOAD_TOO_LARGE', `At most ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new SimulatorProblem(400, 'INVALID_REQUEST', 'The body is not JSON.');
  }
}

export function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, contentType = 'application/json'): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

export function sendProblem(res: http.ServerResponse, problem: SimulatorProblem, typeBase?: string): void {
  const retryAfter = problem.extra.retryAfter;
  const headers: Record<string, string> = typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : {};
  if (problem.status === 401) headers['WWW-Authenticate'] = 'Bearer';
  // A 413 leaves the rest of the body unread: close rather than reuse the connection.
  if (problem.status === 413) headers.Connection = 'close';
  send(res, problem.status, problem.toJSON(typeBase), headers, 'application/problem+json');
}

export function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time comparison of digests, so the token's length and prefix do not leak. */
export function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), expected);
}

export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || key === '') return undefined;
  if (key.length > 255) throw new SimulatorProblem(400, 'INVALID_REQUEST', 'Idempotency-Key is at most 255 characters.');
  return key;
}

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
