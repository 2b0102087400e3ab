// The simulated tax engine: a small node:http server (no framework, no database) that
// behaves like an external Avalara/Vertex-like engine for the demo, the end-to-end tests
// and the benchmarks.
//   POST /v1/tax/calculate  Bearer token; Idempotency-Key honoured (see idempotency.ts)
//   POST /v1/tax/calculate/batch  up to MAX_BATCH documents, each answered on its own
//                           (its documentId is its idempotency key); faults hit the call
//   GET  /health            200, or 503 during a simulated outage
//   GET|POST /_control      fault knobs and counters (loopback callers only)
import http from 'node:http';
import { z } from 'zod';
import { bearerMatches, digest, idempotencyKeyOf as idempotencyKey, readJson, send, sendProblem } from '../kit/http-io.ts';
import { controlRoute } from '../kit/control-route.ts';
import { serve, timerSleep } from '../kit/listen.ts';
import { SimulatorProblem } from '../kit/problem.ts';
import type { RunningServer } from '../kit/listen.ts';
import { calculate } from './calculate.ts';
import { faultsUpdateSchema, NO_FAULTS, rollFault, type TaxEngineFaults } from './faults.ts';
import { IdempotencyStore } from './idempotency.ts';
import { batchRequestSchema, calculateRequestSchema, TaxEngineProblem, type BatchResult, type CalculateResponse } from './protocol.ts';

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

export type RunningTaxEngine = RunningServer<TaxEngineFaults, TaxEngineStats>;

export async function startTaxEngine(options: StartTaxEngineOptions): Promise<RunningTaxEngine> {
  if (options.token.length < 16) throw new Error('The tax engine needs a bearer token of at least 16 characters.');
  const expectedToken = digest(options.token);
  const random = options.random ?? Math.random;
  const idempotency = new IdempotencyStore();
  const stats: TaxEngineStats = { calculateRequests: 0, calculated: 0, replayed: 0, rejected: 0, faulted: 0, exemptDocuments: 0 };
  let faults: TaxEngineFaults = { ...NO_FAULTS, ...options.faults };
  const timers = new Set<NodeJS.Timeout>();
  const sleep = timerSleep(timers);

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
    if (!bearerMatches(req.headers.authorization, expectedToken)) throw new TaxEngineProblem(401, 'UNAUTHORIZED', 'Send Authorization: Bearer <token>.');
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
      const problem = error instanceof SimulatorProblem ? error : new TaxEngineProblem(500, 'INTERNAL', 'Unexpected error in the tax engine.');
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
      if (path === '/_control') return controlRoute(req, res, { update: faultsUpdateSchema, apply: (update) => (faults = { ...faults, ...update }), view: () => ({ faults, stats }) });
      throw new TaxEngineProblem(404, 'NOT_FOUND', `No resource at ${path}.`);
    };
    route().catch((error: unknown) => sendProblem(res, error instanceof SimulatorProblem ? error : new TaxEngineProblem(500, 'INTERNAL', 'Unexpected error.')));
  });

  return serve(server, {
    port: options.port,
    host: options.host,
    timers,
    faults: () => ({ ...faults }),
    setFaults: (update) => (faults = { ...faults, ...faultsUpdateSchema.parse(update) }),
    stats: () => ({ ...stats }),
  });
}

function documentIdOf(document: unknown): string | undefined {
  const id = (document as { documentId?: unknown } | null)?.documentId;
  return typeof id === 'string' && id.length > 0 && id.length <= 255 ? id : undefined;
}
