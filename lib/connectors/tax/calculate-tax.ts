// Tax for an invoice, from the tax-engine connector at invoice time (DESIGN.md §6). The
// invoice workflow calls this and either gets tax per line, or an error that says what to
// do (errors.ts): wait and retry (TAX_ENGINE_UNAVAILABLE) or fix data (MISSING_TAX_PROFILE).
//
// Decisions:
// - Idempotency-Key = documentId: a retry after a timeout gets the engine's first answer.
//   The engine stores only calculations, so a document it rejected can be sent again
//   under the same key after the data fix; a different body for a calculated document is
//   its 409, a rejection (the invoice changed after its tax was set).
// - Exempt buyers are still sent: the engine holds the exemption certificates and returns
//   the exempt tax code the invoice line records. Its answer wins; a non-zero tax for an
//   exempt buyer (e.g. an expired certificate) is accepted and logged, never overridden.
//   While the engine is unavailable they wait like every other invoice.
// - No table records the call (it is synchronous, not an outbox command); each call is
//   logged with the correlation id, status, outcome and duration.
import type { Prisma } from '../../db/client.ts';
import { dec } from '../../domain/money/decimal.ts';
import { currentCorrelationId, log } from '../../log.ts';
import { loadOutboundTarget, OutboundTargetError, type OutboundTarget } from '../outbound-target.ts';
import { postToTaxEngine } from './client.ts';
import { TaxCalculationRejectedError, TaxEngineUnavailableError } from './errors.ts';
import { fromEngineResponse, toEngineRequest, type TaxDocument, type TaxResult } from './mapping.ts';

export const DEFAULT_TAX_CONNECTOR = 'tax';
export const DEFAULT_TAX_TIMEOUT_MS = 5_000;
const CALCULATE_PATH = 'v1/tax/calculate';

export interface CalculateTaxOptions extends Omit<TaxDocument, 'buyer'> {
  /** Reads the connector within the caller's transaction. The HTTP call holds it open for up to timeoutMs. */
  tx?: Prisma.TransactionClient;
  connectorCode?: string;
  /** nexus null/empty: the client has no tax profile; rejected without a call. */
  buyer: { nexus: string | null; exempt: boolean };
  timeoutMs?: number;
  now?: Date;
  /** The engine's endpoint and token (loadTaxTarget), when the caller sends many documents; read here otherwise. */
  target?: OutboundTarget;
}

/** Where and as whom to call the engine; a connector that is not usable is the engine being unavailable. */
export async function loadTaxTarget(options: { tx?: Prisma.TransactionClient; connectorCode?: string; now?: Date }): Promise<OutboundTarget> {
  const { connectorCode = DEFAULT_TAX_CONNECTOR, now = new Date() } = options;
  try {
    return await loadOutboundTarget({ tx: options.tx, code: connectorCode, kind: 'TAX', now });
  } catch (error) {
    if (!(error instanceof OutboundTargetError)) throw error;
    throw new TaxEngineUnavailableError('not-configured', `Tax engine ${connectorCode}: ${error.message}`, { connectorCode });
  }
}

export async function calculateTax(options: CalculateTaxOptions): Promise<TaxResult> {
  const { tx, connectorCode = DEFAULT_TAX_CONNECTOR, timeoutMs = DEFAULT_TAX_TIMEOUT_MS, now = new Date(), buyer, target: given, ...rest } = options;
  if (!buyer.nexus) {
    throw new TaxCalculationRejectedError(connectorCode, { code: 'MISSING_NEXUS', status: null, detail: 'The buyer has no tax nexus (jurisdiction) to tax the invoice in.' });
  }
  const document: TaxDocument = { ...rest, buyer: { nexus: buyer.nexus, exempt: buyer.exempt } };
  const body = toEngineRequest(document);

  const target = given ?? (await loadTaxTarget({ tx, connectorCode, now }));

  const startedMs = Date.now();
  const fields = { connector: connectorCode, documentId: document.documentId, endpoint: target.baseUrl.origin };
  try {
    const answer = await postToTaxEngine({ target, path: CALCULATE_PATH, body, idempotencyKey: document.documentId, timeoutMs, correlationId: currentCorrelationId() });
    const result = fromEngineResponse(document, answer.body, connectorCode, answer.replayed);
    if ('invalid' in result) {
      throw new TaxEngineUnavailableError('invalid-response', `Tax engine ${connectorCode}: the answer is not usable: ${result.invalid}`, { connectorCode, status: answer.status });
    }
    log.info('tax calculated', { ...fields, outcome: 'ok', replayed: result.replayed, totalTax: result.totalTax, ms: Date.now() - startedMs });
    if (buyer.exempt && !dec(result.totalTax).isZero()) log.warn('tax engine charged tax to an exempt buyer; its answer stands', { ...fields, totalTax: result.totalTax });
    return result;
  } catch (error) {
    log.warn('tax calculation failed', { ...fields, ...failureOf(error), ms: Date.now() - startedMs, err: error });
    throw error;
  }
}

function failureOf(error: unknown): { outcome: string; status?: number | null } {
  if (error instanceof TaxEngineUnavailableError) return { outcome: `unavailable:${error.reason}`, status: error.details.status };
  if (error instanceof TaxCalculationRejectedError) return { outcome: `rejected:${error.rejection.code}`, status: error.rejection.status };
  return { outcome: 'error' };
}
