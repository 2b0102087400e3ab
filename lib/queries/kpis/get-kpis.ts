// GET /api/v1/kpis: every KPI of DESIGN.md §10 for a period, a legal entity and a reporting
// currency, in the catalog's order. The loaders run in parallel, each pushing its sums into
// SQL (docs/PERFORMANCE.md), and the formulas are the domain's (lib/domain/kpis).
import type { KpiFigure, KpiResponse } from '../../http/schemas/kpis.ts';
import { activationKpi } from './activation-kpi.ts';
import { billedCollectedKpi } from './billed-collected-kpi.ts';
import { billingExceptionsKpi } from './billing-exceptions-kpi.ts';
import { cashKpis } from './cash-kpis.ts';
import { dsoKpi } from './dso-kpi.ts';
import { invoiceTimelinessKpi } from './invoice-timeliness-kpi.ts';
import { kpiKeys } from './kpi-catalog.ts';
import { resolveKpiScope } from './kpi-scope.ts';
import { leakageKpi } from './leakage-kpi.ts';
import { marginKpi } from './margin-kpi.ts';
import { processingKpis } from './processing-kpis.ts';
import { revenueLagKpi } from './revenue-lag-kpi.ts';
import { timeKpis } from './time-kpis.ts';
import { utilizationKpi } from './utilization-kpi.ts';

export interface GetKpisInput {
  from?: Date;
  to?: Date;
  legalEntityCode?: string;
  region?: string;
  currency?: string;
  now: Date;
}

export async function getKpis(input: GetKpisInput): Promise<KpiResponse> {
  const scope = await resolveKpiScope(input);
  const time = timeKpis(scope);
  const groups = await Promise.all([
    processingKpis(scope),
    activationKpi(scope),
    time.then((t) => t.figures),
    invoiceTimelinessKpi(scope),
    billingExceptionsKpi(scope),
    dsoKpi(scope),
    cashKpis(scope),
    revenueLagKpi(scope),
    marginKpi(scope),
    utilizationKpi(scope),
    billedCollectedKpi(scope),
    time.then((t) => leakageKpi(scope, t.neverBilled)),
  ]);
  const byKey = new Map(groups.flat().map((kpi: KpiFigure) => [kpi.key, kpi]));
  return {
    period: { from: scope.period.from.toISOString(), to: scope.period.to.toISOString(), asOf: scope.asOf.toISOString() },
    legalEntityCode: scope.legalEntityCode,
    region: scope.region,
    currency: scope.currency,
    fx: scope.currency === 'USD' ? null : { rate: scope.fxRate.toDecimalPlaces(10).toString(), rateDate: scope.fxRateDate },
    kpis: kpiKeys.map((key) => byKey.get(key)!),
  };
}
