// The tax step of a run, outside any database transaction (a network call must not hold
// locks): the tax document of each AWAITING_TAX invoice — its id as the document id (the
// engine's idempotency key), its fixed invoice date, the seller, the buyer's current tax
// profile (the plan's, else the client's: a data fix is picked up by the next try) and
// each line with its SKU — sent TAX_BATCH documents per call to the engine's batch
// endpoint, a couple of calls in flight. The connector (endpoint, decrypted token) is read
// once per page of jobs. After a few consecutive calls that failed as a whole the rest are
// not sent: they wait with the same exception.
import { DEFAULT_TAX_CONNECTOR, loadTaxTarget } from '../../connectors/tax/calculate-tax.ts';
import { calculateTaxes, type TaxDocumentInput } from '../../connectors/tax/calculate-taxes.ts';
import { isTaxEngineUnavailable, type TaxCalculationRejectedError, type TaxEngineUnavailableError } from '../../connectors/tax/errors.ts';
import type { TaxResult } from '../../connectors/tax/mapping.ts';
import type { InvoiceLineKind } from '../../db/generated/enums.ts';
import { ROLE_BILLING_SKU, type ServiceRoleCode } from '../../domain/reference/reference-data.ts';
import { log } from '../../log.ts';

export interface TaxJob {
  invoiceId: string;
  engagementId: string;
  engagementCode: string;
  correlationId: string;
  legalEntityId: string;
  currency: string;
  subtotal: string;
  issueDate: Date;
  document: TaxDocumentInput;
}

export type TaxOutcome =
  | { job: TaxJob; ok: true; result: TaxResult }
  | { job: TaxJob; ok: false; code: 'TAX_ENGINE_UNAVAILABLE' | 'MISSING_TAX_PROFILE' | 'TAX_ERROR'; message: string; details: Record<string, unknown> };

const FALLBACK_SKU: Record<InvoiceLineKind, string> = {
  TIME: 'ADV-CONSULTANT',
  ADJUSTMENT: 'ADV-CONSULTANT',
  MILESTONE: 'FF-TRANSFORM',
  RETAINER_FEE: 'MS-RETAINER',
  USAGE_OVERAGE: 'MS-OVERAGE',
  EXPENSE: 'EXP-TRAVEL',
  CREDIT: 'ADV-CONSULTANT',
};
/** Consecutive calls that failed as a whole, after which the rest of the page is not sent. */
const GIVE_UP_AFTER_UNAVAILABLE = 3;
/** Documents per call to the engine's batch endpoint, and calls in flight. */
const TAX_BATCH = 100;
const TAX_CALLS_IN_FLIGHT = 2;

/** A line's SKU for the engine: its catalog item, else its role's advisory SKU, else its kind's. */
export function lineSku(line: { kind: InvoiceLineKind; sku: string | null; role: string | null }): string {
  return line.sku ?? (line.role ? ROLE_BILLING_SKU[line.role as ServiceRoleCode] : undefined) ?? FALLBACK_SKU[line.kind];
}

export async function calculateInvoiceTaxes(jobs: readonly TaxJob[], options: { connectorCode?: string; concurrency?: number; batchSize?: number }): Promise<TaxOutcome[]> {
  const connectorCode = options.connectorCode ?? DEFAULT_TAX_CONNECTOR;
  const batchSize = options.batchSize ?? TAX_BATCH;
  const outcomes: TaxOutcome[] = new Array(jobs.length);
  let target;
  try {
    // The connector's credentials are valid by the wall clock, not by the run's business date.
    target = await loadTaxTarget({ connectorCode });
  } catch (error) {
    if (!isTaxEngineUnavailable(error)) throw error;
    // As if each had been sent: the first few answered "unavailable", the rest were not sent.
    return jobs.map((job, i) => unavailable(job, error, i >= GIVE_UP_AFTER_UNAVAILABLE));
  }

  let next = 0;
  let failedCallsInARow = 0;
  let lastUnavailable: TaxEngineUnavailableError | null = null;
  const work = async () => {
    for (let from = next, to = (next += batchSize); from < jobs.length; from = next, to = next += batchSize) {
      const batch = jobs.slice(from, to);
      if (lastUnavailable && failedCallsInARow >= GIVE_UP_AFTER_UNAVAILABLE) {
        batch.forEach((job, i) => (outcomes[from + i] = unavailable(job, lastUnavailable!, true)));
        continue;
      }
      let answers;
      try {
        answers = await calculateTaxes(batch.map((job) => job.document), { target });
      } catch (error) {
        log.error('tax calculation failed unexpectedly', { invoices: batch.length, err: error });
        const message = error instanceof Error ? error.message : String(error);
        batch.forEach((job, i) => (outcomes[from + i] = { job, ok: false, code: 'TAX_ERROR', message, details: {} }));
        continue;
      }
      // The call failed as a whole when no document got an answer of the engine's own.
      const callFailed = answers.every((a) => !a.ok && isTaxEngineUnavailable(a.error));
      failedCallsInARow = callFailed ? failedCallsInARow + 1 : 0;
      answers.forEach((answer, i) => {
        const job = batch[i]!;
        if (answer.ok) outcomes[from + i] = { job, ok: true, result: answer.result };
        else if (isTaxEngineUnavailable(answer.error)) {
          lastUnavailable = answer.error;
          outcomes[from + i] = unavailable(job, answer.error, false);
        } else {
          const rejected = answer.error as TaxCalculationRejectedError;
          outcomes[from + i] = { job, ok: false, code: 'MISSING_TAX_PROFILE', message: rejected.message, details: { ...rejected.rejection, connector: rejected.connectorCode } };
        }
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? TAX_CALLS_IN_FLIGHT, Math.ceil(jobs.length / batchSize))) }, work));
  return outcomes;
}

function unavailable(job: TaxJob, error: TaxEngineUnavailableError, skipped: boolean): TaxOutcome {
  return {
    job,
    ok: false,
    code: 'TAX_ENGINE_UNAVAILABLE',
    message: skipped ? `Not sent: the tax engine kept failing (${error.message})` : error.message,
    details: { reason: error.reason, connector: error.details.connectorCode, status: error.details.status ?? null, skipped },
  };
}
