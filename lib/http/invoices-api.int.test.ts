// The invoices API on a real database: lines with their sources (unrounded amounts, FX),
// credit notes linked to what they credit, cash applications, filters, pages, 401/404.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as listRoute } from '@/app/api/v1/invoices/route';
import { GET as detailRoute } from '@/app/api/v1/invoices/[id]/route';
import { db } from '../db/client.ts';
import { invoiceDetailSchema, invoicePageSchema } from './schemas/invoices.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { createEmployee, createEngagement, createExpense, createTime } from '../../test/fixtures/q2c-delivery.ts';
import { createCashApplication, createInvoice } from '../../test/fixtures/q2c-billing.ts';

const noParams = { params: Promise.resolve({}) };
const withId = (id: string) => ({ params: Promise.resolve({ id }) });
const req = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });

let bearer: Record<string, string>;
let fixture: Awaited<ReturnType<typeof createEngagement>>;
let invoice: Awaited<ReturnType<typeof createInvoice>>;
let creditNote: Awaited<ReturnType<typeof createInvoice>>;

beforeAll(async () => {
  bearer = (await createPerson('FINANCE')).bearer;
  fixture = await createEngagement();
  const e = fixture.engagement;
  const employee = await createEmployee();
  const t1 = await createTime({ engagementId: e.id, employeeId: employee.id, hours: '7.5', rate: '123.457', amount: '925.9275' });
  const t2 = await createTime({ engagementId: e.id, employeeId: employee.id, hours: '3.33', rate: '123.457', amount: '411.1118' });
  const expense = await createExpense({ engagementId: e.id, amount: '100.00', currency: 'EUR' });
  invoice = await createInvoice({
    engagement: e,
    status: 'PARTIALLY_PAID',
    subtotal: '1445.04',
    taxTotal: '0',
    total: '1445.04',
    balanceDue: '445.04',
    lines: [
      {
        kind: 'TIME',
        quantity: '10.83',
        unitPrice: '123.457',
        amount: '1337.04',
        sources: [
          { kind: 'TIME_TRANSACTION', timeTransactionId: t1.id, quantity: '7.5', rate: '123.457', amount: '925.9275' },
          { kind: 'TIME_TRANSACTION', timeTransactionId: t2.id, quantity: '3.33', rate: '123.457', amount: '411.1118' },
        ],
      },
      { kind: 'EXPENSE', amount: '108.00', sources: [{ kind: 'EXPENSE', expenseId: expense.id, amount: '108.0000' }] },
    ],
  });
  await db().invoiceLineSource.updateMany({ where: { expenseId: expense.id }, data: { sourceAmount: '100.00', sourceCurrency: 'EUR', fxRate: '1.08' } });
  await createCashApplication({ invoiceId: invoice.id, amount: '1000.00' });
  creditNote = await createInvoice({
    engagement: e,
    kind: 'CREDIT_NOTE',
    status: 'ISSUED',
    subtotal: '-108.00',
    total: '-108.00',
    originalInvoiceId: invoice.id,
    creditNoteReason: 'BILLING_ERROR',
    lines: [{ kind: 'CREDIT', amount: '-108.00', creditedLineId: invoice.lines[1]!.id }],
  });
  await createInvoice({ engagement: e, status: 'DRAFT', subtotal: '10.00', total: '10.00' });
});

describe('GET /api/v1/invoices/{id}', () => {
  it('the invoice with lines, sources, credit notes and cash applied', async () => {
    const response = await detailRoute(req(`/api/v1/invoices/${invoice.id}`, bearer), withId(invoice.id));
    expect(response.status).toBe(200);
    const body = invoiceDetailSchema.parse(await response.json());
    expect(body).toMatchObject({
      number: invoice.number,
      status: 'PARTIALLY_PAID',
      currency: 'USD',
      subtotal: '1445.04',
      tax: '0.00',
      total: '1445.04',
      balanceDue: '445.04',
      engagement: { id: fixture.engagement.id, code: fixture.engagement.code },
      issueDate: '2026-04-06',
    });
    const [time, expense] = body.lines;
    expect(time).toMatchObject({ lineNo: 1, kind: 'TIME', quantity: '10.83', unitPrice: '123.457', amount: '1337.04' });
    expect(time!.sources.map((s) => [s.kind, s.sourceType, s.unroundedAmount, s.quantity, s.rate, s.inForce])).toEqual([
      ['TIME_TRANSACTION', 'TimeTransaction', '925.9275', '7.5', '123.457', true],
      ['TIME_TRANSACTION', 'TimeTransaction', '411.1118', '3.33', '123.457', true],
    ]);
    expect(expense!.sources[0]).toMatchObject({ sourceType: 'Expense', unroundedAmount: '108.00', sourceAmount: '100.00', sourceCurrency: 'EUR', fxRate: '1.08' });
    expect(body.creditNotes).toEqual([{ id: creditNote.id, number: creditNote.number, status: 'ISSUED', reason: 'BILLING_ERROR', issueDate: '2026-04-06', total: '-108.00' }]);
    expect(body.cashApplications).toEqual([expect.objectContaining({ kind: 'APPLICATION', amount: '1000.00', deductionAmount: '0.00', method: 'REMITTANCE' })]);
  });

  it('a credit note points at the invoice and line it credits; 404 for unknown or malformed ids; 401', async () => {
    const body = invoiceDetailSchema.parse(await (await detailRoute(req(`/api/v1/invoices/${creditNote.id}`, bearer), withId(creditNote.id))).json());
    expect(body).toMatchObject({ kind: 'CREDIT_NOTE', originalInvoiceId: invoice.id, creditNoteReason: 'BILLING_ERROR', total: '-108.00' });
    expect(body.lines[0]).toMatchObject({ kind: 'CREDIT', amount: '-108.00', creditedLineId: invoice.lines[1]!.id });
    for (const id of ['00000000-0000-4000-8000-000000000000', 'INV-1']) expect((await detailRoute(req(`/api/v1/invoices/${id}`, bearer), withId(id))).status).toBe(404);
    expect((await detailRoute(req(`/api/v1/invoices/${invoice.id}`), withId(invoice.id))).status).toBe(401);
  });
});

describe('GET /api/v1/invoices', () => {
  it('filters by engagement, status, kind, client and legal entity; lines come with each invoice', async () => {
    const base = `/api/v1/invoices?engagementId=${fixture.engagement.id}`;
    const get = async (query = '') => invoicePageSchema.parse(await (await listRoute(req(`${base}${query}`, bearer), noParams)).json());
    expect((await get()).items).toHaveLength(3);
    const open = await get('&status=PARTIALLY_PAID,ISSUED');
    expect(open.items.map((i) => i.kind).sort()).toEqual(['CREDIT_NOTE', 'INVOICE']);
    expect(open.items.find((i) => i.id === invoice.id)?.lines.flatMap((l) => l.sources)).toHaveLength(3);
    expect((await get('&kind=CREDIT_NOTE')).items.map((i) => i.id)).toEqual([creditNote.id]);
    expect((await get(`&clientId=${fixture.client.id}&legalEntityCode=US01`)).items).toHaveLength(3);
    expect((await get('&legalEntityCode=DE01')).items).toEqual([]);
    expect((await listRoute(req(`${base}&status=OPEN`, bearer), noParams)).status).toBe(400);
  });

  it('pages newest first with a cursor; 401 without credentials', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = invoicePageSchema.parse(await (await listRoute(req(`/api/v1/invoices?engagementId=${fixture.engagement.id}&limit=1${cursor ? `&cursor=${cursor}` : ''}`, bearer), noParams)).json());
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(3);
    expect((await listRoute(req('/api/v1/invoices'), noParams)).status).toBe(401);
  });
});
