// The time rows behind a time KPI on its page: one keyset page, the empty state, or the
// error; the CSV export (all pages) sits in the page header.
import { loadForPage } from '@/lib/http/load-for-page';
import { kpiQuerySchema } from '@/lib/http/schemas/kpis';
import { searchParamsToObject } from '@/lib/http/search-params';
import { resolveKpiScope } from '@/lib/queries/kpis/kpi-scope';
import { listKpiTimeRows, type TimeAge, type TimeRowView } from '@/lib/queries/kpis/rows/list-kpi-time-rows';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { formatAmount } from '@/components/ui/format-number';
import { Pager } from '@/components/ui/pager';
import { withParameterMessage } from './dashboard-prefetch';

const cell = 'px-3 py-2';

export async function KpiTimeRows({ kpiQuery, view, age, cursor, path, params }: { kpiQuery: string; view: TimeRowView; age?: TimeAge; cursor?: string; path: string; params: URLSearchParams }) {
  const page = await loadForPage('KPI rows', () => withParameterMessage(async () => {
    const scope = await resolveKpiScope({ ...kpiQuerySchema.parse(searchParamsToObject(new URLSearchParams(kpiQuery))), now: new Date() });
    return listKpiTimeRows({ scope, view, age, cursor });
  }));
  if (!page.ok) return <ErrorState title="The rows could not be loaded">{page.message}</ErrorState>;
  if (page.data.items.length === 0) {
    return <EmptyState title="No rows">No time matches this figure for the period and scope chosen.</EmptyState>;
  }
  return (
    <>
      <div className="overflow-x-auto rounded-card border border-line bg-surface shadow-card">
        <table className="w-full text-left text-sm" data-testid="kpi-time-rows">
          <caption className="sr-only">Time behind this figure, oldest work first</caption>
          <thead className="border-b border-line text-xs text-ink-muted">
            <tr>
              {['Work date', 'Age (days)', 'Engagement', 'Entity', 'Employee', 'Role', 'Hours', 'Amount', 'Status'].map((h) => (
                <th key={h} scope="col" className={`${cell} font-medium`}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {page.data.items.map((r) => (
              <tr key={r.id} data-testid="kpi-time-row">
                <td className={cell}>{r.workDate}</td>
                <td className={`${cell} money`}>{r.ageDays}</td>
                <td className={cell}>{r.engagementCode}</td>
                <td className={cell}>{r.legalEntityCode}</td>
                <td className={cell}>{r.employeeName}</td>
                <td className={cell}>{r.role}</td>
                <td className={`${cell} money`}>{formatAmount(r.hours)}</td>
                <td className={`${cell} money`}>{r.amount === null ? '—' : `${formatAmount(r.amount)} ${r.currency}`}</td>
                <td className={cell}>{r.approvalStatus}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager path={path} params={params} nextCursor={page.data.nextCursor} />
    </>
  );
}
