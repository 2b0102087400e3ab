import { describe, expect, it } from 'vitest';
import { parseDashboardParams, type DashboardView } from './dashboard-params';
import { drillDownHref, kpiPageHref } from './kpi-links';

const view = (query: string): DashboardView => {
  const parsed = parseDashboardParams(new URLSearchParams(query), '2026-12-04');
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.view;
};
const q4 = view('period=2026-Q4&legalEntity=US01&currency=EUR');
const executive = () => false;
const ops = () => true;

describe('drillDownHref', () => {
  it.each([
    ['dso', '/invoices?legalEntity=US01&status=ISSUED%2CPOSTED%2CPARTIALLY_PAID'],
    ['billedAndCollected', '/invoices?legalEntity=US01&issuedFrom=2026-10-01&issuedTo=2026-12-31'],
    ['invoiceTimeliness', '/invoices?legalEntity=US01&kind=INVOICE&eligibleFrom=2026-10-01&eligibleTo=2026-12-31'],
    ['activationCycleTime', '/engagements?legalEntity=US01&activatedFrom=2026-10-01&activatedTo=2026-12-31'],
    ['unappliedCash', '/cash?legalEntity=US01&status=UNAPPLIED'],
    ['unbilledApprovedTime', '/kpis/unbilledApprovedTime?period=2026-Q4&legalEntity=US01&currency=EUR'],
  ])('%s → %s', (key, expected) => {
    expect(drillDownHref(key, q4, executive)).toBe(expected);
  });

  it('sends a role to the list it may open, else to the KPI page', () => {
    expect(drillDownHref('backlog', q4, ops)).toBe('/connectors');
    expect(drillDownHref('backlog', q4, executive)).toBe('/kpis/backlog?period=2026-Q4&legalEntity=US01&currency=EUR');
    expect(drillDownHref('billingExceptionVolume', q4, ops)).toMatch(/^\/exceptions\?legalEntity=US01&code=RATE_CARD_MISSING%2C.+&status=any$/);
  });

  it('carries a region and no filter at all', () => {
    expect(drillDownHref('dso', view('region=EMEA'), executive)).toBe('/invoices?region=EMEA&status=ISSUED%2CPOSTED%2CPARTIALLY_PAID');
    expect(kpiPageHref('utilization', view(''))).toBe('/kpis/utilization');
    expect(kpiPageHref('unbilledApprovedTime', view(''), { age: '31-60' })).toBe('/kpis/unbilledApprovedTime?age=31-60');
  });
});
