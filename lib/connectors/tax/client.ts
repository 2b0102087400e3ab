// One HTTP call to the tax engine and what its outcome means. Only the connector's own
// endpoint is called: redirects are not followed (a 3xx could send the token and the
// invoice elsewhere), and the whole exchange is bounded by a timeout and a body size.
import type { OutboundTarget } from '../outbound-target.ts';
import { TaxCalculationRejectedError, TaxEngineUnavailableError, type TaxEngineUnavailableReason } from './errors.ts';

const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

export interface TaxEngineCall {
  target: OutboundTarget;
  /** Relative to the endpoint, e.g. v1/tax/calculate. */
  path: string;
  body: unknown;
  /** A batch call has none: each document's id is its key. */
  idempotencyKey?: string;
  timeoutMs: number;
  correlationId?: string;
}

export interface TaxEngineAnswer {
  status: number;
  body: unknown;
  replayed: boolean;
}

export async function postToTaxEngine(call: TaxEngineCall): Promise<TaxEngineAnswer> {
  const { target } = call;
  const url = new URL(call.path.replace(/^\/+/, ''), target.baseUrl);
  const signal = AbortSignal.timeout(call.timeoutMs);
  const unavailable = (reason: TaxEngineUnavailableReason, message: string, extra: { status?: number; retryAfterSeconds?: number; cause?: unknown } = {}) =>
    new TaxEngineUnavailableError(reason, `Tax engine ${target.code}: ${message}`, { connectorCode: target.code, ...extra });

  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal,
      headers: {
        Authorization: `Bearer ${target.token}`,
        'Content-Type': 'application/json',
        Accept: 'application/json, application/problem+json',
        ...(call.idempotencyKey ? { 'Idempotency-Key': call.idempotencyKey } : {}),
        ...(call.correlationId ? { 'X-Correlation-Id': call.correlationId } : {}),
      },
      body: JSON.stringify(call.body),
    });
    text = await readBounded(response);
  } catch (error) {
    if (signal.aborted) throw unavailable('timeout', `no answer within ${call.timeoutMs} ms`, { cause: error });
    if (error instanceof ResponseTooLarge) throw unavailable('invalid-response', `the answer exceeds ${MAX_RESPONSE_BYTES} bytes`);
    throw unavailable('network', `cannot be reached (${describe(error)})`, { cause: error });
  }

  const status = response.status;
  if (status === 200) {
    const body = parseJson(text);
    if (body === undefined) throw unavailable('invalid-response', 'the answer is not JSON', { status });
    return { status, body, replayed: response.headers.get('idempotent-replayed') === 'true' };
  }
  if ((status >= 300 && status < 400) || response.type === 'opaqueredirect') {
    throw unavailable('redirect-refused', `the endpoint answered ${status} redirecting to ${response.headers.get('location') ?? 'elsewhere'}; Threadline calls only the configured endpoint`, { status });
  }
  const problem = problemOf(text, status);
  if (status === 429 || status === 408) {
    throw unavailable('rate-limited', `${status} ${problem.detail}`, { status, retryAfterSeconds: retryAfter(response.headers.get('retry-after')) });
  }
  if (status >= 500) throw unavailable('server-error', `${status} ${problem.detail}`, { status, retryAfterSeconds: retryAfter(response.headers.get('retry-after')) });
  if (status === 401 || status === 403) throw unavailable('unauthorized', `${status}: the engine refused the connector's outbound token`, { status });
  // The endpoint is not a tax engine API (wrong base URL): configuration, not the document.
  if (status === 404 || status === 405) throw unavailable('not-configured', `${status} at ${url.pathname}: check the connector's endpoint`, { status });
  if (status >= 400) throw new TaxCalculationRejectedError(target.code, { status, ...problem });
  throw unavailable('invalid-response', `unexpected status ${status}`, { status });
}

class ResponseTooLarge extends Error {}

async function readBounded(response: Response): Promise<string> {
  if (Number(response.headers.get('content-length') ?? 0) > MAX_RESPONSE_BYTES) {
    await response.body?.cancel();
    throw new ResponseTooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw new ResponseTooLarge();
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The engine's problem+json, or what can be said without one. */
function problemOf(text: string, status: number): { code: string; detail: string; jurisdiction?: string } {
  const body = parseJson(text) as { code?: unknown; detail?: unknown; jurisdiction?: unknown } | undefined;
  const field = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value.slice(0, 500) : undefined);
  return {
    code: field(body?.code) ?? `HTTP_${status}`,
    detail: field(body?.detail) ?? `HTTP ${status}`,
    ...(field(body?.jurisdiction) ? { jurisdiction: field(body?.jurisdiction) } : {}),
  };
}

function retryAfter(header: string | null): number | undefined {
  const seconds = header === null ? NaN : Number(header);
  return Number.isInteger(seconds) && seconds >= 0 ? seconds : undefined;
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error) return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
  return String(error);
}
