// GET /api/v1/invoices/summaries on a real database: the console's invoices list as an API
// (the page prefetches it and fetches it in the browser with the page's URL), with the page's
// filter names, its sorts and their cursors, ageing measured today, 400 for a bad value, 401.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as summariesRoute } from '@/app/api/v1/invoices/summaries/route';
import { invoiceSummaryPageSchema } from './schemas/invoice-summaries.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { createEngagement } from '../../test/fixtures/q2c-delivery.ts';
import { createInvoice } from '../../test/fixtures/q2c-billing.ts';

const noParams = { params: Promise.resolve({}) };
const req = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });

let bearer: Record<string, string>;
let client: string;
const ids: Record<'small' | 'large' | 'credit', string> = { small: '', large: '', credit: '' };

beforeAll(async () => {
  bearer = (await createPerson('FINANCE')).bearer;
  const { engagement, client: c } = await createEngagement();
  client = c.id;
  ids.small = (await createInvoice({ engagement, status: 'PARTIALLY_PAID', subtotal: '1445.04', total: '1445.04', balanceDue: '445.04' })).id;
  ids.large = (await createInvoice({ engagement, status: 'ISSUED', subtotal: '9000.00', total: '9000.00' })).id;
  ids.credit = (await createInvoice({ engagement, kind: 'CREDIT_NOTE', status: 'ISSUED', subtotal: '-108.00', total: '-108.00', originalInvoiceId: ids.small, creditNoteReason: 'WRITE_OFF' })).id;
});

async function get(query: string) {
  const response = await summariesRoute(req(`/api/v1/invoices/summaries?client=${client}&${query}`, bearer), noParams);
  expect(response.status).toBe(200);
  return invoiceSummaryPageSchema.parse(await response.json());
}

describe('GET /api/v1/invoices/summaries', () => {
  it("takes the page's filter names: client, status, kind and reason, legal entity, ageing", async () => {
    expect((await get('')).items.map((i) => i.id).sort()).toEqual(Object.values(ids).sort());
    expect((await get('status=ISSUED,PARTIALLY_PAID&kind=INVOICE')).items.map((i) => i.id).sort()).toEqual([ids.small, ids.large].sort());
    expect((await get('reason=WRITE_OFF')).items.map((i) => i.id)).toEqual([ids.credit]);
    expect((await get('legalEntity=DE01')).items).toEqual([]);
    // Due 2026-05-06: more than 90 days past due today, so both open invoices are 90+.
    const overdue = await get('aging=90%2B');
    expect(overdue.items.map((i) => [i.id, i.ageing]).sort()).toEqual([[ids.small, '90+'], [ids.large, '90+']].sort());
  });

  it('sorts by open balance with exact money and pages with that order’s cursor', async () => {
    const first = await get('sort=-balanceDue&kind=INVOICE&limit=1');
    expect(first.items.map((i) => [i.id, i.balanceDue, i.total])).toEqual([[ids.large, '9000.00', '9000.00']]);
    const second = await get(`sort=-balanceDue&kind=INVOICE&limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((i) => [i.id, i.balanceDue])).toEqual([[ids.small, '445.04']]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a bad value with problem+json and a cursor of another order; 401 without credentials', async () => {
    const bad = await summariesRoute(req(`/api/v1/invoices/summaries?sort=amount`, bearer), noParams);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const first = await get('sort=-balanceDue&limit=1');
    const mixed = await summariesRoute(req(`/api/v1/invoices/summaries?sort=dueDate&cursor=${encodeURIComponent(first.nextCursor!)}`, bearer), noParams);
    expect(mixed.status).toBe(400);
    expect((await summariesRoute(req('/api/v1/invoices/summaries'), noParams)).status).toBe(401);
  });
});
