// Where each number on the dashboard leads: the rows behind it, with the dashboard's filters
// carried in the URL. Business figures open the list pages (invoices, engagements, cash) with
// the parameters documented in docs/KPIS.md "Dashboard drill-downs"; time figures and
// anything the role may not open as a list (exceptions, inbox, connectors are not every
// role's) open the KPI's own page, /kpis/<key>, which lists or describes its rows.
import type { Permission } from '@/lib/auth/permissions';
import { BILLING_EXCEPTION_CODES } from '@/lib/domain/kpis/billing-exception-volume';
import type { DashboardView } from './dashboard-params';

export const OPEN_RECEIVABLE_STATUSES = 'ISSUED,POSTED,PARTIALLY_PAID';

type Can = (permission: Permission) => boolean;

const day = (at: Date) => at.toISOString().slice(0, 10);
/** The period's last day (inclusive), as the list pages' "…To" parameters take it. */
const lastDay = (view: DashboardView) => day(new Date(view.period.to.getTime() - 86_400_000));

function href(path: string, view: DashboardView, extra: Record<string, string> = {}, carry: 'scope' | 'dashboard' = 'scope'): string {
  const query = new URLSearchParams();
  if (carry === 'dashboard') for (const [name, value] of new URLSearchParams(view.dashboardQuery)) query.set(name, value);
  else {
    if (view.filters.legalEntity) query.set('legalEntity', view.filters.legalEntity);
    if (view.filters.region) query.set('region', view.filters.region);
  }
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The KPI's own page, with the dashboard's filters. */
export const kpiPageHref = (key: string, view: DashboardView, extra: Record<string, string> = {}) => href(`/kpis/${key}`, view, extra, 'dashboard');

/** The rows behind a KPI's headline figure. */
export function drillDownHref(key: string, view: DashboardView, can: Can): string {
  const period = (prefix: string) => ({ [`${prefix}From`]: day(view.period.from), [`${prefix}To`]: lastDay(view) });
  switch (key) {
    case 'dso':
      return href('/invoices', view, { status: OPEN_RECEIVABLE_STATUSES });
    case 'billedAndCollected':
    case 'collected':
      return href('/invoices', view, period('issued'));
    case 'invoiceTimeliness':
      return href('/invoices', view, { kind: 'INVOICE', ...period('eligible') });
    case 'activationCycleTime':
      return href('/engagements', view, period('activated'));
    case 'margin':
      return href('/engagements', view, { sort: 'marginVariance' });
    case 'cashApplicationAccuracy':
      return href('/cash', view, period('received'));
    case 'unappliedCash':
      return href('/cash', view, { status: 'UNAPPLIED' });
    case 'billingExceptionVolume':
      return can('exceptions:read') ? href('/exceptions', view, { code: BILLING_EXCEPTION_CODES.join(','), status: 'any' }) : kpiPageHref(key, view);
    case 'eventSuccessRate':
      return can('exceptions:read') ? href('/events', view, { status: 'FAILED,HELD' }) : kpiPageHref(key, view);
    case 'backlog':
    case 'eventProcessingLatency':
    case 'throughput':
      return can('connectors:read') ? '/connectors' : kpiPageHref(key, view);
    default:
      // unbilledApprovedTime, unapprovedTime, revenueLeakage, utilization, revenueRecognitionLag.
      return kpiPageHref(key, view);
  }
}
