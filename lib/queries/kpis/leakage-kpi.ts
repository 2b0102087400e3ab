// Revenue leakage (docs/KPIS.md), by component and in total, with the domain's 30-day
// grace: approved time never billed (from the unbilled-time sums), time billed below the
// rate card (the daily "below_card" facts, by invoice issue day), approved milestones not
// invoiced, and write-offs (credit notes and written-off time). Every component is in USD at
// the domain's dates: invoice issue, milestone approval, credit-note issue, time write-off.
import { DEFAULT_LEAKAGE_GRACE_DAYS } from '../../domain/kpis/revenue-leakage.ts';
import { roundGroup } from '../../domain/kpis/group-currency-conversion.ts';
import { dec, type Decimal } from '../../domain/money/decimal.ts';
import type { KpiFigure } from '../../http/schemas/kpis.ts';
import { figure, moneyIn } from './kpi-figure.ts';
import type { KpiScope } from './kpi-scope.ts';
import { fxJoin, fxMissing, inLegalEntity, inUsd, kpiRows, usdRates, utcDay } from './kpi-sql.ts';
import type { TimeKpis } from './time-kpis.ts';
import { invoiceFacts } from './facts/invoice-facts.ts';
import { readFacts } from './facts/read-facts.ts';

type Sum = { usd: string | null; n: number; missing: number };
const total = `SELECT sum(${inUsd('src', 'src.amount')})::text AS usd, coalesce(sum(src.n), 0)::int AS n, ${fxMissing('src')} AS missing FROM src ${fxJoin('src')}`;

const MILESTONES = `
  WITH src AS (
    SELECT m.currency, ${utcDay('m."approvedAt"')} AS day, sum(m.amount) AS amount, count(*)::int AS n
      FROM "Milestone" m JOIN "Engagement" e ON e.id = m."engagementId"
     WHERE m."approvedAt" IS NOT NULL AND m.status NOT IN ('CANCELLED', 'INVOICED') AND m."invoiceLineId" IS NULL
       AND ${utcDay('m."approvedAt"')} < ${utcDay('$1::timestamptz')} - $2::int AND ${inLegalEntity('e."legalEntityId"', 3)}
     GROUP BY 1, 2
  ), ${usdRates('src')} ${total}`;

// Credit notes written off, and approved time FINANCE wrote off (TimeWriteOff, by day written off).
const WRITE_OFFS = `
  WITH src AS (
    SELECT currency, ${utcDay('"issuedAt"')} AS day, sum(abs(total)) AS amount, count(*)::int AS n FROM "Invoice"
     WHERE kind = 'CREDIT_NOTE' AND "creditNoteReason" = 'WRITE_OFF' AND "issuedAt" >= $1 AND "issuedAt" < $2 AND ("voidedAt" IS NULL OR "voidedAt" >= $2)
       AND ${inLegalEntity('"legalEntityId"', 3)}
     GROUP BY 1, 2
    UNION ALL
    SELECT w.currency, ${utcDay('w."writtenOffAt"')} AS day, sum(w.amount) AS amount, count(*)::int AS n
      FROM "TimeWriteOff" w JOIN "Engagement" e ON e.id = w."engagementId"
     WHERE w."writtenOffAt" >= $1 AND w."writtenOffAt" < $2 AND ${inLegalEntity('e."legalEntityId"', 3)}
     GROUP BY 1, 2
  ), ${usdRates('src')} ${total}`;

export async function leakageKpi(scope: KpiScope, neverBilled: TimeKpis['neverBilled']): Promise<KpiFigure> {
  const period = [scope.period.from, scope.period.to, scope.legalEntityIds];
  const [belowCard, [milestones], [writeOffs]] = await Promise.all([
    readFacts(scope, { family: invoiceFacts, metrics: ['below_card'], firstDay: scope.firstDay, lastDay: scope.lastDay }),
    kpiRows<Sum>(MILESTONES, [scope.asOf, DEFAULT_LEAKAGE_GRACE_DAYS, scope.legalEntityIds]),
    kpiRows<Sum>(WRITE_OFFS, period),
  ]);
  const component = (sum: Sum | undefined) => ({ rows: sum?.n ?? 0, usd: roundGroup(dec(sum?.usd ?? 0)) });
  const parts: Record<string, { rows: number; usd: Decimal }> = {
    approvedTimeNeverBilled: { rows: neverBilled.rows, usd: roundGroup(neverBilled.usd) },
    billedBelowRateCard: { rows: belowCard.reduce((n, f) => n + f.count, 0), usd: roundGroup(belowCard.reduce((sum, f) => sum.plus(f.amount), dec(0))) },
    approvedMilestonesNotInvoiced: component(milestones),
    writeOffs: component(writeOffs),
  };
  const sum = Object.values(parts).reduce((s, p) => s.plus(p.usd), dec(0));
  return figure('revenueLeakage', scope, {
    value: moneyIn(scope, sum),
    breakdown: {
      total: moneyIn(scope, sum),
      graceDays: DEFAULT_LEAKAGE_GRACE_DAYS,
      ...Object.fromEntries(Object.entries(parts).map(([name, p]) => [name, { rows: p.rows, amount: moneyIn(scope, p.usd) }])),
    },
    fxMissing: neverBilled.missing + belowCard.reduce((n, f) => n + f.missing, 0) + [milestones, writeOffs].reduce((n, s) => n + (s?.missing ?? 0), 0),
  });
}
