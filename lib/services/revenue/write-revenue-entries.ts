// Writes planned revenue entries as RevenueEntry rows: the schedule (one per engagement and
// treatment) is created on first need, entries go in with ON CONFLICT (scheduleId,
// idempotencyKey) DO NOTHING — the database is what makes a repeated or racing post
// harmless — and each touched schedule's recognizedToDate is recomputed from its entries.
// createdAt is the caller's clock plus the entry's position, so the ledger reads back in
// the order the core planned it (the cumulative amounts depend on that order).
import { randomUUID } from 'node:crypto';
import { Prisma } from '../../db/client.ts';
import type { RevenueTreatment } from '../../db/generated/enums.ts';
import type { YearMonth } from '../../domain/periods/calendar-date.ts';
import type { PlannedRevenueEntry } from '../../domain/revenue/revenue-types.ts';

export interface ScheduleSeed {
  totalValue?: string | null;
  estimatedTotalCost?: string | null;
  startDate?: Date | null;
  endDate?: Date | null;
}

export interface EngagementPosting {
  engagementId: string;
  legalEntityId: string;
  currency: string;
  /** In the order the core returned them. */
  entries: readonly PlannedRevenueEntry[];
  /** Schedules the engagement should have even before it has entries, and what a new one starts with. */
  schedules?: Partial<Record<RevenueTreatment, ScheduleSeed>>;
}

/** Rows per INSERT: 20 parameters each, well under PostgreSQL's 65,535. */
const CHUNK = 1000;

export async function writeRevenueEntries(
  tx: Prisma.TransactionClient,
  options: { postings: readonly EngagementPosting[]; periodId: (legalEntityId: string, period: YearMonth) => string; now: Date },
): Promise<{ insertedKeys: Set<string> }> {
  const { postings, now } = options;
  const scheduleIds = await ensureSchedules(tx, postings);
  const rows = postings.flatMap((p) =>
    p.entries.map((e, index) => {
      const poc = e.poc;
      return Prisma.sql`(${randomUUID()}::uuid, ${scheduleIds.get(`${p.engagementId}:${e.treatment}`)!}::uuid, ${p.engagementId}::uuid,
        ${options.periodId(p.legalEntityId, e.period)}::uuid, ${e.period}, ${e.recognitionDate}::date, ${e.kind}::"RevenueEntryKind",
        ${e.amount.toFixed()}::numeric, ${e.cumulativeAmount.toFixed()}::numeric, ${e.currency},
        ${poc ? poc.costToDate.toFixed() : null}::numeric, ${poc?.estimatedTotalCost ? poc.estimatedTotalCost.toFixed() : null}::numeric,
        ${poc?.percentComplete ? poc.percentComplete.toDecimalPlaces(6).toFixed() : null}::numeric,
        ${e.eligibleOn ? new Date(`${e.eligibleOn}T00:00:00Z`) : null}::timestamptz, ${e.late}, ${e.originalPeriod}, ${e.idempotencyKey},
        ${e.reversesEntryId}::uuid, ${e.invoiceId}::uuid, ${new Date(now.getTime() + index)}::timestamptz)`;
    }),
  );
  const insertedKeys = new Set<string>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const inserted = await tx.$queryRaw<{ idempotencyKey: string }[]>`
      INSERT INTO "RevenueEntry" (id, "scheduleId", "engagementId", "accountingPeriodId", period, "recognitionDate", kind,
        amount, "cumulativeAmount", currency, "costToDate", "estimatedTotalCost", "percentComplete",
        "eligibleAt", late, "originalPeriod", "idempotencyKey", "reversesEntryId", "invoiceId", "createdAt")
      VALUES ${Prisma.join(rows.slice(i, i + CHUNK))}
      ON CONFLICT ("scheduleId", "idempotencyKey") DO NOTHING
      RETURNING "idempotencyKey"`;
    for (const row of inserted) insertedKeys.add(row.idempotencyKey);
  }

  const touched = [...new Set(postings.flatMap((p) => p.entries.filter((e) => insertedKeys.has(e.idempotencyKey)).map((e) => scheduleIds.get(`${p.engagementId}:${e.treatment}`)!)))];
  if (touched.length > 0) {
    await tx.$executeRaw`
      UPDATE "RevenueSchedule" s
         SET "recognizedToDate" = COALESCE((SELECT sum(e.amount) FROM "RevenueEntry" e WHERE e."scheduleId" = s.id), 0), "updatedAt" = ${now}
       WHERE s.id = ANY(${touched}::uuid[])`;
  }
  return { insertedKeys };
}

/** The id of every schedule the postings need, keyed "<engagementId>:<treatment>". */
async function ensureSchedules(tx: Prisma.TransactionClient, postings: readonly EngagementPosting[]): Promise<Map<string, string>> {
  const engagementIds = postings.map((p) => p.engagementId);
  const load = async () => {
    const rows = await tx.revenueSchedule.findMany({ where: { engagementId: { in: engagementIds } }, select: { id: true, engagementId: true, treatment: true } });
    return new Map(rows.map((s) => [`${s.engagementId}:${s.treatment}`, s.id]));
  };
  const existing = await load();
  const missing: Prisma.RevenueScheduleCreateManyInput[] = [];
  for (const p of postings) {
    const treatments = new Set<RevenueTreatment>([...(Object.keys(p.schedules ?? {}) as RevenueTreatment[]), ...p.entries.map((e) => e.treatment)]);
    for (const treatment of treatments) {
      if (existing.has(`${p.engagementId}:${treatment}`)) continue;
      missing.push({ engagementId: p.engagementId, treatment, currency: p.currency, ...p.schedules?.[treatment] });
    }
  }
  if (missing.length === 0) return existing;
  await tx.revenueSchedule.createMany({ data: missing, skipDuplicates: true });
  return load();
}
