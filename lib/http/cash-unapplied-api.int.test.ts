// GET /api/v1/cash/unapplied on a real database: a payment the matcher could not apply is on
// the workbench with its unapplied cash (exact, for expectedUnapplied) and the payer's open
// invoices as suggestions with their evidence; keyset pages, 400 for a bad value, 401.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as unappliedRoute } from '@/app/api/v1/cash/unapplied/route';
import { workbenchPageSchema } from './schemas/cash-workbench.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { cashConnectors, createEngagement, createInvoice, createPayer, payment, receiptOf, receivePayment } from '../../test/fixtures/cash.ts';

const noParams = { params: Promise.resolve({}) };
const req = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });

let bearer: Record<string, string>;
let invoiceId: string;
let receiptId: string;

beforeAll(async () => {
  bearer = (await createPerson('FINANCE')).bearer;
  const { payments } = await cashConnectors();
  const { client, externalId } = await createPayer(payments);
  const engagement = await createEngagement(client.id);
  invoiceId = (await createInvoice(engagement, { net: '7331.17' })).id;
  // A second open invoice of the payer, so no automatic rule settles the payment.
  await createInvoice(engagement, { net: '50.00' });
  const unapplied = payment({ amount: '7000.00', payer: { externalId }, receivedAt: new Date().toISOString() });
  await receivePayment(payments, unapplied);
  receiptId = (await receiptOf(payments, unapplied.paymentId)).id;
});

async function findReceipt(query: string) {
  let cursor: string | null = null;
  do {
    const response = await unappliedRoute(req(`/api/v1/cash/unapplied?limit=50${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, bearer), noParams);
    expect(response.status).toBe(200);
    const page = workbenchPageSchema.parse(await response.json());
    const item = page.items.find((i) => i.receipt.id === receiptId);
    if (item) return item;
    cursor = page.nextCursor;
  } while (cursor);
  return undefined;
}

describe('GET /api/v1/cash/unapplied', () => {
  it('lists the unapplied receipt with its exact unapplied cash and the suggested invoices', async () => {
    const item = await findReceipt('');
    expect(item?.receipt.unapplied).toBe('7000.00');
    expect(item?.unappliedExact).toBe('7000');
    expect(item?.suggestions.map((s) => [s.invoice.id, s.evidence, s.applyAmount])).toEqual(expect.arrayContaining([[invoiceId, ['AMOUNT_PARTIAL', 'SAME_CLIENT'], '7000.00']]));
  });

  it('scopes by legal entity with the page URL name', async () => {
    expect(await findReceipt('&legalEntity=NO-SUCH-ENTITY')).toBeUndefined();
  });

  it('refuses a bad page size with problem+json; 401 without credentials', async () => {
    const bad = await unappliedRoute(req('/api/v1/cash/unapplied?limit=500', bearer), noParams);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await unappliedRoute(req('/api/v1/cash/unapplied'), noParams)).status).toBe(401);
  });
});
