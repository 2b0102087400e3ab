// One HTTP delivery of an outbox command to its connector: POST <endpoint><path> with the
// connector's outbound token, the command's Idempotency-Key and a timeout. Native
// connectors' re-reads (GET) go through the same guarded request (sendToConnector). node:http (not
// fetch) so the DNS lookup can be checked and pinned (guarded-lookup.ts); redirects are
// never followed (node:http does not), a 3xx is reported as the response it is. The
// answer is read up to 1 MB. Returns what happened; deciding what it means is
// lib/domain/outbox/judge-attempt.ts.
import http from 'node:http';
import https from 'node:https';
import { parseRetryAfter } from '../../domain/outbox/retry-delay.ts';
import type { AttemptResult } from '../../domain/outbox/judge-attempt.ts';
import { AddressRefusedError, checkHostLiteral, guardedLookup } from './guarded-lookup.ts';

const MAX_RESPONSE_BYTES = 1024 * 1024;

/** The message of a `network` result whose answer was over the size limit. */
export const RESPONSE_TOO_LARGE = 'the answer exceeds';

export interface ConnectorRequest {
  baseUrl: URL;
  /** Relative to the endpoint, e.g. v1/invoices. */
  path: string;
  token: string;
  timeoutMs: number;
  allowPrivate: boolean;
  correlationId?: string | null;
  now?: () => Date;
  /** Answers longer than this are cut off and reported as a network failure (default 1 MB). */
  maxResponseBytes?: number;
}

export interface CommandRequest extends ConnectorRequest {
  idempotencyKey: string;
  kind: string;
  body: unknown;
}

/** `replayed`: the target answered from its idempotency store (Idempotent-Replayed: true). */
export type PostedCommand = AttemptResult & { body?: unknown; text?: string; location?: string | null; replayed?: boolean };

export function postCommand(request: CommandRequest): Promise<PostedCommand> {
  return sendToConnector({ ...request, method: 'POST' });
}

/**
 * A request to the connector's endpoint only, SSRF-checked: POST with a JSON body and the
 * command headers, or GET (a re-read). Never throws for what the target did.
 */
export async function sendToConnector(
  // A synchronous call (the tax engine's batch) may have no idempotency key or command kind.
  request: ConnectorRequest & ({ method: 'POST'; idempotencyKey?: string; kind?: string; body: unknown } | { method: 'GET' }),
): Promise<PostedCommand> {
  const url = new URL(request.path.replace(/^\/+/, ''), request.baseUrl);
  // The path is ours, but a "../" in it must still not leave the endpoint.
  if (url.origin !== request.baseUrl.origin || !url.pathname.startsWith(request.baseUrl.pathname)) {
    return { kind: 'refused', reason: `${url.pathname} is outside the connector's endpoint` };
  }
  try {
    checkHostLiteral(url.hostname, request.allowPrivate);
  } catch (error) {
    return { kind: 'refused', reason: (error as Error).message };
  }
  const payload = request.method === 'POST' ? Buffer.from(JSON.stringify(request.body), 'utf8') : undefined;
  const transport = url.protocol === 'https:' ? https : http;
  const now = request.now ?? (() => new Date());
  const maxBytes = request.maxResponseBytes ?? MAX_RESPONSE_BYTES;

  return new Promise<PostedCommand>((resolve) => {
    let settled = false;
    const finish = (result: PostedCommand) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = transport.request(
      url,
      {
        method: request.method,
        lookup: guardedLookup(request.allowPrivate),
        // No connection reuse: each delivery resolves and checks its target afresh.
        agent: false,
        headers: {
          Authorization: `Bearer ${request.token}`,
          Accept: 'application/json, application/problem+json',
          'User-Agent': 'Threadline-Outbox/1',
          ...(request.method === 'POST' ? { 'Content-Type': 'application/json', 'Content-Length': payload!.length } : {}),
          ...(request.method === 'POST' && request.idempotencyKey ? { 'Idempotency-Key': request.idempotencyKey } : {}),
          ...(request.method === 'POST' && request.kind ? { 'Threadline-Command': request.kind } : {}),
          ...(request.correlationId ? { 'X-Correlation-Id': request.correlationId } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            req.destroy();
            return finish({ kind: 'network', error: `${RESPONSE_TOO_LARGE} ${maxBytes} bytes` });
          }
          chunks.push(chunk);
        });
        res.on('error', (error) => finish({ kind: 'network', error: describe(error) }));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          const retryAfter = header(res.headers['retry-after']);
          finish({
            kind: 'response',
            status,
            ...(retryAfter !== undefined ? { retryAfterSeconds: parseRetryAfter(retryAfter, now()) } : {}),
            body: parseJson(text),
            text: text.slice(0, 2000),
            location: header(res.headers.location) ?? null,
            replayed: header(res.headers['idempotent-replayed']) === 'true',
          });
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish({ kind: 'timeout' });
    }, request.timeoutMs);
    req.on('error', (error) => {
      if (error instanceof AddressRefusedError) return finish({ kind: 'refused', reason: error.message });
      finish({ kind: 'network', error: describe(error) });
    });
    req.end(payload);
  });
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return 'code' in error && typeof error.code === 'string' ? `${error.code}: ${error.message}` : error.message;
  return String(error);
}
