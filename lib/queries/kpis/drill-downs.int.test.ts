// The dashboard's drill-downs (docs/KPIS.md): the link each figure opens, parsed as the list
// page parses it and read with the list's own query, returns the rows behind the figure —
// on the KPI test quarter (this file's own database), in the legal entity US01 or region AMER.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as engagementsRoute } from '@/app/api/v1/engagements/route';
import { GET as invoicesRoute } from '@/app/api/v1/invoices/route';
import { createPerson } from '../../../test/fixtures/exceptions.ts';
import { buildKpiQuarter } from '../../../test/fixtures/kpis.ts';
import { parseDashboardParams, type DashboardView } from '../../../components/kpi/dashboard-params.ts';
import { drillDownHref, writeOffsHref } from '../../../components/kpi/kpi-links.ts';
import { db } from '../../db/client.ts';
import { dec } from '../../domain/money/decimal.ts';
import { cashPageParamsSchema, engagementPageParamsSchema, invoicePageParamsSchema, pageParams } from '../../http/schemas/console-money-params.ts';
import { engagementPageSchema } from '../../http/schemas/engagements.ts';
import { invoicePageSchema } from '../../http/schemas/invoices.ts';
import type { KpiResponse } from '../../http/schemas/kpis.ts';
import { listReceipts } from '../cash/list-receipts.ts';
import { unappliedWorkbench } from '../cash/unapplied-workbench.ts';
import { listEngagements } from '../engagements/list-engagements.ts';
import { listInvoiceRows, type InvoiceRowView } from '../invoices/list-invoice-rows.ts';
import { getKpis } from './get-kpis.ts';

const now = new Date('2026-06-01T00:00:00Z');
const asOf = '2026-06-01';
const can = () => true;

function dashboard(query: string): DashboardView {
  const parsed = parseDashboardParams(new URLSearchParams(query), asOf);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.view;
}

async function kpisOf(view: DashboardView): Promise<KpiResponse> {
  return getKpis({ from: view.period.from, to: view.period.to, legalEntityCode: view.filters.legalEntity, region: view.filters.region, now });
}
const breakdown = (kpis: KpiResponse, key: string) => kpis.kpis.find((k) => k.key === key)!.breakdown as Record<string, unknown>;

/** Every row the invoices page lists for a link (all keyset pages), read as the page reads its URL. */
async function invoicesAt(href: string): Promise<InvoiceRowView[]> {
  const [path, search] = href.split('?');
  expect(path).toBe('/invoices');
  const parsed = pageParams(invoicePageParamsSchema, new URLSearchParams(search));
  if (!parsed.ok) throw new Error(parsed.message);
  const { legalEntity, reason, ...query } = parsed.query;
  const rows: InvoiceRowView[] = [];
  let cursor: string | undefined;
  do {
    const page = await listInvoiceRows({ ...query, legalEntityCode: legalEntity, creditNoteReason: reason, cursor, asOf, limit: 2 });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

function query<S extends Parameters<typeof pageParams>[0]>(schema: S, href: string, path: string) {
  const [at, search] = href.split('?');
  expect(at).toBe(path);
  const parsed = pageParams(schema, new URLSearchParams(search));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

const sum = (amounts: string[]) => amounts.reduce((s, a) => s.plus(a), dec(0)).toFixed(2);
let writeOffId: string;
let bearer: Record<string, string>;
const noParams = { params: Promise.resolve({}) };
const req = (path: string) => new Request(`http://localhost${path}`, { headers: bearer });

beforeAll(async () => {
  bearer = (await createPerson('FINANCE')).bearer;
  const { invoiceB } = await buildKpiQuarter();
  // A balance written off in the quarter (a WRITE_OFF credit note against invoice B).
  const writeOff = await db().invoice.create({
    data: { kind: 'CREDIT_NOTE', status: 'ISSUED', number: `CN-W-${randomUUID().slice(0, 8)}`, legalEntityId: invoiceB.legalEntityId, clientId: invoiceB.clientId, engagementId: invoiceB.engagementId, correlationId: invoiceB.correlationId, currency: 'USD', subtotal: '-80', total: '-80', issuedAt: new Date('2026-03-25T09:00:00Z'), originalInvoiceId: invoiceB.id, creditNoteReason: 'WRITE_OFF' },
  });
  // As a credit note's issue does: the invoice owes that much less.
  await db().invoice.update({ where: { id: invoiceB.id }, data: { amountCredited: { increment: '80' }, balanceDue: { decrement: '80' } } });
  writeOffId = writeOff.id;
});

describe('dashboard drill-downs list the rows behind the figure', () => {
  it.each(['period=2026-Q1&legalEntity=US01', 'period=2026-Q1&region=AMER'])('billed (%s): the documents issued in the period, voids netted, sum to the billed figure', async (dashboardQuery) => {
    const view = dashboard(dashboardQuery);
    const rows = await invoicesAt(drillDownHref('billedAndCollected', view, can));
    expect(rows.length).toBeGreaterThan(0);
    // (The quarter's credit notes are inserted without an issue date: their issuedAt decides.)
    expect(rows.every((r) => r.issueDate === null || (r.issueDate >= '2026-01-01' && r.issueDate <= '2026-03-31'))).toBe(true);
    // A document issued and voided in the period adds nothing (this quarter voids none issued before it).
    const billed = sum(rows.filter((r) => r.status !== 'VOID').map((r) => r.total));
    expect(billed).toBe(breakdown(await kpisOf(view), 'billedAndCollected').billed);
  });

  it('the APIs take the same filters: GET /api/v1/invoices and /engagements answer the same rows', async () => {
    const view = dashboard('period=2026-Q1&region=AMER');
    const rows = await invoicesAt(drillDownHref('billedAndCollected', view, can));
    const invoices = invoicePageSchema.parse(await (await invoicesRoute(req('/api/v1/invoices?region=AMER&issuedFrom=2026-01-01&issuedTo=2026-03-31&limit=100'), noParams)).json());
    expect(invoices.items.map((i) => i.id).sort()).toEqual(rows.map((r) => r.id).sort());
    const engagements = engagementPageSchema.parse(await (await engagementsRoute(req('/api/v1/engagements?region=AMER&activatedFrom=2026-01-01&activatedTo=2026-03-31'), noParams)).json());
    expect(engagements.items.length).toBe(breakdown(await kpisOf(view), 'activationCycleTime').activated);

    const reversed = await invoicesRoute(req('/api/v1/invoices?issuedFrom=2026-04-01&issuedTo=2026-03-31'), noParams);
    expect(reversed.status).toBe(400);
    expect(reversed.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(await reversed.json())).toContain('issuedFrom is after issuedTo.');
  });

  it("DSO: the open invoices' balances are the receivable", async () => {
    // The list shows balances now: compare with the receivable at the end of a period ending now.
    const view = dashboard('period=custom&from=2026-01-01&through=2026-05-31&legalEntity=US01');
    const rows = await invoicesAt(drillDownHref('dso', view, can));
    expect(rows.every((r) => r.kind === 'INVOICE')).toBe(true);
    expect(sum(rows.map((r) => r.balanceDue))).toBe(breakdown(await kpisOf(view), 'dso').arBalance);
  });

  it("invoice timeliness: the invoices eligible in the period, as many as it judged, its late ones among them", async () => {
    const view = dashboard('period=2026-Q1&legalEntity=US01');
    const rows = await invoicesAt(drillDownHref('invoiceTimeliness', view, can));
    const figure = breakdown(await kpisOf(view), 'invoiceTimeliness') as { onTime: number; late: number; pending: number; lateInvoiceIds: string[] };
    expect(rows.length).toBe(figure.onTime + figure.late + figure.pending);
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(figure.lateInvoiceIds));
    // The invoice voided before it was posted is not judged, nor listed.
    expect(rows.some((r) => r.status === 'VOID')).toBe(false);
  });

  it('write-offs: the WRITE_OFF credit notes of the period sum to the leakage component', async () => {
    const view = dashboard('period=2026-Q1&legalEntity=US01');
    const rows = await invoicesAt(writeOffsHref(view));
    expect(rows.map((r) => r.id)).toEqual([writeOffId]);
    const component = breakdown(await kpisOf(view), 'revenueLeakage').writeOffs as { rows: number; amount: string };
    expect({ rows: rows.length, amount: sum(rows.map((r) => dec(r.total).abs().toFixed(2))) }).toEqual(component);
  });

  it('activation cycle time: the engagements activated in the period after an accepted quote', async () => {
    const view = dashboard('period=2026-Q1&legalEntity=US01');
    const { legalEntity, model, q, ...rest } = query(engagementPageParamsSchema, drillDownHref('activationCycleTime', view, can), '/engagements');
    const page = await listEngagements({ ...rest, legalEntityCode: legalEntity, billingModel: model, search: q, limit: 100 });
    expect(page.items.length).toBe(breakdown(await kpisOf(view), 'activationCycleTime').activated);
    expect(page.items.every((e) => e.activatedAt! >= '2026-01-01' && e.activatedAt! < '2026-04-01' && e.quoteAcceptedAt !== null)).toBe(true);
  });

  it('cash-application accuracy: the receipts received in the period', async () => {
    const view = dashboard('period=2026-Q1&legalEntity=US01');
    const { legalEntity, view: cashView, ...rest } = query(cashPageParamsSchema, drillDownHref('cashApplicationAccuracy', view, can), '/cash');
    expect(cashView).toBe('receipts');
    const page = await listReceipts({ ...rest, legalEntityCode: legalEntity, limit: 100 });
    const perPayment = breakdown(await kpisOf(view), 'cashApplicationAccuracy').perPayment as { total: number };
    expect(page.items.length).toBe(perPayment.total);
    expect(page.items.length).toBeGreaterThan(0);
  });

  it('unapplied cash: the workbench lists the receipts whose unapplied amounts make the figure', async () => {
    const view = dashboard('period=2026-Q1&legalEntity=US01');
    const { legalEntity, view: cashView, region } = query(cashPageParamsSchema, drillDownHref('unappliedCash', view, can), '/cash');
    expect(cashView).toBe('workbench');
    const page = await unappliedWorkbench({ legalEntityCode: legalEntity, region, limit: 100 });
    const figure = breakdown(await kpisOf(view), 'unappliedCash') as { amount: string; receipts: number };
    expect({ amount: sum(page.items.map((i) => i.receipt.unapplied)), receipts: page.items.length }).toEqual(figure);
  });
});
