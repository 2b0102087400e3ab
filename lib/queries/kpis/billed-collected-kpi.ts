// Billed and collected by client and engagement (docs/KPIS.md), from the ledger facts of the
// period: billed = "sales" (issued − voided − credited, at each document's issue-date rate:
// the same figure as DSO's credit sales), collected = "collected" (cash applied, reversals
// netted, at the application date's rate), per engagement, rounded per engagement (half-up
// to the cent, as roundGroup does) and added up per client and in total — all in SQL, exact
// numeric, so only the totals and the 20 largest clients and engagements leave PostgreSQL.
// Missing rates are counted from the per-engagement sums, not by a second pass over the facts.
import { dec } from '../../domain/money/decimal.ts';
import type { KpiFigure } from '../../http/schemas/kpis.ts';
import { PERIOD_LEDGER_METRICS } from './dso-kpi.ts';
import { ledgerFacts } from './facts/ledger-facts.ts';
import { factsSql } from './facts/read-facts.ts';
import { figure, moneyIn } from './kpi-figure.ts';
import type { KpiScope } from './kpi-scope.ts';
import { kpiRows } from './kpi-sql.ts';

export const BILLED_BREAKDOWN_SIZE = 20;

// Keys are "<engagement id>:<client id>" (ledger-facts.ts).
const billedSql = (facts: string, n: number) => `
  WITH f AS ${facts},
  e AS (
    SELECT split_part(key, ':', 1) AS engagement_id, split_part(key, ':', 2) AS client_id,
           round(coalesce(sum(amount) FILTER (WHERE metric = 'sales'), 0), 2) AS billed,
           round(coalesce(sum(amount) FILTER (WHERE metric = 'collected'), 0), 2) AS collected,
           sum(missing) AS missing
      FROM f GROUP BY key
  ),
  c AS (SELECT client_id, sum(billed) AS billed, sum(collected) AS collected FROM e GROUP BY client_id)
  SELECT 'total' AS kind, NULL AS engagement_id, NULL AS client_id, coalesce(sum(billed), 0)::text AS billed, coalesce(sum(collected), 0)::text AS collected,
         (SELECT count(*) FROM e)::int AS engagements, count(*)::int AS clients, (SELECT coalesce(sum(missing), 0) FROM e)::int AS missing
    FROM c
  UNION ALL
  (SELECT 'client', NULL, client_id, billed::text, collected::text, 0, 0, 0 FROM c ORDER BY c.billed DESC, c.collected DESC, c.client_id LIMIT $${n})
  UNION ALL
  (SELECT 'engagement', engagement_id, client_id, billed::text, collected::text, 0, 0, 0 FROM e ORDER BY e.billed DESC, e.collected DESC, e.engagement_id LIMIT $${n})`;

interface BilledRow {
  kind: 'total' | 'client' | 'engagement';
  engagement_id: string | null;
  client_id: string | null;
  billed: string;
  collected: string;
  engagements: number;
  clients: number;
  missing: number;
}

export async function billedCollectedKpi(scope: KpiScope): Promise<KpiFigure> {
  const params: unknown[] = [];
  const facts = await factsSql(scope, { family: ledgerFacts, metrics: PERIOD_LEDGER_METRICS, firstDay: scope.firstDay, lastDay: scope.lastDay }, params);
  params.push(BILLED_BREAKDOWN_SIZE);
  const rows = await kpiRows<BilledRow>(billedSql(facts, params.length), params);
  const total = rows.find((r) => r.kind === 'total')!;
  const money = (r: BilledRow) => ({ billed: moneyIn(scope, dec(r.billed)), collected: moneyIn(scope, dec(r.collected)) });
  return figure('billedAndCollected', scope, {
    value: moneyIn(scope, dec(total.billed)),
    breakdown: {
      ...money(total),
      clients: total.clients,
      engagements: total.engagements,
      topClients: rows.filter((r) => r.kind === 'client').map((r) => ({ clientId: r.client_id!, ...money(r) })),
      topEngagements: rows.filter((r) => r.kind === 'engagement').map((r) => ({ engagementId: r.engagement_id!, clientId: r.client_id!, ...money(r) })),
    },
    fxMissing: total.missing,
  });
}
