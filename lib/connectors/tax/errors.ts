// The two ways a tax calculation fails, so that the invoice workflow can tell "wait and
// retry" from "someone must fix the data":
// - TaxEngineUnavailableError: no usable answer (down, slow, 5xx, 429, refused redirect,
//   bad credentials or configuration, malformed answer). The invoice waits (AWAITING_TAX)
//   and TAX_ENGINE_UNAVAILABLE (TRANSIENT) is raised; it is never issued without tax.
// - TaxCalculationRejectedError: the engine judged the document itself (unknown
//   jurisdiction, no rate on the date, a missing nexus, a reused document id):
//   MISSING_TAX_PROFILE (DATA_FIX), then replay.
import { TransientWorkflowError } from '../../workflows/workflow.ts';

export type TaxEngineUnavailableReason =
  | 'not-configured' // no connector, no endpoint, no token, a 404/405 from the endpoint
  | 'unauthorized' // 401/403: the engine refused our token
  | 'network'
  | 'timeout'
  | 'server-error' // 5xx
  | 'rate-limited' // 429
  | 'redirect-refused' // 3xx: we call only the configured endpoint
  | 'invalid-response'; // 200 that does not answer the request we sent

export class TaxEngineUnavailableError extends TransientWorkflowError {
  /** The exception the caller raises for it. */
  readonly exceptionCode = 'TAX_ENGINE_UNAVAILABLE' as const;

  constructor(
    readonly reason: TaxEngineUnavailableReason,
    message: string,
    readonly details: { connectorCode: string; status?: number; retryAfterSeconds?: number; cause?: unknown },
  ) {
    super(message, { cause: details.cause });
    this.name = 'TaxEngineUnavailableError';
  }
}

export interface TaxRejection {
  /** The engine's problem code (UNKNOWN_JURISDICTION, NO_RATE_IN_EFFECT, IDEMPOTENCY_KEY_REUSED, ...), or MISSING_NEXUS decided before any call. */
  code: string;
  /** HTTP status of the engine's answer; null when decided without calling. */
  status: number | null;
  detail: string;
  jurisdiction?: string;
}

export class TaxCalculationRejectedError extends Error {
  /** The exception the caller raises for it (recoverability DATA_FIX). */
  readonly exceptionCode = 'MISSING_TAX_PROFILE' as const;

  constructor(
    readonly connectorCode: string,
    readonly rejection: TaxRejection,
  ) {
    super(`The tax engine rejected the document: ${rejection.detail}`);
    this.name = 'TaxCalculationRejectedError';
  }
}

export function isTaxEngineUnavailable(error: unknown): error is TaxEngineUnavailableError {
  return error instanceof TaxEngineUnavailableError;
}

export function isTaxCalculationRejected(error: unknown): error is TaxCalculationRejectedError {
  return error instanceof TaxCalculationRejectedError;
}
