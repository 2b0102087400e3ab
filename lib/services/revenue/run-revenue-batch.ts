// One batch of a revenue run, in one transaction: lock the engagements' ledgers, load their
// facts and what is already posted, let the core plan each engagement, write the entries,
// move each schedule's recognizedThrough to asOf, and leave the audit and exceptions.
// An engagement whose facts or plan fail is reported and skipped; the others still post.
import type { Prisma } from '../../db/client.ts';
import type { BillingModel, RevenueTreatment } from '../../db/generated/enums.ts';
import { addMonths, lastDayOfMonth, type IsoDate } from '../../domain/periods/calendar-date.ts';
import { planRevenueRun } from '../../domain/revenue/plan-revenue-run.ts';
import { log } from '../../log.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { loadRevenueFacts, type EngagementRevenueFacts } from './load-revenue-facts.ts';
import { loadRevenueLedger } from './load-revenue-ledger.ts';
import { lockEngagementRevenue } from './lock-engagement-revenue.ts';
import { reportRevenueRun, type EngagementRunReport } from './report-revenue-run.ts';
import { dayOf } from './revenue-facts.ts';
import { describeFlag, type EngagementOutcome, type RevenueRunFlag } from './revenue-run-summary.ts';
import { writeRevenueEntries, type EngagementPosting, type ScheduleSeed } from './write-revenue-entries.ts';

/** The schedule of an engagement's main stream; usage overage and expenses get theirs when they first post. */
const MAIN_TREATMENT: Record<BillingModel, RevenueTreatment> = {
  FIXED_FEE_MILESTONE: 'PERCENT_COMPLETE',
  TIME_AND_MATERIALS: 'AS_DELIVERED',
  RETAINER_WITH_OVERAGE: 'RATABLE',
};

export async function runRevenueBatch(
  tx: Prisma.TransactionClient,
  options: { engagementIds: readonly string[]; asOf: IsoDate; now: Date; actor: AuditActor },
): Promise<{ outcomes: EngagementOutcome[]; exceptionsRaised: number }> {
  const { asOf, now } = options;
  await lockEngagementRevenue(tx, options.engagementIds);
  const loaded = await loadRevenueFacts(tx, { engagementIds: options.engagementIds, asOf });
  const ledger = await loadRevenueLedger(tx, { engagementIds: loaded.map((l) => l.engagement.id), legalEntityIds: loaded.map((l) => l.engagement.legalEntityId) });

  const postings: EngagementPosting[] = [];
  const reports: EngagementRunReport[] = [];
  const completed: string[] = [];
  for (const item of loaded) {
    const { engagement, result } = item;
    const flags: RevenueRunFlag[] = [];
    const flag = (code: RevenueRunFlag['code'], message: string, exceptionCode: RevenueRunFlag['exceptionCode'] = null) =>
      flags.push({ engagementId: engagement.id, engagementCode: engagement.code, code, exceptionCode, message });
    const report: EngagementRunReport = { engagement, posted: [], flags, fxGaps: result.fxGaps, heldByFx: !result.ok && result.reason === 'FX_RATE_MISSING' };
    reports.push(report);
    if (result.fxGaps.length > 0) flag('FX_RATE_MISSING', `${result.fxGaps.length} source(s) could not be converted to ${engagement.currency}${report.heldByFx ? ': revenue held' : ': left out'}`, 'FX_RATE_MISSING');
    if (!result.ok) {
      if (result.reason === 'FACTS_INCOMPLETE') flag('FACTS_INCOMPLETE', result.message);
      continue;
    }
    try {
      const periods = ledger.periodsOf(engagement.legalEntityId);
      const plan = planRevenueRun({ asOf, facts: result.facts, posted: ledger.postedOf(engagement.id), periods, recognizedThrough: ledger.recognizedThroughOf(engagement.id) });
      flags.push(...plan.flags.map((f) => describeFlag(engagement, f)));
      postings.push({ engagementId: engagement.id, legalEntityId: engagement.legalEntityId, currency: engagement.currency, entries: plan.entries, schedules: mainSchedule(item) });
      const completedOn = result.facts.percentComplete?.completedOn;
      if (completedOn && completedOn <= asOf) completed.push(engagement.id);
    } catch (error) {
      // Data the core refuses (a key it did not write, an impossible date) must not stop the other engagements.
      log.error('revenue plan failed', { err: error, engagementId: engagement.id, asOf });
      flag('PLAN_FAILED', error instanceof Error ? error.message : String(error));
    }
  }

  const { insertedKeys } = await writeRevenueEntries(tx, { postings, periodId: ledger.periodId, now });
  const postedOf = new Map(postings.map((p) => [p.engagementId, p.entries.filter((e) => insertedKeys.has(e.idempotencyKey))]));
  for (const report of reports) report.posted = postedOf.get(report.engagement.id) ?? [];
  const planned = postings.map((p) => p.engagementId);
  if (planned.length > 0) {
    await tx.$executeRaw`
      UPDATE "RevenueSchedule" SET "recognizedThrough" = ${asOf}::date, "updatedAt" = ${now}
       WHERE "engagementId" = ANY(${planned}::uuid[]) AND ("recognizedThrough" IS NULL OR "recognizedThrough" < ${asOf}::date)`;
  }
  if (completed.length > 0) {
    await tx.revenueSchedule.updateMany({ where: { engagementId: { in: completed }, treatment: 'PERCENT_COMPLETE', status: 'ACTIVE' }, data: { status: 'COMPLETED' } });
  }
  const { exceptionsRaised } = await reportRevenueRun(tx, { asOf, actor: options.actor, now, reports });
  return { outcomes: reports.map((r) => ({ currency: r.engagement.currency, posted: r.posted, flags: r.flags })), exceptionsRaised };
}

function mainSchedule({ engagement, rows }: EngagementRevenueFacts): Partial<Record<RevenueTreatment, ScheduleSeed>> {
  const { plan } = rows;
  const seed: ScheduleSeed = { totalValue: plan.contractValue, estimatedTotalCost: plan.estimatedTotalCost, startDate: engagement.startDate, endDate: engagement.endDate };
  if (plan.retainer) {
    const start = dayOf(plan.retainer.startMonth).slice(0, 7);
    seed.startDate = new Date(`${start}-01T00:00:00Z`);
    seed.endDate = new Date(`${lastDayOfMonth(addMonths(start, plan.retainer.months - 1))}T00:00:00Z`);
  }
  return { [MAIN_TREATMENT[plan.model]]: seed };
}

