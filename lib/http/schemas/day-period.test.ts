import { describe, expect, it } from 'vitest';
import { cashPageParamsSchema, invoicePageParamsSchema, pageParams } from './console-money-params';
import { listEngagementsQuerySchema } from './engagements';
import { listInvoicesQuerySchema } from './invoices';

describe('drill-down periods in list URLs and API queries', () => {
  it('reads a period of days, either end optional', () => {
    expect(pageParams(invoicePageParamsSchema, new URLSearchParams('issuedFrom=2026-09-01&issuedTo=2026-09-30&region=EMEA'))).toMatchObject({ ok: true, query: { issuedFrom: '2026-09-01', issuedTo: '2026-09-30', region: 'EMEA' } });
    expect(pageParams(cashPageParamsSchema, new URLSearchParams('receivedTo=2026-09-30&issuedFrom='))).toMatchObject({ ok: true, query: { receivedTo: '2026-09-30' } });
  });

  it.each([
    ['issuedFrom=2026-10-01&issuedTo=2026-09-30', 'issuedFrom'],
    ['eligibleFrom=2026-09-31', 'eligibleFrom'],
    ['issuedTo=yesterday', 'issuedTo'],
  ])('refuses %s, naming %s', (query, parameter) => {
    expect(pageParams(invoicePageParamsSchema, new URLSearchParams(query))).toEqual({ ok: false, message: `This view's address has values that are not valid for: ${parameter}.` });
  });

  it('the APIs refuse a period that ends before it starts, at the first day', () => {
    const invoices = listInvoicesQuerySchema.safeParse({ issuedFrom: '2026-10-01', issuedTo: '2026-09-30' });
    expect(invoices.success ? [] : invoices.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['issuedFrom', 'issuedFrom is after issuedTo.']]);
    expect(listEngagementsQuerySchema.safeParse({ activatedFrom: '2026-10-01', activatedTo: '2026-10-01', region: 'AMER' }).success).toBe(true);
    expect(listEngagementsQuerySchema.safeParse({ activatedFrom: '2026-10-02', activatedTo: '2026-10-01' }).success).toBe(false);
  });
});
