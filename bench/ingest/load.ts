// A small HTTP load generator for POST /api/v1/events (no dependencies): node:http with a
// keep-alive agent, each request signed with the connector's secret exactly as a connected
// system signs it (HMAC-SHA256 over "<t>.<raw body>", Bearer token). Two shapes:
// closed loop (N connections, each sends as soon as its previous answer arrived) and
// open loop (a fixed rate, whatever the answers do; latency counted from the scheduled time).
import http from 'node:http';
import { createHmac } from 'node:crypto';

export interface Connector {
  token: string;
  signingSecret?: string;
}

export interface Target {
  baseUrl: string;
  connector: Connector;
}

export interface LoadResult {
  requests: number;
  events: number;
  errors: number;
  firstError?: string;
  seconds: number;
  /** Per-request latencies in ms, sorted. */
  latenciesMs: number[];
}

export const STRUCTURED = 'application/cloudevents+json';
export const BATCH = 'application/cloudevents-batch+json';

function post(agent: http.Agent, target: Target, contentType: string, body: string): Promise<{ status: number; text: string }> {
  const url = new URL('/api/v1/events', target.baseUrl);
  const t = Math.floor(Date.now() / 1000);
  const headers: Record<string, string | number> = {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    authorization: `Bearer ${target.connector.token}`,
  };
  if (target.connector.signingSecret) {
    const v1 = createHmac('sha256', target.connector.signingSecret).update(`${t}.${body}`).digest('hex');
    headers['threadline-signature'] = `t=${t},v1=${v1}`;
  }
  return new Promise((resolve, reject) => {
    const request = http.request({ agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** The accepted count of a 202 answer; anything else is an error message. */
function judge(answer: { status: number; text: string }, expected: number): string | undefined {
  if (answer.status !== 202) return `HTTP ${answer.status}: ${answer.text.slice(0, 300)}`;
  const accepted = (JSON.parse(answer.text) as { accepted: number }).accepted;
  return accepted === expected ? undefined : `accepted ${accepted} of ${expected}: ${answer.text.slice(0, 300)}`;
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * Closed loop: `connections` senders for warmup + measure seconds; only requests that
 * start after the warm-up are counted. `next()` returns the events of the next request.
 */
export async function closedLoop(options: {
  target: Target;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  contentType: string;
  next: () => Record<string, unknown>[];
}): Promise<LoadResult> {
  const { target, contentType } = options;
  return runClosedLoop(options, async (agent) => {
    const events = options.next();
    const body = contentType === BATCH ? JSON.stringify(events) : JSON.stringify(events[0]);
    return { events: events.length, problem: judge(await post(agent, target, contentType, body), events.length) };
  });
}

/**
 * The framework's floor: GET /api/v1/health?probe=live (answered without I/O) in the same
 * closed loop, i.e. what Next.js and node:http alone allow on this machine.
 */
export async function closedLoopLiveness(options: { target: Target; connections: number; warmupSeconds: number; seconds: number }): Promise<LoadResult> {
  const url = new URL('/api/v1/health?probe=live', options.target.baseUrl);
  return runClosedLoop(options, (agent) => new Promise((resolve, reject) => {
    http
      .get({ agent, host: url.hostname, port: url.port, path: `${url.pathname}${url.search}` }, (response) => {
        response.resume();
        response.on('end', () => resolve({ events: 1, problem: response.statusCode === 200 ? undefined : `HTTP ${response.statusCode}` }));
      })
      .on('error', reject);
  }));
}

async function runClosedLoop(
  options: { connections: number; warmupSeconds: number; seconds: number },
  once: (agent: http.Agent) => Promise<{ events: number; problem?: string }>,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const start = nowMs();
  const measureFrom = start + options.warmupSeconds * 1000;
  const end = measureFrom + options.seconds * 1000;
  const result: LoadResult = { requests: 0, events: 0, errors: 0, seconds: options.seconds, latenciesMs: [] };

  const sender = async () => {
    while (nowMs() < end) {
      const sentAt = nowMs();
      let outcome: { events: number; problem?: string };
      try {
        outcome = await once(agent);
      } catch (error) {
        outcome = { events: 0, problem: error instanceof Error ? error.message : String(error) };
      }
      const doneAt = nowMs();
      if (sentAt < measureFrom || doneAt > end) continue;
      if (outcome.problem) {
        result.errors += 1;
        result.firstError ??= outcome.problem;
        continue;
      }
      result.requests += 1;
      result.events += outcome.events;
      result.latenciesMs.push(doneAt - sentAt);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, sender));
  agent.destroy();
  result.latenciesMs.sort((a, b) => a - b);
  return result;
}

/** Open loop: one request every 1000/rate ms for `seconds`, however slow the answers. */
export async function openLoop(options: { target: Target; rate: number; seconds: number; next: () => Record<string, unknown> }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const start = nowMs();
  const result: LoadResult = { requests: 0, events: 0, errors: 0, seconds: options.seconds, latenciesMs: [] };
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = start + i * interval;
    const wait = scheduled - nowMs();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const event = options.next();
    inFlight.push(
      post(agent, options.target, STRUCTURED, JSON.stringify(event)).then(
        (answer) => {
          const problem = judge(answer, 1);
          if (problem) {
            result.errors += 1;
            result.firstError ??= problem;
            return;
          }
          result.requests += 1;
          result.events += 1;
          result.latenciesMs.push(nowMs() - scheduled);
        },
        (error: unknown) => {
          result.errors += 1;
          result.firstError ??= error instanceof Error ? error.message : String(error);
        },
      ),
    );
  }
  await Promise.all(inFlight);
  result.seconds = (nowMs() - start) / 1000;
  agent.destroy();
  result.latenciesMs.sort((a, b) => a - b);
  return result;
}

/** Several runs as one (events and time summed, all latencies). */
export function mergeLoads(runs: LoadResult[]): LoadResult {
  const sum = (pick: (r: LoadResult) => number) => runs.reduce((total, r) => total + pick(r), 0);
  return {
    requests: sum((r) => r.requests),
    events: sum((r) => r.events),
    errors: sum((r) => r.errors),
    firstError: runs.find((r) => r.firstError)?.firstError,
    seconds: sum((r) => r.seconds),
    latenciesMs: runs.flatMap((r) => r.latenciesMs).sort((a, b) => a - b),
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Sends every request (each a list of events) over `connections` connections; throws on the first refusal. */
export async function sendAll(target: Target, contentType: string, requests: Record<string, unknown>[][], connections: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  let next = 0;
  const sender = async () => {
    while (next < requests.length) {
      const events = requests[next++]!;
      const body = contentType === BATCH ? JSON.stringify(events) : JSON.stringify(events[0]);
      const problem = judge(await post(agent, target, contentType, body), events.length);
      if (problem) throw new Error(problem);
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, sender));
  } finally {
    agent.destroy();
  }
}
