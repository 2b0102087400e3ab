// GET /api/v1/kpis in the read benchmark: the 90 days through the seed's last day (facts
// through the day before, as the hourly rollup leaves them; the last day live) for every
// legal entity in USD, one legal entity, and EUR; each loader alone, to see where the time
// goes; and a few calls before any rollup (every figure from the rows). Goal: p95 < 200 ms.
import { GET } from '../../app/api/v1/kpis/route.ts';
import { db } from '../../lib/db/client.ts';
import { dec } from '../../lib/domain/money/decimal.ts';
import { activationKpi } from '../../lib/queries/kpis/activation-kpi.ts';
import { billedCollectedKpi } from '../../lib/queries/kpis/billed-collected-kpi.ts';
import { billingExceptionsKpi } from '../../lib/queries/kpis/billing-exceptions-kpi.ts';
import { cashKpis } from '../../lib/queries/kpis/cash-kpis.ts';
import { dsoKpi } from '../../lib/queries/kpis/dso-kpi.ts';
import { invoiceTimelinessKpi } from '../../lib/queries/kpis/invoice-timeliness-kpi.ts';
import { resolveKpiScope, type KpiScope } from '../../lib/queries/kpis/kpi-scope.ts';
import { leakageKpi } from '../../lib/queries/kpis/leakage-kpi.ts';
import { marginKpi } from '../../lib/queries/kpis/margin-kpi.ts';
import { processingKpis } from '../../lib/queries/kpis/processing-kpis.ts';
import { revenueLagKpi } from '../../lib/queries/kpis/revenue-lag-kpi.ts';
import { timeKpis } from '../../lib/queries/kpis/time-kpis.ts';
import { utilizationKpi } from '../../lib/queries/kpis/utilization-kpi.ts';
import { SEED_END } from '../kpis/seed.ts';
import { callRoute } from './call-route.ts';
import { describeTiming, measure, type Timing } from './measure.ts';

export const KPI_GOAL_MS = 200;

export interface KpiResults {
  from: string;
  to: string;
  timings: Timing[];
  loaders: [string, number][];
  cold: number[];
}

export async function runKpiCases(token: string, runs: number, say: (line: string) => void): Promise<KpiResults> {
  // The 90 days through "today" (the seed's last day): facts for all but today, which is live.
  const to = new Date(Date.parse(SEED_END) + 86_400_000).toISOString().slice(0, 10);
  const from = new Date(Date.parse(SEED_END) - 89 * 86_400_000).toISOString().slice(0, 10);
  const call = async (query: string) => (await callRoute(GET, `/api/v1/kpis?from=${from}&to=${to}${query}`, token)).ms;

  const cases = [['every legal entity, USD', ''], ['legalEntityCode=US01', '&legalEntityCode=US01'], ['currency=EUR', '&currency=EUR']] as const;
  const timings: Timing[] = [];
  for (const [name, query] of cases) {
    timings.push(await measure(name, () => call(query), { runs }));
    say(describeTiming(timings.at(-1)!));
  }
  const loaders = await loaderTimes(from, to);
  for (const [name, t] of loaders) say(`  ${name}: ${t.toFixed(1)} ms`);
  // Before the first rollup (a new installation, or the job stopped): every figure from rows.
  const rollup = await db().$queryRawUnsafe<{ through: Date; refreshedAt: Date }[]>(`SELECT through, "refreshedAt" FROM "KpiRollup" WHERE id = 'daily'`);
  await db().$executeRawUnsafe('DELETE FROM "KpiRollup"');
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) cold.push(await call(''));
  cold.sort((a, b) => a - b);
  if (rollup[0]) await db().$executeRawUnsafe(`INSERT INTO "KpiRollup" (id, through, "refreshedAt") VALUES ('daily', $1, $2)`, rollup[0].through, rollup[0].refreshedAt);
  say(`no rollup yet: ${cold.map((t) => t.toFixed(0)).join(', ')} ms`);
  return { from, to, timings, loaders, cold };
}

/** Each loader alone (median of five), to see where the time goes. */
async function loaderTimes(from: string, to: string): Promise<[string, number][]> {
  const none = { rows: 0, usd: dec(0), missing: 0 };
  const loaders: Record<string, (scope: KpiScope) => Promise<unknown>> = {
    processing: processingKpis,
    activation: activationKpi,
    time: timeKpis,
    timeliness: (scope) => invoiceTimelinessKpi(scope),
    exceptions: billingExceptionsKpi,
    dso: dsoKpi,
    cash: cashKpis,
    revenueLag: revenueLagKpi,
    margin: marginKpi,
    utilization: (scope) => utilizationKpi(scope),
    billedCollected: billedCollectedKpi,
    leakage: (scope) => leakageKpi(scope, none),
  };
  const result: [string, number][] = [];
  for (const [name, load] of Object.entries(loaders)) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      // A fresh scope each time: reads are shared within one request only.
      const scope = await resolveKpiScope({ from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`), now: new Date() });
      const started = performance.now();
      await load(scope);
      times.push(performance.now() - started);
    }
    result.push([name, times.sort((a, b) => a - b)[2]!]);
  }
  return result;
}
