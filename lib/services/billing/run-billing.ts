// The billing run (DESIGN.md §5 `POST /api/v1/billing/runs`, §6): issues every invoice due
// by asOf, for every ACTIVE engagement (of one legal entity, when named).
//   1. draft — per batch of engagements, one transaction: lock, load unbilled sources, the
//      core decides what is due, drafts are written AWAITING_TAX with their sources (the
//      billing key is UNIQUE while in force, so no source is ever billed twice);
//   2. tax — outside any transaction, the batch's invoices go to the tax engine;
//   3. issue — per legal entity, in chunks: numbers, tax, totals, period, outbox, audit.
// Steps 2 and 3 of a batch run while the next batch is drafted. Then every AWAITING_TAX
// invoice of the scope the run has not sent yet (those earlier runs left waiting) is taxed
// and issued the same way.
// Running it again issues nothing new: billed sources are no longer unbilled, and the
// invoices still waiting for tax are the same documents, sent again under the same ids.
import { db } from '../../db/client.ts';
import { isIsoDate, type IsoDate } from '../../domain/periods/calendar-date.ts';
import { AppError } from '../../errors.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { calculateInvoiceTaxes, type TaxJob } from './calculate-invoice-taxes.ts';
import type { BillingHeld } from './draft-engagement-invoices.ts';
import { draftInvoices } from './draft-invoices.ts';
import type { IssuedInvoice } from './issue-chunk.ts';
import { issueInvoices } from './issue-invoices.ts';
import { loadTaxJobs, type BillingScope } from './load-tax-jobs.ts';
import { recordTaxFailures } from './record-tax-failures.ts';
import { summarizeRun, type BillingRunSummary } from './run-summary.ts';

export interface RunBillingOptions {
  asOf: IsoDate;
  legalEntityCode?: string;
  /** Only these engagements (an on-demand run for one engagement; tests). */
  engagementIds?: readonly string[];
  /** false: only retry the invoices waiting for tax (the retry job). */
  draft?: boolean;
  now: Date;
  actor: AuditActor;
  taxConnectorCode?: string;
  batchSize?: number;
  taxConcurrency?: number;
}

const DEFAULT_BATCH = 500;

export async function runBilling(options: RunBillingOptions): Promise<BillingRunSummary> {
  const { asOf, now, actor } = options;
  if (!isIsoDate(asOf)) throw new AppError('VALIDATION_FAILED', `asOf must be a calendar date (YYYY-MM-DD), got "${asOf}".`);
  if (asOf > now.toISOString().slice(0, 10)) throw new AppError('VALIDATION_FAILED', `asOf ${asOf} is in the future: only what is due by today can be invoiced.`);
  const scope: BillingScope = { engagementIds: options.engagementIds };
  if (options.legalEntityCode) {
    const entity = await db().legalEntity.findUnique({ where: { code: options.legalEntityCode }, select: { id: true } });
    if (!entity) throw new AppError('VALIDATION_FAILED', `There is no legal entity ${options.legalEntityCode}.`);
    scope.legalEntityId = entity.id;
  }
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const held: BillingHeld[] = [];
  const issued: IssuedInvoice[] = [];
  const tried = new Set<string>();
  let drafted = 0;
  let engagements = 0;

  // Tax and issue for a set of waiting invoices; each is sent to the engine once per run.
  const taxAndIssue = async (jobs: readonly TaxJob[]) => {
    for (const job of jobs) tried.add(job.invoiceId);
    if (jobs.length === 0) return;
    const outcomes = await calculateInvoiceTaxes(jobs, { connectorCode: options.taxConnectorCode, concurrency: options.taxConcurrency });
    held.push(...(await recordTaxFailures(outcomes, now)));
    const calculated = outcomes.flatMap((o) => (o.ok ? [{ job: o.job, result: o.result }] : []));
    const result = await issueInvoices({ calculated, now, actor });
    issued.push(...result.issued);
    held.push(...result.held);
  };

  if (options.draft !== false) {
    // A pipeline of two: the next batch is drafted while the previous one's invoices are
    // taxed and issued, so that Node works while PostgreSQL writes (and the other way
    // round). Issuing stays one chunk at a time, so numbers are taken in one order.
    let issuing: Promise<void> = Promise.resolve();
    try {
      for (let after: string | null = null; ; ) {
        const ids = await engagementPage(scope, after, batchSize);
        if (ids.length === 0) break;
        engagements += ids.length;
        const result = await draftInvoices({ engagementIds: ids, asOf, now, actor });
        drafted += result.drafted.length;
        held.push(...result.held);
        after = ids.at(-1)!;
        await issuing;
        const invoiceIds = result.drafted.map((d) => d.id);
        issuing = (async () => {
          for (let i = 0; i < invoiceIds.length; i += batchSize) await taxAndIssue(await loadTaxJobs({ scope: { invoiceIds: invoiceIds.slice(i, i + batchSize) }, after: null, limit: batchSize }));
        })();
        issuing.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
      }
    } catch (error) {
      // Drafting failed: the run ends only once the batch being issued is done, never under its feet.
      await issuing.catch(() => undefined);
      throw error;
    }
    await issuing;
  }

  // Then every invoice of the scope still waiting for tax that this run has not sent yet:
  // those earlier runs left waiting (the retry job runs only this part).
  for (let after: string | null = null; ; ) {
    const jobs = await loadTaxJobs({ scope, after, limit: batchSize });
    if (jobs.length === 0) break;
    await taxAndIssue(jobs.filter((job) => !tried.has(job.invoiceId)));
    after = jobs.at(-1)!.invoiceId;
  }

  const awaitingTax = await db().invoice.count({
    where: { status: 'AWAITING_TAX', ...(scope.legalEntityId ? { legalEntityId: scope.legalEntityId } : {}), ...(scope.engagementIds ? { engagementId: { in: [...scope.engagementIds] } } : {}) },
  });
  return summarizeRun({ asOf, legalEntityCode: options.legalEntityCode ?? null, engagements, drafted, issued, awaitingTax, held });
}

async function engagementPage(scope: BillingScope, after: string | null, limit: number): Promise<string[]> {
  const id = { ...(after ? { gt: after } : {}), ...(scope.engagementIds ? { in: [...scope.engagementIds] } : {}) };
  const rows = await db().engagement.findMany({
    where: { status: 'ACTIVE', ...(scope.legalEntityId ? { legalEntityId: scope.legalEntityId } : {}), id },
    orderBy: { id: 'asc' },
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
