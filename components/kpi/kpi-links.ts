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

/** `<prefix>From` and `<prefix>To`: the dashboard's period as the list pages take it. */
const period = (view: DashboardView, prefix: string) => ({ [`${prefix}From`]: day(view.period.from), [`${prefix}To`]: lastDay(view) });

/** Revenue leakage's write-offs: the WRITE_OFF credit notes issued in the period. */
export const writeOffsHref = (view: DashboardView) => href('/invoices', view, { kind: 'CREDIT_NOTE', reason: 'WRITE_OFF', ...period(view, 'issued') });

/**
 * Margin: the engagements the KPI counts, furthest below plan first, with the KPI's figures for
 * the period, legal entity, region and currency (the list reads the KPI's own per-engagement SQL).
 */
export const marginHref = (view: DashboardView) =>
  href('/engagements', view, { sort: 'marginVariance', ...period(view, 'margin'), ...(view.filters.currency && view.filters.currency !== 'USD' ? { currency: view.filters.currency } : {}) });

/** The rows behind a KPI's headline figure. */
export function drillDownHref(key: string, view: DashboardView, can: Can): string {
  const inPeriod = (prefix: string) => period(view, prefix);
  switch (key) {
    case 'dso':
      // The receivable is what invoices still owe: credit notes are netted into their invoices.
      return href('/invoices', view, { kind: 'INVOICE', status: OPEN_RECEIVABLE_STATUSES });
    case 'billedAndCollected':
    case 'collected':
      return href('/invoices', view, inPeriod('issued'));
    case 'invoiceTimeliness':
      return href('/invoices', view, { kind: 'INVOICE', ...inPeriod('eligible') });
    case 'activationCycleTime':
      return href('/engagements', view, inPeriod('activated'));
    case 'margin':
      return can('engagements:read') ? marginHref(view) : kpiPageHref(key, view);
    case 'cashApplicationAccuracy':
      return href('/cash', view, { view: 'receipts', ...inPeriod('received') });
    case 'unappliedCash':
      // The workbench lists exactly the receipts with cash left to apply (partly applied too).
      return href('/cash', view);
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
