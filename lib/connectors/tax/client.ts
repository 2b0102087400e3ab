// One HTTP call to the tax engine and what its outcome means. It goes through the outbox's
// guarded request (sendToConnector): only the connector's own endpoint, DNS checked and
// pinned, private and loopback addresses only when the connector allows private targets,
// redirects never followed (a 3xx could send the token and the invoice elsewhere), and the
// whole exchange bounded by a timeout and a body size.
import { RESPONSE_TOO_LARGE, sendToConnector } from '../../outbox/deliver/post-command.ts';
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
  const unavailable = (reason: TaxEngineUnavailableReason, message: string, extra: { status?: number; retryAfterSeconds?: number; cause?: unknown } = {}) =>
    new TaxEngineUnavailableError(reason, `Tax engine ${target.code}: ${message}`, { connectorCode: target.code, ...extra });

  const result = await sendToConnector({
    method: 'POST',
    baseUrl: target.baseUrl,
    path: call.path,
    token: target.token,
    allowPrivate: target.allowPrivate,
    timeoutMs: call.timeoutMs,
    correlationId: call.correlationId,
    idempotencyKey: call.idempotencyKey,
    body: call.body,
    maxResponseBytes: MAX_RESPONSE_BYTES,
  });
  // Refused before sending: the endpoint is not one this connector may call (SSRF guard).
  if (result.kind === 'refused') throw unavailable('not-configured', `refused before sending: ${result.reason}`);
  if (result.kind === 'timeout') throw unavailable('timeout', `no answer within ${call.timeoutMs} ms`);
  if (result.kind === 'network') {
    if (result.error.startsWith(RESPONSE_TOO_LARGE)) throw unavailable('invalid-response', result.error);
    throw unavailable('network', `cannot be reached (${result.error})`);
  }

  const { status, retryAfterSeconds } = result;
  if (status === 200) {
    if (result.body === undefined) throw unavailable('invalid-response', 'the answer is not JSON', { status });
    return { status, body: result.body, replayed: result.replayed ?? false };
  }
  if (status >= 300 && status < 400) {
    throw unavailable('redirect-refused', `the endpoint answered ${status} redirecting to ${result.location ?? 'elsewhere'}; Threadline calls only the configured endpoint`, { status });
  }
  const problem = problemOf(result.body, status);
  if (status === 429 || status === 408) throw unavailable('rate-limited', `${status} ${problem.detail}`, { status, retryAfterSeconds });
  if (status >= 500) throw unavailable('server-error', `${status} ${problem.detail}`, { status, retryAfterSeconds });
  if (status === 401 || status === 403) throw unavailable('unauthorized', `${status}: the engine refused the connector's outbound token`, { status });
  // The endpoint is not a tax engine API (wrong base URL): configuration, not the document.
  if (status === 404 || status === 405) throw unavailable('not-configured', `${status} at ${call.path}: check the connector's endpoint`, { status });
  if (status >= 400) throw new TaxCalculationRejectedError(target.code, { status, ...problem });
  throw unavailable('invalid-response', `unexpected status ${status}`, { status });
}

/** The engine's problem+json, or what can be said without one. */
function problemOf(json: unknown, status: number): { code: string; detail: string; jurisdiction?: string } {
  const body = (json && typeof json === 'object' ? json : undefined) as { code?: unknown; detail?: unknown; jurisdiction?: unknown } | undefined;
  const field = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value.slice(0, 500) : undefined);
  return {
    code: field(body?.code) ?? `HTTP_${status}`,
    detail: field(body?.detail) ?? `HTTP ${status}`,
    ...(field(body?.jurisdiction) ? { jurisdiction: field(body?.jurisdiction) } : {}),
  };
}
