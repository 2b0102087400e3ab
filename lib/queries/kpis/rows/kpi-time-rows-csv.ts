// The time behind a time KPI as CSV (the KPI page's export): every row of the list, read
// page by page with its keyset (bounded: at most MAX_CSV_ROWS, the last line says when cut).
import { csvLine } from '../kpis-csv.ts';
import type { KpiScope } from '../kpi-scope.ts';
import { listKpiTimeRows, type TimeAge, type TimeRowView } from './list-kpi-time-rows.ts';

export const MAX_CSV_ROWS = 100_000;
const PAGE = 5_000;

const COLUMNS = ['work_date', 'age_days', 'engagement', 'legal_entity', 'employee', 'role', 'hours', 'amount', 'currency', 'approval_status', 'time_transaction_id'];

export async function kpiTimeRowsCsv(options: { scope: KpiScope; view: TimeRowView; age?: TimeAge }): Promise<string> {
  const lines = [COLUMNS.join(',')];
  let cursor: string | undefined;
  let count = 0;
  do {
    const page = await listKpiTimeRows({ ...options, cursor, limit: PAGE });
    for (const r of page.items) lines.push(csvLine([r.workDate, r.ageDays, r.engagementCode, r.legalEntityCode, r.employeeName, r.role, r.hours, r.amount, r.currency, r.approvalStatus, r.id]));
    count += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && count < MAX_CSV_ROWS);
  if (cursor) lines.push(csvLine([`… cut at ${MAX_CSV_ROWS} rows: narrow the period or legal entity`]));
  return lines.join('\r\n') + '\r\n';
}
