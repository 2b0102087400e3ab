// Drafting for one batch of engagements, in one transaction: lock the engagements (in id
// order, FOR NO KEY UPDATE — a concurrent run waits and then finds their sources billed,
// while time and expenses can still be inserted under them), load their unbilled sources,
// ask the billing core what is due, write the drafts and raise exceptions for sources that
// cannot be billed. Should a source be billed under the run's feet anyway (the unique
// billing key refuses it), the batch is retried engagement by engagement, so one conflict
// costs one engagement, not five hundred.
import { db, type Prisma } from '../../db/client.ts';
import type { IsoDate } from '../../domain/periods/calendar-date.ts';
import { log } from '../../log.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { raiseException } from '../exceptions/raise-exception.ts';
import { draftEngagementInvoices, type BillingHeld, type EngagementDraft } from './draft-engagement-invoices.ts';
import { loadBillingInputs } from './load-billing-inputs.ts';
import { loadFxLookup } from './load-fx-lookup.ts';
import { isBillingConflict, writeInvoiceDrafts, type DraftedInvoice } from './write-invoice-drafts.ts';

export const BATCH_TRANSACTION = { timeout: 120_000, maxWait: 60_000 } as const;

export interface DraftingResult {
  drafted: DraftedInvoice[];
  held: BillingHeld[];
}

export async function draftInvoices(options: { engagementIds: readonly string[]; asOf: IsoDate; now: Date; actor: AuditActor }): Promise<DraftingResult> {
  try {
    return await db().$transaction((tx) => draftInTransaction(tx, options), BATCH_TRANSACTION);
  } catch (error) {
    if (!isBillingConflict(error)) throw error;
    if (options.engagementIds.length === 1) {
      const engagementId = options.engagementIds[0]!;
      log.warn('billing conflict on an engagement; left for the next run', { engagementId, err: error });
      const engagement = await db().engagement.findUnique({ where: { id: engagementId }, select: { code: true } });
      return { drafted: [], held: [{ engagementId, engagementCode: engagement?.code ?? '', code: 'BILLING_CONFLICT', message: 'A source of this engagement is already billed elsewhere; nothing of it was billed in this run.' }] };
    }
  }
  const results: DraftingResult = { drafted: [], held: [] };
  for (const id of options.engagementIds) {
    const one = await draftInvoices({ ...options, engagementIds: [id] });
    results.drafted.push(...one.drafted);
    results.held.push(...one.held);
  }
  return results;
}

async function draftInTransaction(tx: Prisma.TransactionClient, options: { engagementIds: readonly string[]; asOf: IsoDate; now: Date; actor: AuditActor }): Promise<DraftingResult> {
  const { asOf, now, actor } = options;
  const locked = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id::text FROM "Engagement" WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
    [...options.engagementIds],
  );
  const inputs = await loadBillingInputs(tx, { engagementIds: locked.map((r) => r.id), asOf });
  const currencies = inputs.flatMap((i) => [i.engagement.currency, ...i.expenses.map((e) => e.currency)]);
  const fx = await loadFxLookup(tx, { currencies, through: asOf });

  const drafts: EngagementDraft[] = [];
  const held: BillingHeld[] = [];
  for (const input of inputs) {
    const result = draftEngagementInvoices(input, { asOf, fx });
    drafts.push(...result.drafts);
    held.push(...result.held);
    for (const source of result.heldSources) {
      const entityType = source.sourceKind === 'EXPENSE' ? 'Expense' : source.sourceKind === 'MILESTONE' ? 'Milestone' : 'TimeTransaction';
      await raiseException(tx, {
        code: source.code,
        entityType,
        entityId: source.sourceId,
        correlationId: source.engagement.correlationId,
        legalEntityId: source.engagement.legalEntityId,
        title: `Not billed on ${source.engagement.code}: ${source.message}`,
        details: { engagementCode: source.engagement.code, sourceKind: source.sourceKind, asOf },
        raisedBy: 'billing-run',
        now,
      });
    }
  }
  const drafted = await writeInvoiceDrafts(tx, { drafts, issueDate: asOf, now, actor });
  return { drafted, held };
}
