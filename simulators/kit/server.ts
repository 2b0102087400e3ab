// The shared HTTP server of the connected-system simulators (node:http, no framework, no
// database): command routes behind a bearer token, Idempotency-Key honoured for every
// command, the fault knobs of faults.ts applied around each command, and
//   GET  /health            200, or 503 during a simulated outage
//   GET|POST /_control      fault knobs, counters and the simulator's state (loopback only)
// A simulator (simulators/erp, simulators/psa) supplies its routes and state.
import http from 'node:http';
import { z } from 'zod';
import { chance, faultsUpdateSchema, NO_FAULTS, rollFault, type SimulatorFaults } from './faults.ts';
import { bearerMatches, digest, idempotencyKeyOf, readJson, send, sendProblem } from './http-io.ts';
import { IdempotencyStore } from './idempotency.ts';
import { controlRoute } from './control-route.ts';
import { serve, timerSleep, type RunningServer } from './listen.ts';

export type { RunningServer } from './listen.ts';
import { SimulatorProblem } from './problem.ts';

export interface CommandAnswer {
  status: number;
  body: unknown;
  /** Extra response headers (e.g. Idempotent-Replayed from the simulator's own store). */
  headers?: Record<string, string>;
}

export interface CommandRoute {
  path: string;
  /** The request body; failures are 400 with JSON pointers. */
  schema: z.ZodType;
  /** Carries the command out (commits to the simulator's state); throw SimulatorProblem to refuse. */
  handle(body: never, context: { idempotencyKey?: string }): CommandAnswer;
}

/** A GET under `prefix` (e.g. /records/) behind the bearer token, with latency and outage applied. */
export interface ReadRoute {
  prefix: string;
  /** `rest` is the path after the prefix; throw SimulatorProblem (e.g. 404) to refuse. */
  handle(rest: string): CommandAnswer;
}

export interface SimulatorStats {
  requests: number;
  handled: number;
  replayed: number;
  rejected: number;
  faulted: number;
  lostResponses: number;
}

export interface StartSimulatorOptions {
  name: string;
  /** 0 lets the OS pick a free port (tests). */
  port: number;
  token: string;
  /** 127.0.0.1 unless told otherwise: a simulator has no business on other interfaces. */
  host?: string;
  faults?: Partial<SimulatorFaults>;
  random?: () => number;
  routes: CommandRoute[];
  readRoutes?: ReadRoute[];
  /** The `type` URI base of its problem+json answers; https://<name>-simulator.invalid/problems by default. */
  problemTypeBase?: string;
  /** What GET /_control shows besides faults and stats (documents, emitted events ...). */
  state?: () => Record<string, unknown>;
  onRequest?: (summary: { path: string; status: number; ms: number; replayed: boolean; lost: boolean }) => void;
}

export type RunningSimulator = RunningServer<SimulatorFaults, SimulatorStats>;

export async function startSimulatorServer(options: StartSimulatorOptions): Promise<RunningSimulator> {
  if (options.token.length < 16) throw new Error(`The ${options.name} simulator needs a bearer token of at least 16 characters.`);
  const expectedToken = digest(options.token);
  const random = options.random ?? Math.random;
  const routes = new Map(options.routes.map((route) => [`/${route.path.replace(/^\/+/, '')}`, route]));
  const idempotency = new IdempotencyStore<CommandAnswer>();
  const stats: SimulatorStats = { requests: 0, handled: 0, replayed: 0, rejected: 0, faulted: 0, lostResponses: 0 };
  const typeBase = options.problemTypeBase ?? `https://${options.name}-simulator.invalid/problems`;
  let faults: SimulatorFaults = { ...NO_FAULTS, ...faultsUpdateSchema.parse(options.faults ?? {}) };
  let concurrent = 0;
  const timers = new Set<NodeJS.Timeout>();
  const sleep = timerSleep(timers);

  async function commandRoute(route: CommandRoute, req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    const startedMs = Date.now();
    stats.requests++;
    concurrent++;
    let replayed = false;
    let lost = false;
    try {
      if (faults.latencyMs > 0) await sleep(faults.latencyMs);
      if (res.destroyed) return;
      const fault = rollFault(faults, random, concurrent);
      if (fault.kind !== 'pass') {
        stats.faulted++;
        if (fault.kind === 'outage') throw new SimulatorProblem(503, 'UNAVAILABLE', `The ${options.name} is down (simulated outage).`, { retryAfter: 5 });
        if (fault.kind === 'rate-limited') throw new SimulatorProblem(429, 'RATE_LIMITED', 'Too many requests (simulated).', { retryAfter: 1 });
        throw new SimulatorProblem(500, 'INTERNAL', `The ${options.name} failed (simulated error).`);
      }
      if (!bearerMatches(req.headers.authorization, expectedToken)) throw new SimulatorProblem(401, 'UNAUTHORIZED', 'Send Authorization: Bearer <token>.');
      const parsed = route.schema.safeParse(await readJson(req));
      if (!parsed.success) {
        throw new SimulatorProblem(400, 'INVALID_REQUEST', 'The request is not valid.', {
          errors: parsed.error.issues.map((i) => ({ pointer: `/${i.path.join('/')}`, message: i.message })),
        });
      }
      const key = idempotencyKeyOf(req.headers['idempotency-key']);
      const previous = key ? idempotency.lookup(key, { path, body: parsed.data }) : { kind: 'new' as const };
      if (previous.kind === 'conflict') throw new SimulatorProblem(409, 'IDEMPOTENCY_KEY_REUSED', `Idempotency-Key ${key} was used for a different request.`);
      let answer: CommandAnswer;
      if (previous.kind === 'replay') {
        replayed = true;
        stats.replayed++;
        answer = previous.response;
      } else {
        answer = route.handle(parsed.data as never, { idempotencyKey: key });
        if (key && answer.status < 300) idempotency.remember(key, { path, body: parsed.data }, answer);
        stats.handled++;
      }
      // Done and stored, then the answer never arrives: the caller must retry with the same key.
      if (chance(faults.lostResponseRate, random)) {
        lost = true;
        stats.lostResponses++;
        res.socket?.destroy();
        return;
      }
      send(res, answer.status, answer.body, { ...answer.headers, ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}) });
    } catch (error) {
      const problem = error instanceof SimulatorProblem ? error : new SimulatorProblem(500, 'INTERNAL', `Unexpected error in the ${options.name} simulator.`);
      if (problem.status < 500 && problem.status !== 429) stats.rejected++;
      sendProblem(res, problem, typeBase);
    } finally {
      concurrent--;
      options.onRequest?.({ path, status: lost ? 0 : res.statusCode, ms: Date.now() - startedMs, replayed, lost });
    }
  }

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://simulator').pathname;
    const route = async () => {
      const command = routes.get(path);
      if (command) {
        if (req.method !== 'POST') throw new SimulatorProblem(405, 'METHOD_NOT_ALLOWED', 'Use POST.');
        return commandRoute(command, req, res, path);
      }
      const read = options.readRoutes?.find((r) => path.startsWith(r.prefix));
      if (read) {
        if (req.method !== 'GET') throw new SimulatorProblem(405, 'METHOD_NOT_ALLOWED', 'Use GET.');
        if (faults.latencyMs > 0) await sleep(faults.latencyMs);
        if (faults.outage) throw new SimulatorProblem(503, 'UNAVAILABLE', `The ${options.name} is down (simulated outage).`, { retryAfter: 5 });
        if (!bearerMatches(req.headers.authorization, expectedToken)) throw new SimulatorProblem(401, 'UNAUTHORIZED', 'Send Authorization: Bearer <token>.');
        const answer = read.handle(decodeURIComponent(path.slice(read.prefix.length)));
        return send(res, answer.status, answer.body);
      }
      if (path === '/health') return faults.outage ? sendProblem(res, new SimulatorProblem(503, 'UNAVAILABLE', 'Simulated outage.'), typeBase) : send(res, 200, { status: 'ok' });
      if (path === '/_control') return controlRoute(req, res, { update: faultsUpdateSchema, apply: (update) => (faults = { ...faults, ...update }), view: () => ({ faults, stats, ...options.state?.() }) });
      throw new SimulatorProblem(404, 'NOT_FOUND', `No resource at ${path}.`);
    };
    route().catch((error: unknown) => sendProblem(res, error instanceof SimulatorProblem ? error : new SimulatorProblem(500, 'INTERNAL', 'Unexpected error.'), typeBase));
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
