// The trail a revenue run leaves per engagement: one AuditRecord summarising what it posted
// and flagged (the entries themselves are the ledger; an audit row each would double it) —
// written when it posted something or its flags differ from the previous run's, so a
// repeated run leaves no trail of nothing — and FX_RATE_MISSING when a source could not be
// converted: the one flag with an exception code that says exactly what to fix (load the
// rate; the next run picks the source up).
import type { Prisma } from '../../db/client.ts';
import { dec, ZERO } from '../../domain/money/decimal.ts';
import type { PlannedRevenueEntry } from '../../domain/revenue/revenue-types.ts';
import { writeAuditMany, type AuditActor, type AuditEntry } from '../audit/write-audit.ts';
import { raiseException } from '../exceptions/raise-exception.ts';
import type { FxGap } from './revenue-facts.ts';
import type { RevenueRunFlag } from './revenue-run-summary.ts';

export interface EngagementRunReport {
  engagement: { id: string; code: string; correlationId: string; legalEntityId: string; currency: string };
  posted: readonly PlannedRevenueEntry[];
  flags: readonly RevenueRunFlag[];
  fxGaps: readonly FxGap[];
  /** The gaps held the whole engagement (fixed fee), rather than leaving single sources out. */
  heldByFx: boolean;
}

export async function reportRevenueRun(tx: Prisma.TransactionClient, options: { asOf: string; actor: AuditActor; now: Date; reports: readonly EngagementRunReport[] }): Promise<{ exceptionsRaised: number }> {
  const { asOf, actor, now } = options;
  const audits: AuditEntry[] = [];
  const previousFlags = await lastAuditedFlags(tx, options.reports.map((r) => r.engagement.id));
  let exceptionsRaised = 0;
  for (const report of options.reports) {
    const { engagement, posted, flags } = report;
    if (report.fxGaps.length > 0) {
      await raiseFxRateMissing(tx, { ...report, asOf, now });
      exceptionsRaised += 1;
    }
    // Run for a date before the last run: nothing was measured, so there is nothing to record.
    if (flags.some((f) => f.code === 'AS_OF_BEFORE_LAST_RUN')) continue;
    const auditedFlags = flags.map(({ engagementId: _id, engagementCode: _code, ...flag }) => flag);
    if (posted.length === 0 && flagSignature(auditedFlags) === (previousFlags.get(engagement.id) ?? flagSignature([]))) continue;
    audits.push({
      actor,
      entityType: 'Engagement',
      entityId: engagement.id,
      action: 'revenue.run',
      correlationId: engagement.correlationId,
      at: now,
      after: { asOf, entries: posted.length, late: posted.filter((e) => e.late).length, net: netBy(posted, (e) => e.treatment), kinds: countBy(posted, (e) => e.kind), flags: auditedFlags },
    });
  }
  await writeAuditMany(tx, audits);
  return { exceptionsRaised };
}

async function raiseFxRateMissing(tx: Prisma.TransactionClient, options: EngagementRunReport & { asOf: string; now: Date }): Promise<void> {
  const { engagement, fxGaps, heldByFx } = options;
  const first = fxGaps[0]!;
  const sameCurrency = fxGaps.filter((g) => g.from === first.from);
  const pairs = [...new Set(fxGaps.map((g) => `${g.from}→${g.to}`))];
  await raiseException(tx, {
    code: 'FX_RATE_MISSING',
    entityType: 'Engagement',
    entityId: engagement.id,
    correlationId: engagement.correlationId,
    legalEntityId: engagement.legalEntityId,
    title: `FX rate ${pairs.join(', ')} missing: revenue of ${engagement.code} ${heldByFx ? 'is held' : 'leaves sources out'}`,
    // The money held up: the unconverted amounts, in the currency they are in.
    impact: { amount: sameCurrency.reduce((total, g) => total.plus(dec(g.amount).abs()), ZERO).toFixed(), currency: first.from, date: new Date(`${first.date}T00:00:00Z`) },
    details: {
      revenueRun: { asOf: options.asOf, held: heldByFx },
      missingRates: fxGaps.slice(0, 20).map(({ from, to, date }) => ({ from, to, date })),
      sources: fxGaps.slice(0, 20).map(({ entityType, entityId }) => ({ entityType, entityId })),
      sourceCount: fxGaps.length,
    },
    raisedBy: 'revenue:run',
    now: options.now,
  });
}

/** The flags of each engagement's latest revenue.run audit record, as signatures. */
async function lastAuditedFlags(tx: Prisma.TransactionClient, engagementIds: string[]): Promise<Map<string, string>> {
  if (engagementIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ entityId: string; flags: AuditedFlag[] | null }[]>`
    SELECT DISTINCT ON ("entityId") "entityId", after->'flags' AS flags FROM "AuditRecord"
     WHERE "entityType" = 'Engagement'::"EntityType" AND "entityId" = ANY(${engagementIds}::text[]) AND action = 'revenue.run'
     ORDER BY "entityId", at DESC`;
  return new Map(rows.map((r) => [r.entityId, flagSignature(r.flags ?? [])]));
}

type AuditedFlag = Omit<RevenueRunFlag, 'engagementId' | 'engagementCode'>;

// jsonb does not keep key order: compare what the flags say, field by field.
function flagSignature(flags: readonly AuditedFlag[]): string {
  return flags
    .map((f) => [f.code, f.period ?? '', f.unit ?? '', Object.entries(f.detail ?? {}).sort().join(',')].join('|'))
    .sort()
    .join(';');
}

function netBy(entries: readonly PlannedRevenueEntry[], key: (e: PlannedRevenueEntry) => string): Record<string, string> {
  const totals = new Map<string, ReturnType<typeof dec>>();
  for (const e of entries) totals.set(key(e), (totals.get(key(e)) ?? ZERO).plus(e.amount));
  return Object.fromEntries([...totals].map(([k, v]) => [k, v.toFixed()]));
}

function countBy(entries: readonly PlannedRevenueEntry[], key: (e: PlannedRevenueEntry) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of entries) counts[key(e)] = (counts[key(e)] ?? 0) + 1;
  return counts;
}
