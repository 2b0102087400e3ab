// The tax step of a run, outside any database transaction (a network call must not hold
// locks): the tax document of each AWAITING_TAX invoice — its id as the document id (the
// engine's idempotency key), its fixed invoice date, the seller, the buyer's current tax
// profile (the plan's, else the client's: a data fix is picked up by the next try) and
// each line with its SKU — sent with bounded concurrency. After a few consecutive
// "unavailable" answers the rest are not sent: they wait with the same exception.
import { calculateTax, DEFAULT_TAX_CONNECTOR, type CalculateTaxOptions } from '../../connectors/tax/calculate-tax.ts';
import { isTaxCalculationRejected, isTaxEngineUnavailable, TaxEngineUnavailableError } from '../../connectors/tax/errors.ts';
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
  document: Omit<CalculateTaxOptions, 'tx' | 'connectorCode' | 'now' | 'timeoutMs'>;
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
const GIVE_UP_AFTER_UNAVAILABLE = 3;

/** A line's SKU for the engine: its catalog item, else its role's advisory SKU, else its kind's. */
export function lineSku(line: { kind: InvoiceLineKind; sku: string | null; role: string | null }): string {
  return line.sku ?? (line.role ? ROLE_BILLING_SKU[line.role as ServiceRoleCode] : undefined) ?? FALLBACK_SKU[line.kind];
}

export async function calculateInvoiceTaxes(jobs: readonly TaxJob[], options: { connectorCode?: string; concurrency?: number }): Promise<TaxOutcome[]> {
  const connectorCode = options.connectorCode ?? DEFAULT_TAX_CONNECTOR;
  const outcomes: TaxOutcome[] = new Array(jobs.length);
  let next = 0;
  let unavailableInARow = 0;
  let lastUnavailable: TaxEngineUnavailableError | null = null;

  const work = async () => {
    for (let i = next++; i < jobs.length; i = next++) {
      const job = jobs[i]!;
      if (lastUnavailable && unavailableInARow >= GIVE_UP_AFTER_UNAVAILABLE) {
        outcomes[i] = unavailable(job, lastUnavailable, true);
        continue;
      }
      try {
        // The connector's credentials are valid by the wall clock, not by the run's business date.
        const result = await calculateTax({ ...job.document, connectorCode });
        unavailableInARow = 0;
        outcomes[i] = { job, ok: true, result };
      } catch (error) {
        if (isTaxEngineUnavailable(error)) {
          unavailableInARow += 1;
          lastUnavailable = error;
          outcomes[i] = unavailable(job, error, false);
        } else if (isTaxCalculationRejected(error)) {
          outcomes[i] = { job, ok: false, code: 'MISSING_TAX_PROFILE', message: error.message, details: { ...error.rejection, connector: error.connectorCode } };
        } else {
          log.error('tax calculation failed unexpectedly', { invoiceId: job.invoiceId, err: error });
          outcomes[i] = { job, ok: false, code: 'TAX_ERROR', message: error instanceof Error ? error.message : String(error), details: {} };
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, jobs.length)) }, work));
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
