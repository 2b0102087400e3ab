// GET /api/v1/cash/receipts on a real database: the cash page's receipts as an API (the page
// prefetches it and fetches it in the browser with the page's URL): the page's filter names,
// newest first with keyset pages, exact money, applications with their invoices, 400, 401.
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as receiptsRoute } from '@/app/api/v1/cash/receipts/route';
import { db } from '../db/client.ts';
import { receiptPageSchema } from './schemas/cash-receipts.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { createEngagement } from '../../test/fixtures/q2c-delivery.ts';
import { createInvoice } from '../../test/fixtures/q2c-billing.ts';

const noParams = { params: Promise.resolve({}) };
const req = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });

// A day of its own, so other tests' receipts never fall in this test's view.
const day = new Date(Date.UTC(1950 + randomInt(40), randomInt(12), 1 + randomInt(28))).toISOString().slice(0, 10);
let bearer: Record<string, string>;
const ids: Record<'applied' | 'open' | 'later', string> = { applied: '', open: '', later: '' };
let invoiceNumber: string | null;

async function receipt(o: { at: string; amount: string; applied: string; unapplied: string; status: 'APPLIED' | 'UNAPPLIED' }) {
  return db().cashReceipt.create({
    data: { sourceSystem: 'bank', externalId: `R-${randomInt(1e9)}`, payerName: 'Payer Ltd', amount: o.amount, appliedAmount: o.applied, unappliedAmount: o.unapplied, currency: 'USD', status: o.status, receivedAt: new Date(`${day}T${o.at}Z`) },
  });
}

beforeAll(async () => {
  bearer = (await createPerson('FINANCE')).bearer;
  const { engagement } = await createEngagement();
  const invoice = await createInvoice({ engagement, status: 'PAID', subtotal: '1000.10', total: '1000.10', balanceDue: '0' });
  invoiceNumber = invoice.number;
  const applied = await receipt({ at: '09:00:00', amount: '1000.10', applied: '1000.10', unapplied: '0', status: 'APPLIED' });
  await db().cashApplication.create({ data: { kind: 'APPLICATION', receiptId: applied.id, invoiceId: invoice.id, method: 'REMITTANCE', automatic: true, amount: '1000.10', currency: 'USD', appliedAt: new Date(`${day}T09:00:00Z`) } });
  ids.applied = applied.id;
  ids.open = (await receipt({ at: '10:00:00', amount: '250.55', applied: '0', unapplied: '250.55', status: 'UNAPPLIED' })).id;
  ids.later = (await receipt({ at: '11:00:00', amount: '75.00', applied: '0', unapplied: '75.00', status: 'UNAPPLIED' })).id;
});

async function get(query: string) {
  const response = await receiptsRoute(req(`/api/v1/cash/receipts?receivedFrom=${day}&receivedTo=${day}&${query}`, bearer), noParams);
  expect(response.status).toBe(200);
  return receiptPageSchema.parse(await response.json());
}

describe('GET /api/v1/cash/receipts', () => {
  it('lists the receipts of the period newest first, with exact money and the invoices cash went to', async () => {
    const page = await get('');
    expect(page.items.map((r) => r.id)).toEqual([ids.later, ids.open, ids.applied]);
    const applied = page.items[2]!;
    expect([applied.amount, applied.unapplied, applied.payer]).toEqual(['1000.10', '0.00', 'Payer Ltd']);
    expect(applied.applications.map((a) => [a.invoice.number, a.amount, a.method])).toEqual([[invoiceNumber, '1000.10', 'REMITTANCE']]);
  });

  it("takes the page's filter names and pages with a cursor", async () => {
    expect((await get('status=UNAPPLIED')).items.map((r) => r.id)).toEqual([ids.later, ids.open]);
    expect((await get('legalEntity=DE01')).items).toEqual([]);
    const first = await get('limit=2');
    expect(first.items.map((r) => r.id)).toEqual([ids.later, ids.open]);
    const second = await get(`limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((r) => r.id)).toEqual([ids.applied]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a bad status or period with problem+json; 401 without credentials', async () => {
    const bad = await receiptsRoute(req('/api/v1/cash/receipts?status=LOST', bearer), noParams);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await receiptsRoute(req('/api/v1/cash/receipts?receivedFrom=2026-02-01&receivedTo=2026-01-01', bearer), noParams)).status).toBe(400);
    expect((await receiptsRoute(req('/api/v1/cash/receipts'), noParams)).status).toBe(401);
  });
});
