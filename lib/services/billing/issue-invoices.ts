// The issuing step of a run: invoices whose tax came back are issued per legal entity in
// chunks, each chunk one transaction (issue-chunk.ts). Chunks keep the invoice-number
// sequence locked briefly — other issuers of the entity wait for one chunk, not a run —
// and a failing chunk leaves its invoices AWAITING_TAX for the next try.
import type { TaxResult } from '../../connectors/tax/mapping.ts';
import { db } from '../../db/client.ts';
import { log } from '../../log.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import type { TaxJob } from './calculate-invoice-taxes.ts';
import type { BillingHeld } from './draft-engagement-invoices.ts';
import { BATCH_TRANSACTION } from './draft-invoices.ts';
import { issueChunk, type IssuedInvoice } from './issue-chunk.ts';

const CHUNK = 100;

export async function issueInvoices(options: { calculated: readonly { job: TaxJob; result: TaxResult }[]; now: Date; actor: AuditActor }): Promise<{ issued: IssuedInvoice[]; held: BillingHeld[] }> {
  const byEntity = new Map<string, { job: TaxJob; result: TaxResult }[]>();
  for (const item of options.calculated) {
    const of = byEntity.get(item.job.legalEntityId);
    if (of) of.push(item);
    else byEntity.set(item.job.legalEntityId, [item]);
  }
  const issued: IssuedInvoice[] = [];
  const held: BillingHeld[] = [];
  for (const items of byEntity.values()) {
    for (let i = 0; i < items.length; i += CHUNK) {
      const chunk = items.slice(i, i + CHUNK);
      try {
        const result = await db().$transaction((tx) => issueChunk(tx, { items: chunk, now: options.now, actor: options.actor }), BATCH_TRANSACTION);
        issued.push(...result.issued);
        held.push(...result.held);
      } catch (error) {
        log.error('issuing a chunk of invoices failed; they stay AWAITING_TAX', { invoices: chunk.length, err: error });
        held.push(...chunk.map(({ job }) => ({ engagementId: job.engagementId, engagementCode: job.engagementCode, invoiceId: job.invoiceId, code: 'ISSUE_FAILED', message: error instanceof Error ? error.message : String(error) })));
      }
    }
  }
  return { issued, held };
}
