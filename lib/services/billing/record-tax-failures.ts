// Invoices the tax engine did not answer for stay AWAITING_TAX — never issued without tax —
// and each gets its exception: TAX_ENGINE_UNAVAILABLE (TRANSIENT: the next run or the
// retry job sends it again) or MISSING_TAX_PROFILE (DATA_FIX: fix the plan's or client's
// tax profile; the next try reads it). Impact: the invoice's subtotal, which waits.
import { db } from '../../db/client.ts';
import { raiseException } from '../exceptions/raise-exception.ts';
import type { TaxOutcome } from './calculate-invoice-taxes.ts';
import type { BillingHeld } from './draft-engagement-invoices.ts';

export async function recordTaxFailures(outcomes: readonly TaxOutcome[], now: Date): Promise<BillingHeld[]> {
  const failures = outcomes.filter((o): o is Extract<TaxOutcome, { ok: false }> => !o.ok);
  if (failures.length === 0) return [];
  await db().$transaction(
    async (tx) => {
      for (const failure of failures) {
        if (failure.code === 'TAX_ERROR') continue; // logged; not a business exception
        const { job } = failure;
        await raiseException(tx, {
          code: failure.code,
          entityType: 'Invoice',
          entityId: job.invoiceId,
          correlationId: job.correlationId,
          legalEntityId: job.legalEntityId,
          title:
            failure.code === 'TAX_ENGINE_UNAVAILABLE'
              ? `Invoice of ${job.engagementCode} waits for tax: the tax engine is unavailable`
              : `Invoice of ${job.engagementCode} waits for tax: the tax engine rejected its tax profile`,
          impact: { amount: job.subtotal, currency: job.currency, date: job.issueDate },
          details: { ...failure.details, message: failure.message, engagementCode: job.engagementCode },
          raisedBy: 'billing-run',
          now,
        });
      }
    },
    { timeout: 60_000 },
  );
  return failures.map(({ job, code, message }) => ({ engagementId: job.engagementId, engagementCode: job.engagementCode, invoiceId: job.invoiceId, code, message }));
}
