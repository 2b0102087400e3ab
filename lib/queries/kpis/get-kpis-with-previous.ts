// The KPIs of a period and of the period just before it (previousPeriod: the previous
// calendar month, quarter or year, or the same number of days), read in parallel: what the
// dashboard's cards compare and what the CSV export carries.
import { previousPeriod } from '../../domain/kpis/reporting-period.ts';
import type { KpiResponse } from '../../http/schemas/kpis.ts';
import { getKpis, type GetKpisInput } from './get-kpis.ts';
import { kpiPeriodOf } from './kpi-scope.ts';

export async function getKpisWithPrevious(input: GetKpisInput): Promise<{ current: KpiResponse; previous: KpiResponse }> {
  const period = kpiPeriodOf(input);
  const [current, previous] = await Promise.all([getKpis({ ...input, ...period }), getKpis({ ...input, ...previousPeriod(period) })]);
  return { current, previous };
}
