// The revenue run (DESIGN.md §5 POST /api/v1/revenue/runs, §6): recognises every
// engagement's revenue through asOf, in batches of engagements (one transaction each, so a
// run over 10,000 engagements holds no lock for long and a failure loses one batch, which
// the next run redoes). Repeatable: what is posted is the difference between what the facts
// say is earned and what the ledger holds, so a second identical run posts nothing.
import { db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { isIsoDate, type IsoDate } from '../../domain/periods/calendar-date.ts';
import { log } from '../../log.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { dayOf } from './revenue-facts.ts';
import { addOutcome, emptySummary, type RevenueRunSummary } from './revenue-run-summary.ts';
import { runRevenueBatch } from './run-revenue-batch.ts';

export interface RunRevenueOptions {
  /** Recognise through this date (YYYY-MM-DD), not after today. */
  asOf: IsoDate;
  /** Only engagements of this legal entity. */
  legalEntityCode?: string | null;
  /** Only these engagements (ids). */
  engagementIds?: readonly string[];
  now: Date;
  actor: AuditActor;
  /** Engagements per transaction. */
  batchSize?: number;
}

export const DEFAULT_REVENUE_BATCH_SIZE = 200;

export async function runRevenue(options: RunRevenueOptions): Promise<RevenueRunSummary> {
  const { asOf, now, actor } = options;
  if (!isIsoDate(asOf)) throw invalid('/asOf', `asOf must be a calendar date (YYYY-MM-DD), got ${asOf}`);
  // Recognising through a day that has not happened would book retainer fees and POC
  // measurements ahead of delivery.
  if (asOf > dayOf(now)) throw invalid('/asOf', `asOf ${asOf} is in the future: revenue is recognised through today (${dayOf(now)}) at the latest`);
  const legalEntityCode = options.legalEntityCode?.trim() || null;
  const legalEntityId = legalEntityCode ? await findLegalEntityId(legalEntityCode) : undefined;
  const batchSize = options.batchSize ?? DEFAULT_REVENUE_BATCH_SIZE;
  const engagementIds = options.engagementIds ? [...options.engagementIds] : undefined;

  const summary = emptySummary(asOf, legalEntityCode);
  const startedAt = performance.now();
  let cursor: string | undefined;
  for (;;) {
    const page = await db().engagement.findMany({
      where: { billingPlan: { isNot: null }, legalEntityId, id: { gt: cursor, in: engagementIds } },
      orderBy: { id: 'asc' },
      take: batchSize,
      select: { id: true },
    });
    if (page.length === 0) break;
    const ids = page.map((p) => p.id);
    // Waiting for another run's locks counts against the timeout: allow for a whole batch of it.
    const batch = await db().$transaction((tx) => runRevenueBatch(tx, { engagementIds: ids, asOf, now, actor }), { maxWait: 30_000, timeout: 300_000 });
    for (const outcome of batch.outcomes) addOutcome(summary, outcome);
    summary.exceptionsRaised += batch.exceptionsRaised;
    cursor = ids.at(-1);
    if (page.length < batchSize) break;
  }
  log.info('revenue run finished', {
    asOf,
    legalEntityCode,
    engagements: summary.engagements,
    entriesPosted: summary.entriesPosted,
    flags: summary.flagCounts,
    durationMs: Math.round(performance.now() - startedAt),
  });
  return summary;
}

async function findLegalEntityId(code: string): Promise<string> {
  const legalEntity = await db().legalEntity.findUnique({ where: { code }, select: { id: true } });
  if (!legalEntity) throw invalid('/legalEntityCode', `No legal entity has the code ${code}`);
  return legalEntity.id;
}

function invalid(pointer: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { details: { errors: [{ pointer, message }] } });
}
