// Tax for many invoices in one call to the engine's batch endpoint (POST
// v1/tax/calculate/batch): a billing run sends thousands of documents, and one HTTP
// exchange per document costs more CPU here and in the engine than the calculations. Each
// document keeps its own outcome, exactly as calculateTax would give it: its result, its
// rejection (MISSING_TAX_PROFILE) or unavailable; a failure of the call itself (down,
// 429, 5xx, timeout, bad token) makes every document of the call unavailable. Each
// document's id is its idempotency key, as for a single call.
import { dec } from '../../domain/money/decimal.ts';
import { currentCorrelationId, log } from '../../log.ts';
import { z } from 'zod';
import type { OutboundTarget } from '../outbound-target.ts';
import { DEFAULT_TAX_TIMEOUT_MS, type CalculateTaxOptions } from './calculate-tax.ts';
import { postToTaxEngine } from './client.ts';
import { TaxCalculationRejectedError, TaxEngineUnavailableError } from './errors.ts';
import { fromEngineResponse, toEngineRequest, type TaxDocument, type TaxResult } from './mapping.ts';

const BATCH_PATH = 'v1/tax/calculate/batch';

export type TaxDocumentInput = Omit<CalculateTaxOptions, 'tx' | 'connectorCode' | 'now' | 'timeoutMs' | 'target'>;
export type TaxDocumentOutcome = { ok: true; result: TaxResult } | { ok: false; error: TaxEngineUnavailableError | TaxCalculationRejectedError };

const batchAnswerSchema = z.object({
  results: z.array(z.object({ documentId: z.string().nullable(), status: z.number().int(), body: z.unknown().optional(), replayed: z.boolean().optional(), problem: z.object({ code: z.string().optional(), detail: z.string().optional(), jurisdiction: z.string().optional() }).loose().optional() })),
});

export async function calculateTaxes(documents: readonly TaxDocumentInput[], options: { target: OutboundTarget; timeoutMs?: number }): Promise<TaxDocumentOutcome[]> {
  const { target } = options;
  const connectorCode = target.code;
  const outcomes: (TaxDocumentOutcome | undefined)[] = documents.map(({ buyer }) =>
    buyer.nexus ? undefined : { ok: false, error: new TaxCalculationRejectedError(connectorCode, { code: 'MISSING_NEXUS', status: null, detail: 'The buyer has no tax nexus (jurisdiction) to tax the invoice in.' }) },
  );
  const sent = documents.flatMap((input, index) => (outcomes[index] ? [] : [{ index, document: { ...input, buyer: { nexus: input.buyer.nexus!, exempt: input.buyer.exempt } } satisfies TaxDocument }]));
  if (sent.length === 0) return outcomes as TaxDocumentOutcome[];

  const startedMs = Date.now();
  const fields = { connector: connectorCode, documents: sent.length, endpoint: target.baseUrl.origin };
  let results: z.infer<typeof batchAnswerSchema>['results'];
  try {
    const answer = await postToTaxEngine({ target, path: BATCH_PATH, body: { documents: sent.map((s) => toEngineRequest(s.document)) }, timeoutMs: options.timeoutMs ?? DEFAULT_TAX_TIMEOUT_MS, correlationId: currentCorrelationId() });
    const parsed = batchAnswerSchema.safeParse(answer.body);
    if (!parsed.success || parsed.data.results.length !== sent.length) {
      throw new TaxEngineUnavailableError('invalid-response', `Tax engine ${connectorCode}: the batch answer is not usable (${parsed.success ? `${parsed.data.results.length} results for ${sent.length} documents` : 'unexpected shape'})`, { connectorCode, status: answer.status });
    }
    results = parsed.data.results;
  } catch (error) {
    // The call failed as a whole: every document in it shares the failure.
    if (!(error instanceof TaxEngineUnavailableError || error instanceof TaxCalculationRejectedError)) throw error;
    log.warn('tax batch failed', { ...fields, ms: Date.now() - startedMs, err: error });
    for (const { index } of sent) outcomes[index] = { ok: false, error };
    return outcomes as TaxDocumentOutcome[];
  }

  sent.forEach(({ index, document }, i) => {
    outcomes[index] = outcomeOf(document, results[i]!, connectorCode);
  });
  const rejected = outcomes.filter((o) => o && !o.ok).length;
  log.info('taxes calculated', { ...fields, rejected, ms: Date.now() - startedMs });
  return outcomes as TaxDocumentOutcome[];
}

function outcomeOf(document: TaxDocument, result: z.infer<typeof batchAnswerSchema>['results'][number], connectorCode: string): TaxDocumentOutcome {
  const unavailable = (message: string) => ({ ok: false as const, error: new TaxEngineUnavailableError(result.status === 429 ? 'rate-limited' : result.status >= 500 ? 'server-error' : 'invalid-response', `Tax engine ${connectorCode}: ${message}`, { connectorCode, status: result.status }) });
  if (result.documentId !== document.documentId) return unavailable(`the batch answer for ${document.documentId} names document ${result.documentId ?? 'none'}`);
  if (result.status === 200) {
    const taxed = fromEngineResponse(document, result.body, connectorCode, result.replayed ?? false);
    if ('invalid' in taxed) return unavailable(`the answer is not usable: ${taxed.invalid}`);
    if (document.buyer.exempt && !dec(taxed.totalTax).isZero()) log.warn('tax engine charged tax to an exempt buyer; its answer stands', { connector: connectorCode, documentId: document.documentId, totalTax: taxed.totalTax });
    return { ok: true, result: taxed };
  }
  const detail = result.problem?.detail ?? `HTTP ${result.status}`;
  if (result.status === 429 || result.status >= 500) return unavailable(`${result.status} ${detail}`);
  // A 4xx is the engine judging this document (unknown jurisdiction, no rate, reused id).
  return { ok: false, error: new TaxCalculationRejectedError(connectorCode, { status: result.status, code: result.problem?.code ?? `HTTP_${result.status}`, detail, ...(result.problem?.jurisdiction ? { jurisdiction: result.problem.jurisdiction } : {}) }) };
}
