import { describe, expect, it } from 'vitest';
import { parseDashboardParams, type DashboardView } from './dashboard-params';
import { drillDownHref, kpiPageHref, writeOffsHref } from './kpi-links';

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
    ['dso', '/invoices?legalEntity=US01&kind=INVOICE&status=ISSUED%2CPOSTED%2CPARTIALLY_PAID'],
    ['billedAndCollected', '/invoices?legalEntity=US01&issuedFrom=2026-10-01&issuedTo=2026-12-31'],
    ['invoiceTimeliness', '/invoices?legalEntity=US01&kind=INVOICE&eligibleFrom=2026-10-01&eligibleTo=2026-12-31'],
    ['activationCycleTime', '/engagements?legalEntity=US01&activatedFrom=2026-10-01&activatedTo=2026-12-31'],
    ['cashApplicationAccuracy', '/cash?legalEntity=US01&view=receipts&receivedFrom=2026-10-01&receivedTo=2026-12-31'],
    ['unappliedCash', '/cash?legalEntity=US01'],
    ['unbilledApprovedTime', '/kpis/unbilledApprovedTime?period=2026-Q4&legalEntity=US01&currency=EUR'],
  ])('%s → %s', (key, expected) => {
    expect(drillDownHref(key, q4, executive)).toBe(expected);
  });

  it('sends a role to the list it may open, else to the KPI page', () => {
    expect(drillDownHref('backlog', q4, ops)).toBe('/connectors');
    expect(drillDownHref('backlog', q4, executive)).toBe('/kpis/backlog?period=2026-Q4&legalEntity=US01&currency=EUR');
    // Margin: the engagements list sorted worst first, with the KPI's period, scope and currency (every business role reads it).
    expect(drillDownHref('margin', q4, (p) => p === 'engagements:read')).toBe('/engagements?legalEntity=US01&sort=marginVariance&marginFrom=2026-10-01&marginTo=2026-12-31&currency=EUR');
    expect(drillDownHref('margin', view('period=2026-Q4'), ops)).toBe('/engagements?sort=marginVariance&marginFrom=2026-10-01&marginTo=2026-12-31');
    expect(drillDownHref('margin', q4, () => false)).toBe('/kpis/margin?period=2026-Q4&legalEntity=US01&currency=EUR');
    expect(drillDownHref('billingExceptionVolume', q4, ops)).toMatch(/^\/exceptions\?legalEntity=US01&code=RATE_CARD_MISSING%2C.+&status=any$/);
  });

  it('carries a region and no filter at all', () => {
    expect(drillDownHref('dso', view('region=EMEA'), executive)).toBe('/invoices?region=EMEA&kind=INVOICE&status=ISSUED%2CPOSTED%2CPARTIALLY_PAID');
    expect(drillDownHref('unappliedCash', view(''), executive)).toBe('/cash');
    expect(kpiPageHref('utilization', view(''))).toBe('/kpis/utilization');
    expect(kpiPageHref('unbilledApprovedTime', view(''), { age: '31-60' })).toBe('/kpis/unbilledApprovedTime?age=31-60');
  });
});

describe('writeOffsHref', () => {
  it("opens the period's write-off credit notes in the dashboard's scope", () => {
    expect(writeOffsHref(q4)).toBe('/invoices?legalEntity=US01&kind=CREDIT_NOTE&reason=WRITE_OFF&issuedFrom=2026-10-01&issuedTo=2026-12-31');
    expect(writeOffsHref(view('period=2026-09&region=EMEA'))).toBe('/invoices?region=EMEA&kind=CREDIT_NOTE&reason=WRITE_OFF&issuedFrom=2026-09-01&issuedTo=2026-09-30');
  });
});
