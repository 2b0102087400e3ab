// A legal entity's accounting months (DESIGN.md §6 period close), chosen in the URL, with
// what posted into each; roles with periods:close close a month or reopen it with a reason.
import type { ActionResult } from '@/lib/http/action-result';
import { loadForPage } from '@/lib/http/load-for-page';
import { listAccountingPeriods } from '@/lib/queries/periods/list-accounting-periods';
import { listLegalEntities } from '@/lib/queries/reference/list-legal-entities';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { DateText } from '@/components/ui/date-text';
import { ActionButton } from './action-button';
import { DataTable } from '@/components/ui/data-table';

type PeriodInput = { legalEntityCode: string; period: string };
export interface PeriodActions {
  close: (input: PeriodInput) => Promise<ActionResult<unknown>>;
  reopen: (input: PeriodInput & { reason: string }) => Promise<ActionResult<unknown>>;
}

export async function PeriodsSection({ entity, year, actions }: { entity: string | undefined; year: number; actions?: PeriodActions }) {
  const entities = await loadForPage('legal entities', () => listLegalEntities());
  if (!entities.ok) return <ErrorState title="Legal entities could not be loaded">{entities.message}</ErrorState>;
  if (entities.data.length === 0) return <EmptyState title="No legal entities">Accounting periods belong to legal entities; none is configured.</EmptyState>;
  const code = entities.data.find((e) => e.code === entity)?.code ?? entities.data[0]!.code;
  const periods = await loadForPage('accounting periods', () => listAccountingPeriods({ legalEntityCode: code, year }));
  return (
    <section aria-labelledby="periods-heading">
      <h2 id="periods-heading" className="mb-3 text-sm font-semibold text-ink">
        Accounting periods
      </h2>
      <form method="get" action="/admin" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Choose the legal entity and year">
        <input type="hidden" name="section" value="periods" />
        <label className="flex flex-col gap-1 text-xs font-medium text-ink-muted">
          Legal entity
          <select name="entity" defaultValue={code} className="rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-ink">
            {entities.data.map((e) => (
              <option key={e.code} value={e.code}>
                {e.code} · {e.name} ({e.baseCurrency})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-ink-muted">
          Year
          <input name="year" type="number" min={1900} max={9999} defaultValue={year} className="w-24 rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-ink" />
        </label>
        <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent hover:bg-accent-strong">
          Show
        </button>
      </form>
      {!periods.ok ? (
        <ErrorState title="Periods could not be loaded">{periods.message}</ErrorState>
      ) : periods.data.length === 0 ? (
        <EmptyState title={`No periods for ${code} in ${year}`}>Accounting months are created with the legal entity; choose another year.</EmptyState>
      ) : (
        <DataTable
          testId="periods-table"
          label="Accounting periods"
          columns={[
            { label: 'Month' },
            { label: 'Status' },
            { label: 'Closed' },
            { label: 'Invoices posted', right: true },
            { label: 'Revenue entries', right: true },
            { label: 'Moved out late', right: true, title: 'Items dated in this month that posted into a later one because it was closed' },
            actions && { label: 'Actions', hidden: true },
          ]}
        >
              {periods.data.map((p) => (
                <tr key={p.period} data-testid="period-row" data-period={p.period}>
                  <td className="px-3 py-2 font-medium tabular-nums text-ink">{p.period}</td>
                  <td className="px-3 py-2">
                    <Badge tone={p.status === 'OPEN' ? 'accent' : 'muted'} testId="period-status">
                      {p.status === 'OPEN' ? 'Open' : 'Closed'}
                    </Badge>
                  </td>
                  <td className="px-3 py-2 text-xs text-ink-muted">
                    {p.closedAt ? <DateText value={p.closedAt} kind="instant" /> : null}
                    {p.closedAt && p.closedBy?.name ? ` by ${p.closedBy.name}` : null}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums text-ink">
                    {p.posted.invoices}
                    {p.postedLate.invoices ? <span className="text-xs text-ink-muted"> ({p.postedLate.invoices} late)</span> : null}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums text-ink">
                    {p.posted.revenueEntries}
                    {p.postedLate.revenueEntries ? <span className="text-xs text-ink-muted"> ({p.postedLate.revenueEntries} late)</span> : null}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums text-ink-muted">{p.movedOutLate.invoices + p.movedOutLate.revenueEntries}</td>
                  {actions ? (
                    <td className="px-3 py-2 text-right">
                      {p.status === 'OPEN' ? (
                        <ActionButton label="Close" action={actions.close} input={{ legalEntityCode: code, period: p.period }} confirm={`Close ${code} ${p.period}? Nothing posts into it afterwards; late items go to the next open month.`} />
                      ) : (
                        <ActionButton label="Reopen" action={actions.reopen} input={{ legalEntityCode: code, period: p.period, reason: '' }} reasonField="reason" reasonLabel={`Why reopen ${p.period}?`} />
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
        </DataTable>
      )}
    </section>
  );
}
