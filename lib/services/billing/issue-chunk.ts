// Issues invoices of one legal entity whose tax came back, in the caller's transaction:
// lock them and keep those still AWAITING_TAX (a concurrent run may have issued some),
// assemble each with its tax per line (the core checks every invariant), find its posting
// period (a closed month posts to the next open one, flagged LATE_PERIOD_POSTING), take
// gap-free numbers, write status ISSUED with totals and tax, and in the same transaction
// POST_INVOICE to the ERP, audit and lineage (issue-effects.ts).
import type { TaxResult } from '../../connectors/tax/mapping.ts';
import type { Prisma } from '../../db/client.ts';
import { assembleInvoice, type AssembledInvoice } from '../../domain/billing/assemble-invoice.ts';
import { postingPeriod } from '../../domain/periods/posting-period.ts';
import { resolveCommandTarget } from '../../outbox/resolve-command-target.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import type { TaxJob } from './calculate-invoice-taxes.ts';
import type { BillingHeld } from './draft-engagement-invoices.ts';
import { applyIssueEffects, type ReadyInvoice } from './issue-effects.ts';
import { storedDraft, storedInvoiceInclude } from './stored-draft.ts';
import { takeInvoiceNumbers } from './take-invoice-numbers.ts';
import { periodsForPosting } from '../periods/periods-for-posting.ts';

export interface IssuedInvoice {
  id: string;
  number: string;
  engagementId: string;
  currency: string;
  subtotal: string;
  taxTotal: string;
  total: string;
  accountingPeriod: string;
  latePosting: boolean;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export async function issueChunk(
  tx: Prisma.TransactionClient,
  options: { items: readonly { job: TaxJob; result: TaxResult }[]; now: Date; actor: AuditActor },
): Promise<{ issued: IssuedInvoice[]; held: BillingHeld[] }> {
  const { now } = options;
  const taxOf = new Map(options.items.map((i) => [i.job.invoiceId, i.result]));
  const jobOf = new Map(options.items.map((i) => [i.job.invoiceId, i.job]));
  const locked = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id::text FROM "Invoice" WHERE id = ANY($1::uuid[]) AND status = 'AWAITING_TAX' ORDER BY id FOR UPDATE`,
    [...taxOf.keys()],
  );
  if (locked.length === 0) return { issued: [], held: [] };
  const invoices = await tx.invoice.findMany({ where: { id: { in: locked.map((r) => r.id) } }, include: storedInvoiceInclude });
  const held: BillingHeld[] = [];
  const hold = (invoiceId: string, code: string, message: string) => {
    const job = jobOf.get(invoiceId)!;
    held.push({ engagementId: job.engagementId, engagementCode: job.engagementCode, invoiceId, code, message });
  };

  const erp = await resolveCommandTarget(tx, 'ERP');
  if (!erp.ok) {
    for (const invoice of invoices) hold(invoice.id, 'ERP_NOT_CONFIGURED', `No ${erp.reason === 'missing' ? '' : 'single '}active ERP connector to post the invoice to (${erp.candidates.join(', ') || 'none'})`);
    return { issued: [], held };
  }
  const legalEntityId = invoices[0]!.legalEntityId;
  const periods = await periodsForPosting(tx, [legalEntityId]);

  const ready: ReadyInvoice[] = [];
  for (const invoice of sortForNumbering(invoices)) {
    const tax = taxOf.get(invoice.id)!;
    const byLine = new Map(tax.lines.map((l) => [l.lineId, l]));
    const issueDate = day(invoice.issueDate) ?? day(now)!;
    const assembled = assembleInvoice({
      draft: storedDraft(invoice),
      issueDate,
      paymentTermsDays: invoice.paymentTermsDays ?? 30,
      tax: { exempt: false, lines: invoice.lines.map((l) => ({ rate: byLine.get(l.id)?.rate ?? null, amount: byLine.get(l.id)?.taxAmount ?? null, taxCode: byLine.get(l.id)?.taxCode ?? null })) },
      alreadyBilledKeys: [],
    });
    if (!assembled.ok) {
      hold(invoice.id, 'ASSEMBLY_FAILED', assembled.errors.map((e) => e.message).join(' '));
      continue;
    }
    const posting = postingPeriod(issueDate, periods);
    if (!posting.ok) {
      hold(invoice.id, posting.code, `No open accounting period for ${posting.originalPeriod} or later in ${invoice.legalEntity.code}`);
      continue;
    }
    const period = periods.find((p) => p.period === posting.period)!;
    ready.push({ invoice, assembled: withTaxedInvoiceFlags(assembled.invoice, invoice.taxExempt), tax, period: { id: period.id, period: period.period, late: posting.late, originalPeriod: posting.late ? posting.originalPeriod : null }, number: '', sequenceNumber: 0 });
  }

  // Numbers last: only invoices that will be issued in this transaction take one.
  for (const year of new Set(ready.map((r) => r.assembled.issueDate.slice(0, 4)))) {
    const ofYear = ready.filter((r) => r.assembled.issueDate.startsWith(year));
    const numbers = await takeInvoiceNumbers(tx, { legalEntityId, legalEntityCode: ofYear[0]!.invoice.legalEntity.code, kind: 'INVOICE', issueDate: ofYear[0]!.assembled.issueDate, count: ofYear.length, now });
    ofYear.forEach((r, i) => Object.assign(r, numbers[i]));
  }
  await applyIssueEffects(tx, { ready, erp: erp.code, now, actor: options.actor });
  return {
    issued: ready.map(({ invoice, assembled, number, period }) => ({
      id: invoice.id,
      number,
      engagementId: invoice.engagementId,
      currency: assembled.currency,
      subtotal: assembled.subtotal,
      taxTotal: assembled.taxTotal,
      total: assembled.total,
      accountingPeriod: period.period,
      latePosting: period.late,
    })),
    held,
  };
}

/** Numbers follow the invoice date, then the engagement and the period billed: stable across runs. */
function sortForNumbering<T extends { issueDate: Date | null; engagement: { code: string }; billingPeriodKey: string | null; id: string }>(invoices: readonly T[]): T[] {
  const key = (i: T) => `${day(i.issueDate)}|${i.engagement.code}|${i.billingPeriodKey ?? ''}|${i.id}`;
  return [...invoices].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The engine still answers for exempt buyers (its exempt code is the record); the flag is the plan's. */
function withTaxedInvoiceFlags(invoice: AssembledInvoice, taxExempt: boolean): AssembledInvoice {
  return { ...invoice, taxExempt };
}
