// "Why is this invoice 42,300.00?" on a real database: the explanation tree adds up to the
// invoice total, each line is its sources rounded, and the leaves reach the timesheets,
// milestones and events behind them.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as explanationRoute } from '@/app/api/v1/invoices/[id]/explanation/route';
import { db } from '../db/client.ts';
import { dec, sum } from '../domain/money/decimal.ts';
import { roundToMinor } from '../domain/money/currency.ts';
import { invoiceExplanationSchema, type ExplanationNode, type InvoiceExplanation } from './schemas/lineage.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { createEmployee, createEngagement, createMilestone, createTime } from '../../test/fixtures/q2c-delivery.ts';
import { createInvoice } from '../../test/fixtures/q2c-billing.ts';
import { createLinks, createThreadEvent } from '../../test/fixtures/q2c-lineage.ts';

const withId = (id: string) => ({ params: Promise.resolve({ id }) });
const req = (headers: Record<string, string> = {}) => new Request('http://localhost/api/v1/invoices/x/explanation', { headers });

let bearer: Record<string, string>;
let explanation: InvoiceExplanation;
const ids: Record<string, string> = {};

beforeAll(async () => {
  bearer = (await createPerson('DELIVERY')).bearer;
  const { engagement } = await createEngagement({ model: 'FIXED_FEE_MILESTONE' });
  const corr = engagement.correlationId;
  const timesheetEvent = await createThreadEvent('q2c.timesheet.approved.v1', corr);
  const milestoneEvent = await createThreadEvent('q2c.milestone.completed.v1', corr);
  const employee = await createEmployee();
  const t1 = await createTime({ engagementId: engagement.id, employeeId: employee.id, hours: '7.5', rate: '123.457', amount: '925.9275', timesheetId: 'TS-42', entryIndex: 0 });
  const t2 = await createTime({ engagementId: engagement.id, employeeId: employee.id, hours: '3.33', rate: '123.457', amount: '411.1118', timesheetId: 'TS-42', entryIndex: 1 });
  const milestone = await createMilestone({ engagementId: engagement.id, ref: 'M2', amount: '38662.96', status: 'INVOICED' });
  await db().milestoneEvidence.create({ data: { milestoneId: milestone.id, uri: 'https://dms.example.com/docs/4711', sha256: 'a'.repeat(64), eventId: milestoneEvent.id } });
  await createLinks(corr, [
    { from: ['Engagement', engagement.id], to: ['TimeTransaction', t1.id], relation: 'CONTAINS', eventId: timesheetEvent.id },
    { from: ['Engagement', engagement.id], to: ['TimeTransaction', t2.id], relation: 'CONTAINS', eventId: timesheetEvent.id },
  ]);
  await db().auditRecord.create({ data: { actorType: 'CONNECTOR', entityType: 'Milestone', entityId: milestone.id, action: 'milestone.completed', correlationId: corr, eventId: milestoneEvent.id } });

  // 1,337.0393 rounds to 1,337.04; + 38,662.96 = 40,000.00; tax 5.75 % per line = 2,300.00.
  const invoice = await createInvoice({
    engagement,
    status: 'ISSUED',
    subtotal: '40000.00',
    taxTotal: '2300.00',
    total: '42300.00',
    lines: [
      {
        kind: 'TIME',
        quantity: '10.83',
        unitPrice: '123.457',
        amount: '1337.04',
        taxRate: '0.0575',
        taxAmount: '76.88',
        sources: [
          { kind: 'TIME_TRANSACTION', timeTransactionId: t1.id, quantity: '7.5', rate: '123.457', amount: '925.9275' },
          { kind: 'TIME_TRANSACTION', timeTransactionId: t2.id, quantity: '3.33', rate: '123.457', amount: '411.1118' },
        ],
      },
      { kind: 'MILESTONE', amount: '38662.96', taxRate: '0.0575', taxAmount: '2223.12', sources: [{ kind: 'MILESTONE', milestoneId: milestone.id, amount: '38662.96' }] },
    ],
  });
  Object.assign(ids, { invoice: invoice.id, t1: t1.id, milestone: milestone.id, timesheetEvent: timesheetEvent.id, milestoneEvent: milestoneEvent.id });
  const response = await explanationRoute(req(bearer), withId(invoice.id));
  expect(response.status).toBe(200);
  explanation = invoiceExplanationSchema.parse(await response.json());
});

const amountsOf = (nodes: ExplanationNode[]) => sum(nodes.map((n) => n.amount ?? '0'));

describe('GET /api/v1/invoices/{id}/explanation', () => {
  it('adds up: the invoice is its lines plus tax, each line its sources rounded half-up', () => {
    const { tree } = explanation;
    expect(tree).toMatchObject({ kind: 'Invoice', amount: '42300.00', currency: 'USD' });
    expect(amountsOf(tree.children).equals(dec('42300.00'))).toBe(true);
    const lines = tree.children.filter((n) => n.kind === 'InvoiceLine');
    expect(lines.map((l) => l.amount)).toEqual(['1337.04', '38662.96']);
    for (const line of lines) expect(roundToMinor(amountsOf(line.children), 'USD').equals(dec(line.amount!))).toBe(true);
    expect(tree.children.filter((n) => n.kind === 'TaxCode').map((n) => n.amount)).toEqual(['2300.00']);
    expect(explanation.summary).toMatch(/^Invoice T-INV-\S+ is 42300\.00 USD: 2 lines totalling 40000\.00 from 2 time entries, 1 milestone, plus tax of 2300\.00\.$/);
  });

  it('reaches the time entries, the timesheet and the event that delivered it', () => {
    const sources = explanation.tree.children[0]!.children;
    expect(sources.map((s) => [s.kind, s.amount, s.detail])).toEqual([
      ['InvoiceLineSource', '925.9275', '7.5 × 123.457'],
      ['InvoiceLineSource', '411.1118', '3.33 × 123.457'],
    ]);
    const time = sources[0]!.children[0]!;
    expect(time).toMatchObject({ id: ids.t1, kind: 'TimeTransaction', amount: '925.9275', system: 'psa', externalId: 'TS-42#0', eventId: ids.timesheetEvent });
    expect(time.detail).toBe('7.50 h × 123.457 = 925.9275');
    expect(time.children).toEqual([expect.objectContaining({ id: 'TS-42', kind: 'Timesheet', eventId: ids.timesheetEvent, system: 'psa' })]);
    expect(explanation.events.find((e) => e.id === ids.timesheetEvent)).toMatchObject({ type: 'q2c.timesheet.approved.v1' });
  });

  it('reaches the milestone, its evidence and the completion event', () => {
    const milestone = explanation.tree.children[1]!.children[0]!.children[0]!;
    expect(milestone).toMatchObject({ id: ids.milestone, kind: 'Milestone', label: 'Milestone M2 Discovery', amount: '38662.96', eventId: ids.milestoneEvent });
    expect(milestone.children).toEqual([expect.objectContaining({ kind: 'MilestoneEvidence', label: 'https://dms.example.com/docs/4711', eventId: ids.milestoneEvent })]);
  });

  it('404 for an unknown invoice; 403 for a role without lineage:read; 401', async () => {
    expect((await explanationRoute(req(bearer), withId('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await explanationRoute(req((await createPerson('EXECUTIVE')).bearer), withId(ids.invoice!))).status).toBe(403);
    expect((await explanationRoute(req(), withId(ids.invoice!))).status).toBe(401);
  });
});
