// The legal entities and regions the dashboard can be filtered by (LegalEntity: code, name,
// region, base currency) — a handful of rows, read for the filter form.
import { kpiRows } from './kpi-sql.ts';

export interface ReportingEntity {
  code: string;
  name: string;
  region: string;
  baseCurrency: string;
}

export async function listReportingEntities(): Promise<ReportingEntity[]> {
  return kpiRows<ReportingEntity>(`SELECT code, name, region, "baseCurrency" FROM "LegalEntity" ORDER BY region, code`, []);
}
