// The lineage API on a real database: the graph of a thread from LineageLink rows, each
// node's details, system and external id, and the event behind it (incoming link, audit
// record, or for a root its first outgoing link); access and not-found answers.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as lineageRoute } from '@/app/api/v1/lineage/[correlationId]/route';
import { db } from '../db/client.ts';
import { lineageGraphSchema, type LineageGraph } from './schemas/lineage.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { createEmployee, createEngagement, createTime, short } from '../../test/fixtures/q2c-delivery.ts';
import { createCashApplication, createInvoice } from '../../test/fixtures/q2c-billing.ts';
import { createLinks, createThreadEvent } from '../../test/fixtures/q2c-lineage.ts';

const withCorrelation = (correlationId: string) => ({ params: Promise.resolve({ correlationId }) });
const req = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });

let bearer: Record<string, string>;
let graph: LineageGraph;
const ids: Record<string, string> = {};

beforeAll(async () => {
  bearer = (await createPerson('FINANCE')).bearer;
  const { engagement, client, legalEntity } = await createEngagement();
  const corr = engagement.correlationId;
  const [e0, e1, e2, e3] = await Promise.all([
    createThreadEvent('q2c.quote.accepted.v1', corr, '/test/crm'),
    createThreadEvent('q2c.quote.accepted.v1', corr, '/test/crm'),
    createThreadEvent('q2c.timesheet.approved.v1', corr, '/test/psa'),
    createThreadEvent('q2c.payment.received.v1', corr, '/test/bank'),
  ]);
  Object.assign(ids, { e0: e0.id, e1: e1.id, e2: e2.id, e3: e3.id, engagement: engagement.id });
  const quote = await db().quote.create({ data: { sourceSystem: 'crm', externalId: `Q-${short()}`, clientId: client.id, legalEntityId: legalEntity.id, currency: 'USD', status: 'ACCEPTED', currentVersion: 2, correlationId: corr } });
  const version = await db().quoteVersion.create({ data: { quoteId: quote.id, version: 2, status: 'ACCEPTED', billingModel: 'TIME_AND_MATERIALS', currency: 'USD', subtotal: '100000', totalValue: '100000' } });
  // The quote was created by the first acceptance (e0); the link from it to version 2 by e1.
  await db().auditRecord.create({ data: { actorType: 'CONNECTOR', entityType: 'Quote', entityId: quote.id, action: 'quote.accepted', correlationId: corr, eventId: e0.id } });
  const employee = await createEmployee();
  const t1 = await createTime({ engagementId: engagement.id, employeeId: employee.id, hours: '7.5', rate: '123.457', amount: '925.9275', timesheetId: 'TS-9', entryIndex: 0 });
  const t2 = await createTime({ engagementId: engagement.id, employeeId: employee.id, hours: '3.33', rate: '123.457', amount: '411.1118', timesheetId: 'TS-9', entryIndex: 1 });
  const invoice = await createInvoice({ engagement, status: 'ISSUED', subtotal: '1337.04', total: '1337.04', lines: [{ kind: 'TIME', amount: '1337.04' }] });
  const line = invoice.lines[0]!;
  const application = await createCashApplication({ invoiceId: invoice.id, amount: '1337.04' });
  const ref = await db().externalRef.create({ data: { system: 'erp', entityType: 'Engagement', entityId: engagement.id, externalId: `ERP-PRJ-${short()}` } });
  Object.assign(ids, { quote: quote.id, version: version.id, t1: t1.id, t2: t2.id, invoice: invoice.id, line: line.id, application: application.id, receipt: application.receiptId, ref: ref.id });

  await createLinks(corr, [
    { from: ['Quote', quote.id], to: ['QuoteVersion', version.id], relation: 'HAS_VERSION', eventId: e1.id },
    { from: ['QuoteVersion', version.id], to: ['Engagement', engagement.id], relation: 'ORIGINATED', eventId: e1.id },
    { from: ['Engagement', engagement.id], to: ['ExternalRef', ref.id], relation: 'MIRRORED_AS', eventId: e1.id },
    { from: ['Timesheet', 'TS-9'], to: ['TimeTransaction', t1.id], relation: 'ORIGINATED', eventId: e2.id },
    { from: ['Timesheet', 'TS-9'], to: ['TimeTransaction', t2.id], relation: 'ORIGINATED', eventId: e2.id },
    { from: ['Engagement', engagement.id], to: ['TimeTransaction', t1.id], relation: 'CONTAINS', eventId: e2.id },
    { from: ['Engagement', engagement.id], to: ['TimeTransaction', t2.id], relation: 'CONTAINS', eventId: e2.id },
    { from: ['TimeTransaction', t1.id], to: ['InvoiceLine', line.id], relation: 'BILLED', amount: '925.9275', currency: 'USD' },
    { from: ['TimeTransaction', t2.id], to: ['InvoiceLine', line.id], relation: 'BILLED', amount: '411.1118', currency: 'USD' },
    { from: ['InvoiceLine', line.id], to: ['Invoice', invoice.id], relation: 'PART_OF', amount: '1337.04', currency: 'USD' },
    { from: ['CashReceipt', application.receiptId], to: ['CashApplication', application.id], relation: 'APPLIED', eventId: e3.id },
    { from: ['CashApplication', application.id], to: ['Invoice', invoice.id], relation: 'SETTLES', amount: '1337.04', currency: 'USD', eventId: e3.id },
  ]);
  const response = await lineageRoute(req(`/api/v1/lineage/${corr}`, bearer), withCorrelation(corr));
  expect(response.status).toBe(200);
  graph = lineageGraphSchema.parse(await response.json());
});

const node = (id: string) => graph.nodes.find((n) => n.id === id);

describe('GET /api/v1/lineage/{correlationId}', () => {
  it('has a node per connected row and an edge per link, all edges between nodes', () => {
    expect(graph.nodes.map((n) => n.kind).sort()).toEqual(
      ['CashApplication', 'CashReceipt', 'Engagement', 'ExternalRef', 'Invoice', 'InvoiceLine', 'Quote', 'QuoteVersion', 'TimeTransaction', 'TimeTransaction', 'Timesheet'].sort(),
    );
    expect(graph.edges).toHaveLength(12);
    const nodeIds = new Set(graph.nodes.map((n) => n.id));
    for (const edge of graph.edges) expect(nodeIds.has(edge.from) && nodeIds.has(edge.to), JSON.stringify(edge)).toBe(true);
    expect(graph.edges.find((e) => e.from === ids.t1 && e.to === ids.line)).toEqual({ from: ids.t1, to: ids.line, relation: 'BILLED', amount: '925.93', currency: 'USD' });
    expect(graph.truncated).toBe(false);
  });

  it('describes each node: label, amount, system and external id', () => {
    expect(node(ids.t1!)).toMatchObject({ kind: 'TimeTransaction', label: '7.50 h SENIOR_CONSULTANT on 2026-03-30', amount: '925.93', currency: 'USD', system: 'psa', externalId: 'TS-9#0' });
    expect(node('TS-9')).toMatchObject({ kind: 'Timesheet', entityId: 'TS-9', label: 'Timesheet TS-9', system: 'psa', externalId: 'TS-9' });
    expect(node(ids.engagement!)).toMatchObject({ kind: 'Engagement', amount: '100000.00', system: 'erp', externalId: expect.stringMatching(/^ERP-PRJ-/) });
    expect(node(ids.quote!)).toMatchObject({ kind: 'Quote', system: 'crm', label: expect.stringMatching(/^Quote Q-/) });
    expect(node(ids.invoice!)).toMatchObject({ kind: 'Invoice', amount: '1337.04', label: expect.stringMatching(/^Invoice T-INV-/) });
    expect(node(ids.version!)?.label).toMatch(/^Quote Q-.* v2$/);
  });

  it('names the event behind each node, with the events themselves', () => {
    expect(node(ids.t1!)?.eventId).toBe(ids.e2); // its first incoming link
    expect(node('TS-9')?.eventId).toBe(ids.e2); // a root: its first outgoing link
    expect(node(ids.quote!)?.eventId).toBe(ids.e0); // a root with an audit record: the event that created it
    expect(node(ids.engagement!)?.eventId).toBe(ids.e1);
    expect(node(ids.application!)?.eventId).toBe(ids.e3);
    // Brought in by the billing run (a link without an event): no event, even though a payment settled it later.
    expect(node(ids.invoice!)?.eventId).toBeUndefined();
    expect(node(ids.line!)?.eventId).toBeUndefined();
    expect(graph.events.map((e) => e.id).sort()).toEqual([ids.e0, ids.e1, ids.e2, ids.e3].sort());
    expect(graph.events.find((e) => e.id === ids.e2)).toMatchObject({ type: 'q2c.timesheet.approved.v1', source: '/test/psa' });
  });

  it('a thread without links shows its engagement; 404 for an unknown thread; 401, 403', async () => {
    const { engagement } = await createEngagement();
    const lonely = lineageGraphSchema.parse(await (await lineageRoute(req('/x', bearer), withCorrelation(engagement.correlationId))).json());
    expect(lonely.nodes).toEqual([expect.objectContaining({ id: engagement.id, kind: 'Engagement' })]);
    expect(lonely.edges).toEqual([]);
    const unknown = await lineageRoute(req('/x', bearer), withCorrelation(`corr-${randomUUID()}`));
    expect(unknown.status).toBe(404);
    expect((await lineageRoute(req('/x'), withCorrelation(engagement.correlationId))).status).toBe(401);
    const executive = await createPerson('EXECUTIVE');
    expect((await lineageRoute(req('/x', executive.bearer), withCorrelation(engagement.correlationId))).status).toBe(403);
  });
});
