// The simulated tax engine: a small node:http server (no framework, no database) that
// behaves like an external Avalara/Vertex-like engine for the demo, the end-to-end tests
// and the benchmarks.
//   POST /v1/tax/calculate  Bearer token; Idempotency-Key honoured (see idempotency.ts)
//   POST /v1/tax/calculate/batch  up to MAX_BATCH documents, each answered on its own
//                           (its documentId is its idempotency key); faults hit the call
//   GET  /health            200, or 503 during a simulated outage
//   GET|POST /_control      fault knobs and counters (loopback callers only)
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { calculate } from './calculate.ts';
import { faultsUpdateSchema, NO_FAULTS, rollFault, type TaxEngineFaults } from './faults.ts';
import { IdempotencyStore } from './idempotency.ts';
import { batchRequestSchema, calculateRequestSchema, TaxEngineProblem, type BatchResult, type CalculateResponse } from './protocol.ts';

const MAX_BODY_BYTES = 1024 * 1024;
const CALCULATE_PATH = '/v1/tax/calculate';
const BATCH_PATH = '/v1/tax/calculate/batch';

export interface StartTaxEngineOptions {
  /** 0 lets the OS pick a free port (tests). */
  port: number;
  token: string;
  /** 127.0.0.1 unless told otherwise: a simulator has no business on other interfaces. */
  host?: string;
  faults?: Partial<TaxEngineFaults>;
  /** The dice behind errorRate / status429Rate; tests pin it. */
  random?: () => number;
  /** Called once per calculate request with a one-line summary (the CLI logs it). */
  onRequest?: (summary: { status: number; documentId?: string; ms: number; replayed?: boolean }) => void;
}

export interface TaxEngineStats {
  calculateRequests: number;
  calculated: number;
  replayed: number;
  rejected: number;
  faulted: number;
  exemptDocuments: number;
}

export interface RunningTaxEngine {
  url: string;
  port: number;
  stop(): Promise<void>;
  faults(): TaxEngineFaults;
  setFaults(update: Partial<TaxEngineFaults>): TaxEngineFaults;
  stats(): TaxEngineStats;
}

export async function startTaxEngine(options: StartTaxEngineOptions): Promise<RunningTaxEngine> {
  if (options.token.length < 16) throw new Error('The tax engine needs a bearer token of at least 16 characters.');
  const expectedToken = digest(options.token);
  const random = options.random ?? Math.random;
  const idempotency = new IdempotencyStore();
  const stats: TaxEngineStats = { calculateRequests: 0, calculated: 0, replayed: 0, rejected: 0, faulted: 0, exemptDocuments: 0 };
  let faults: TaxEngineFaults = { ...NO_FAULTS, ...options.faults };
  const timers = new Set<NodeJS.Timeout>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  /** The faults and the token check every calculation call goes through first. */
  async function admit(req: http.IncomingMessage): Promise<void> {
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    const fault = rollFault(faults, random);
    if (fault.kind !== 'pass') {
      stats.faulted++;
      if (fault.kind === 'outage') throw new TaxEngineProblem(503, 'UNAVAILABLE', 'The tax engine is down (simulated outage).', { retryAfter: 5 });
      if (fault.kind === 'rate-limited') throw new TaxEngineProblem(429, 'RATE_LIMITED', 'Too many requests (simulated).', { retryAfter: 1 });
      throw new TaxEngineProblem(500, 'INTERNAL', 'The tax engine failed (simulated error).');
    }
    if (!authorized(req.headers.authorization, expectedToken)) throw new TaxEngineProblem(401, 'UNAUTHORIZED', 'Send Authorization: Bearer <token>.');
  }

  /** One document: its calculation, the stored one for a repeat of its key, or the problem with it. */
  function answer(body: unknown, key: string | undefined): { documentId: string; response: CalculateResponse; replayed: boolean } {
    const parsed = calculateRequestSchema.safeParse(body);
    if (!parsed.success) {
      throw new TaxEngineProblem(400, 'INVALID_REQUEST', 'The calculation request is not valid.', {
        errors: parsed.error.issues.map((i) => ({ pointer: `/${i.path.join('/')}`, message: i.message })),
      });
    }
    const request = parsed.data;
    const previous = key ? idempotency.lookup(key, request) : { kind: 'new' as const };
    if (previous.kind === 'conflict') {
      throw new TaxEngineProblem(409, 'IDEMPOTENCY_KEY_REUSED', `Idempotency-Key ${key} was used for a different request; send a new key for a new request.`);
    }
    if (previous.kind === 'replay') {
      stats.replayed++;
      return { documentId: request.documentId, response: previous.response, replayed: true };
    }
    const response = calculate(request);
    if (key) idempotency.remember(key, request, response);
    stats.calculated++;
    if (request.buyer.exempt) stats.exemptDocuments++;
    return { documentId: request.documentId, response, replayed: false };
  }

  async function calculateRoute(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const startedMs = Date.now();
    stats.calculateRequests++;
    let documentId: string | undefined;
    let replayed = false;
    try {
      await admit(req);
      if (res.destroyed) return;
      const answered = answer(await readJson(req), idempotencyKey(req.headers['idempotency-key']));
      documentId = answered.documentId;
      replayed = answered.replayed;
      send(res, 200, answered.response, replayed ? { 'Idempotent-Replayed': 'true' } : {});
    } catch (error) {
      const problem = error instanceof TaxEngineProblem ? error : new TaxEngineProblem(500, 'INTERNAL', 'Unexpected error in the tax engine.');
      if (problem.status < 500 && problem.status !== 429) stats.rejected++;
      sendProblem(res, problem);
    } finally {
      options.onRequest?.({ status: res.statusCode, documentId, ms: Date.now() - startedMs, replayed });
    }
  }

  // Every document answered on its own, under its documentId as the idempotency key: one
  // document's problem is its result's, never the call's. Faults and the token are the call's.
  async function batchRoute(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const startedMs = Date.now();
    stats.calculateRequests++;
    try {
      await admit(req);
      if (res.destroyed) return;
      const parsed = batchRequestSchema.safeParse(await readJson(req));
      if (!parsed.success) throw new TaxEngineProblem(400, 'INVALID_REQUEST', `The batch is not valid: ${z.prettifyError(parsed.error)}`);
      const results = parsed.data.documents.map((document): BatchResult => {
        try {
          const answered = answer(document, documentIdOf(document));
          return { documentId: answered.documentId, status: 200, body: answered.response, replayed: answered.replayed };
        } catch (error) {
          const problem = error instanceof TaxEngineProblem ? error : new TaxEngineProblem(500, 'INTERNAL', 'Unexpected error in the tax engine.');
          if (problem.status < 500) stats.rejected++;
          return { documentId: documentIdOf(document) ?? null, status: problem.status, problem: problem.toJSON() };
        }
      });
      send(res, 200, { results });
    } catch (error) {
      const problem = error instanceof TaxEngineProblem ? error : new TaxEngineProblem(500, 'INTERNAL', 'Unexpected error in the tax engine.');
      if (problem.status < 500 && problem.status !== 429) stats.rejected++;
      sendProblem(res, problem);
    } finally {
      options.onRequest?.({ status: res.statusCode, ms: Date.now() - startedMs });
    }
  }

  async function controlRoute(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Anyone who can reach /_control can take the engine down; only local callers may.
    if (!isLoopback(req.socket.remoteAddress)) throw new TaxEngineProblem(404, 'NOT_FOUND', 'No such resource.');
    if (req.method === 'POST') {
      const update = faultsUpdateSchema.safeParse(await readJson(req));
      if (!update.success) throw new TaxEngineProblem(400, 'INVALID_REQUEST', z.prettifyError(update.error));
      faults = { ...faults, ...update.data };
    } else if (req.method !== 'GET') {
      throw new TaxEngineProblem(405, 'METHOD_NOT_ALLOWED', 'Use GET or POST.');
    }
    send(res, 200, { faults, stats });
  }

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://tax-engine').pathname;
    const route = async () => {
      if (path === CALCULATE_PATH || path === BATCH_PATH) {
        if (req.method !== 'POST') throw new TaxEngineProblem(405, 'METHOD_NOT_ALLOWED', 'Use POST.');
        return path === BATCH_PATH ? batchRoute(req, res) : calculateRoute(req, res);
      }
      if (path === '/health') {
        return faults.outage ? sendProblem(res, new TaxEngineProblem(503, 'UNAVAILABLE', 'Simulated outage.')) : send(res, 200, { status: 'ok' });
      }
      if (path === '/_control') return controlRoute(req, res);
      throw new TaxEngineProblem(404, 'NOT_FOUND', `No resource at ${path}.`);
    };
    route().catch((error: unknown) => sendProblem(res, error instanceof TaxEngineProblem ? error : new TaxEngineProblem(500, 'INTERNAL', 'Unexpected error.')));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    faults: () => ({ ...faults }),
    setFaults: (update) => (faults = { ...faults, ...faultsUpdateSchema.parse(update) }),
    stats: () => ({ ...stats }),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time comparison of digests, so the token's length and prefix do not leak. */
function authorized(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), expected);
}

function idempotencyKey(header: string | string[] | undefined): string | undefined {
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || key === '') return undefined;
  if (key.length > 255) throw new TaxEngineProblem(400, 'INVALID_REQUEST', 'Idempotency-Key is at most 255 characters.');
  return key;
}

function documentIdOf(document: unknown): string | undefined {
  const id = (document as { documentId?: unknown } | null)?.documentId;
  return typeof id === 'string' && id.length > 0 && id.length <= 255 ? id : undefined;
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new TaxEngineProblem(413, 'PAYLOAD_TOO_LARGE', `At most ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new TaxEngineProblem(400, 'INVALID_REQUEST', 'The body is not JSON.');
  }
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, contentType = 'application/json'): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function sendProblem(res: http.ServerResponse, problem: TaxEngineProblem): void {
  const retryAfter = problem.extra.retryAfter;
  const headers: Record<string, string> = typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : {};
  if (problem.status === 401) headers['WWW-Authenticate'] = 'Bearer';
  // A 413 leaves the rest of the body unread: close rather than reuse the connection.
  if (problem.status === 413) headers.Connection = 'close';
  send(res, problem.status, problem.toJSON(), headers, 'application/problem+json');
}
