import { describe, expect, it } from 'vitest';
import { SimulatorProblem } from '../kit/problem.ts';
import { ErpLedger } from './ledger.ts';

const clock = () => new Date('2026-04-06T10:00:00Z');
const invoice = (invoiceId: string, extra: Record<string, unknown> = {}) => ({ invoiceId, number: `INV-${invoiceId}`, legalEntityCode: 'US01', currency: 'USD', total: '100.00', lines: [{ lineNo: 1, amount: '100.00' }], ...extra });
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as SimulatorProblem;
  }
  throw new Error('expected a refusal');
};

describe('ErpLedger', () => {
  it('posts an invoice once and refuses the same document again (another key) as a duplicate', () => {
    const ledger = new ErpLedger(clock);
    expect(ledger.post(invoice('i1'), 'INVOICE')).toMatchObject({ erpInvoiceNumber: 'ERP-INV-US01-100001', status: 'POSTED', postedAt: '2026-04-06T10:00:00.000Z' });
    expect(refusal(() => ledger.post(invoice('i1'), 'INVOICE'))).toMatchObject({ status: 409, code: 'DUPLICATE_DOCUMENT' });
    expect(ledger.documents.size).toBe(1);
    expect(ledger.duplicateRefusals).toBe(1);
  });

  it('posts business-dated documents overnight after their issue date, others now', () => {
    const ledger = new ErpLedger(clock);
    expect(ledger.post(invoice('b1', { issueDate: '2026-03-29' }), 'INVOICE', { businessDated: true }).postedAt).toBe('2026-03-30T07:00:00.000Z');
    expect(ledger.post(invoice('b2', { issueDate: '2026-03-29' }), 'INVOICE').postedAt).toBe('2026-04-06T10:00:00.000Z');
  });

  it('credits only posted invoices, and voids only documents it has', () => {
    const ledger = new ErpLedger(clock);
    expect(refusal(() => ledger.post(invoice('cn1', { originalInvoiceId: 'i9' }) as never, 'CREDIT_NOTE'))).toMatchObject({ status: 422, code: 'UNKNOWN_ORIGINAL' });
    ledger.post(invoice('i9'), 'INVOICE');
    expect(ledger.post(invoice('cn1', { originalInvoiceId: 'i9', total: '-100.00' }) as never, 'CREDIT_NOTE').erpInvoiceNumber).toMatch(/^ERP-CN-US01-/);
    expect(refusal(() => ledger.voidDocument({ invoiceId: 'nope', number: 'X', reason: 'r' }))).toMatchObject({ status: 422, code: 'UNKNOWN_DOCUMENT' });
    expect(ledger.voidDocument({ invoiceId: 'i9', number: 'INV-i9', reason: 'issued twice' }).status).toBe('VOID');
  });

  it('creates a customer and a project once per Threadline id', () => {
    const ledger = new ErpLedger(clock);
    const first = ledger.createCustomer({ clientId: 'c1', name: 'Acme', billToLegalEntityCode: 'US01' });
    expect(ledger.createCustomer({ clientId: 'c1', name: 'Acme', billToLegalEntityCode: 'US01' })).toEqual({ customerId: first.customerId, created: false });
    const project = ledger.createProject({ engagementId: 'e1', engagementCode: 'ENG-1', name: 'P', currency: 'USD', contractValue: '1.00' });
    expect(ledger.createProject({ engagementId: 'e1', engagementCode: 'ENG-1', name: 'P', currency: 'USD', contractValue: '1.00' })).toEqual({ projectId: project.projectId, created: false });
  });

  it('keeps the newest contract version when an older one arrives late', () => {
    const ledger = new ErpLedger(clock);
    ledger.updateContract({ engagementId: 'e1', sowVersion: 3, contractValue: '300.00', currency: 'USD' });
    expect(ledger.updateContract({ engagementId: 'e1', sowVersion: 2, contractValue: '200.00', currency: 'USD' })).toEqual({ engagementId: 'e1', sowVersion: 3 });
    expect(ledger.contracts.get('e1')).toMatchObject({ sowVersion: 3, contractValue: '300.00' });
  });
});
