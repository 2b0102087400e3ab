// The simulated tax engine (Avalara/Vertex-like) on the simulator kit (kit/server.ts): the
// bearer token, the fault knobs (TAX_ENGINE_* — latency, errors, 429s, outage), /health and
// /_control are the kit's; the calculation routes are its own.
//   POST /v1/tax/calculate        Idempotency-Key honoured (the kit's store, and the engine's
//                                 document store below, so a document first calculated in a
//                                 batch replays here too)
//   POST /v1/tax/calculate/batch  up to MAX_BATCH documents, each answered on its own (its
//                                 documentId is its idempotency key); faults hit the call
import { z } from 'zod';
import type { SimulatorFaults } from '../kit/faults.ts';
import type { RunningServer } from '../kit/listen.ts';
import { startSimulatorServer, type CommandAnswer } from '../kit/server.ts';
import { calculate } from './calculate.ts';
import { IdempotencyStore } from './idempotency.ts';
import { batchRequestSchema, TaxEngineProblem, calculateRequestSchema, type BatchResult, type CalculateResponse } from './protocol.ts';

export interface StartTaxEngineOptions {
  /** 0 lets the OS pick a free port (tests). */
  port: number;
  token: string;
  /** 127.0.0.1 unless told otherwise: a simulator has no business on other interfaces. */
  host?: string;
  faults?: Partial<SimulatorFaults>;
  /** The dice behind errorRate / status429Rate; tests pin it. */
  random?: () => number;
  /** Called once per calculation request with a one-line summary (the CLI logs it). */
  onRequest?: (summary: { path: string; status: number; ms: number; replayed: boolean }) => void;
}

export interface TaxEngineStats {
  calculateRequests: number;
  calculated: number;
  replayed: number;
  rejected: number;
  faulted: number;
  exemptDocuments: number;
}

export type RunningTaxEngine = RunningServer<SimulatorFaults, TaxEngineStats>;

export async function startTaxEngine(options: StartTaxEngineOptions): Promise<RunningTaxEngine> {
  // Calculations by document key: single calls (their Idempotency-Key) and batch documents (their id).
  const documents = new IdempotencyStore();
  const own = { calculated: 0, replayed: 0, rejected: 0, exemptDocuments: 0 };

  /** One document: its calculation, the stored one for a repeat of its key, or the problem with it. */
  function answer(body: unknown, key: string | undefined): { documentId: string; response: CalculateResponse; replayed: boolean } {
    const parsed = calculateRequestSchema.safeParse(body);
    if (!parsed.success) {
      throw new TaxEngineProblem(400, 'INVALID_REQUEST', 'The calculation request is not valid.', {
        errors: parsed.error.issues.map((i) => ({ pointer: `/${i.path.join('/')}`, message: i.message })),
      });
    }
    const request = parsed.data;
    const previous = key ? documents.lookup(key, request) : { kind: 'new' as const };
    if (previous.kind === 'conflict') {
      throw new TaxEngineProblem(409, 'IDEMPOTENCY_KEY_REUSED', `Idempotency-Key ${key} was used for a different request; send a new key for a new request.`);
    }
    if (previous.kind === 'replay') {
      own.replayed++;
      return { documentId: request.documentId, response: previous.response, replayed: true };
    }
    const response = calculate(request);
    if (key) documents.remember(key, request, response);
    own.calculated++;
    if (request.buyer.exempt) own.exemptDocuments++;
    return { documentId: request.documentId, response, replayed: false };
  }

  // Every document answered on its own, under its documentId as the idempotency key: one
  // document's problem is its result's, never the call's. Faults and the token are the call's.
  function batch(body: { documents: unknown[] }): CommandAnswer {
    const results = body.documents.map((document): BatchResult => {
      try {
        const answered = answer(document, documentIdOf(document));
        return { documentId: answered.documentId, status: 200, body: answered.response, replayed: answered.replayed };
      } catch (error) {
        const problem = error instanceof TaxEngineProblem ? error : new TaxEngineProblem(500, 'INTERNAL', 'Unexpected error in the tax engine.');
        if (problem.status < 500) own.rejected++;
        return { documentId: documentIdOf(document) ?? null, status: problem.status, problem: problem.toJSON() };
      }
    });
    return { status: 200, body: { results } };
  }

  const server = await startSimulatorServer({
    name: 'tax-engine',
    port: options.port,
    token: options.token,
    host: options.host,
    faults: options.faults,
    random: options.random,
    problemTypeBase: 'https://tax-engine.invalid/problems',
    routes: [
      {
        path: 'v1/tax/calculate',
        // The body is checked by answer(), which words the engine's own 400.
        schema: z.unknown(),
        handle: (body: unknown, context: { idempotencyKey?: string }) => {
          const answered = answer(body, context.idempotencyKey);
          return { status: 200, body: answered.response, ...(answered.replayed ? { headers: { 'Idempotent-Replayed': 'true' } } : {}) };
        },
      },
      { path: 'v1/tax/calculate/batch', schema: batchRequestSchema, handle: (body: { documents: unknown[] }) => batch(body) },
    ],
    state: () => ({ engine: { ...own } }),
    onRequest: options.onRequest ? ({ path, status, ms, replayed }) => options.onRequest!({ path, status, ms, replayed }) : undefined,
  });
  return {
    ...server,
    stats: () => {
      const kit = server.stats();
      return { calculateRequests: kit.requests, calculated: own.calculated, replayed: kit.replayed + own.replayed, rejected: kit.rejected + own.rejected, faulted: kit.faulted, exemptDocuments: own.exemptDocuments };
    },
  };
}

function documentIdOf(document: unknown): string | undefined {
  const id = (document as { documentId?: unknown } | null)?.documentId;
  return typeof id === 'string' && id.length > 0 && id.length <= 255 ? id : undefined;
}
