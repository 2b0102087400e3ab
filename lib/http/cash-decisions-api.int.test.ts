// GET /api/v1/cash/decisions on a real database: a short-pay deduction received through the
// payments workflow awaits a decision with its money, invoice and the words of its options;
// the invoice filter, keyset pages, 400 for a bad id, 401.
import Decimal from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as decisionsRoute } from '@/app/api/v1/cash/decisions/route';
import { cashDecisionPageSchema } from './schemas/cash-decisions.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { cashConnectors, createEngagement, createInvoice, createPayer, payment, receivePayment } from '../../test/fixtures/cash.ts';

const noParams = { params: Promise.resolve({}) };
const req = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });

let bearer: Record<string, string>;
let invoice: Awaited<ReturnType<typeof createInvoice>>;
let paymentId: string;

beforeAll(async () => {
  bearer = (await createPerson('FINANCE')).bearer;
  const { payments } = await cashConnectors();
  const { client, externalId } = await createPayer(payments);
  const engagement = await createEngagement(client.id);
  invoice = await createInvoice(engagement, { net: '1000.00' });
  const short = payment({ amount: '960.00', payer: { externalId }, remittance: [{ invoiceNumber: invoice.number!, amount: '960.00', deduction: '40.00', reasonCode: 'DAMAGED' }] });
  paymentId = short.paymentId;
  await receivePayment(payments, short);
});

describe('GET /api/v1/cash/decisions', () => {
  it('lists the deduction awaiting a decision with its money, invoice and options', async () => {
    const response = await decisionsRoute(req(`/api/v1/cash/decisions?invoiceId=${invoice.id}`, bearer), noParams);
    expect(response.status).toBe(200);
    const page = cashDecisionPageSchema.parse(await response.json());
    expect(page.items).toEqual([
      expect.objectContaining({ code: 'SHORT_PAY_DEDUCTION', amount: '40.00', currency: 'USD', reason: 'DAMAGED', paymentId, invoice: { id: invoice.id, number: invoice.number, balanceDue: '40.00', status: 'PARTIALLY_PAID' } }),
    ]);
    expect(page.items[0]!.options?.approve).toBeTruthy();
  });

  it('pages largest first with a cursor of its own order', async () => {
    const first = cashDecisionPageSchema.parse(await (await decisionsRoute(req('/api/v1/cash/decisions?limit=1', bearer), noParams)).json());
    expect(first.items).toHaveLength(1);
    if (first.nextCursor) {
      const second = cashDecisionPageSchema.parse(await (await decisionsRoute(req(`/api/v1/cash/decisions?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`, bearer), noParams)).json());
      expect(second.items[0]!.exceptionId).not.toBe(first.items[0]!.exceptionId);
      expect(new Decimal(first.items[0]!.financialImpact).gte(second.items[0]!.financialImpact)).toBe(true);
    }
  });

  it('refuses a malformed invoice id with problem+json; 401 without credentials', async () => {
    const bad = await decisionsRoute(req('/api/v1/cash/decisions?invoiceId=INV-1', bearer), noParams);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await decisionsRoute(req('/api/v1/cash/decisions'), noParams)).status).toBe(401);
  });
});
