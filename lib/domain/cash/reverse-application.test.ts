import { describe, expect, it } from 'vitest';
import { matchPayment } from './match-payment.ts';
import { reverseApplication, type ApplicationToReverse, type InvoiceCashState, type ReceiptCashState } from './reverse-application.ts';

const at = new Date('2026-03-02T10:00:00Z');

const application = (fields: Partial<ApplicationToReverse> = {}): ApplicationToReverse => ({
  id: 'app-1',
  kind: 'APPLICATION',
  receiptId: 'rcpt-1',
  invoiceId: 'inv-1',
  method: 'EXACT_AMOUNT',
  automatic: true,
  amount: '1000.00',
  currency: 'USD',
  deductionAmount: '0',
  deductionStatus: 'NONE',
  reversedAt: null,
  ...fields,
});
const invoice = (fields: Partial<InvoiceCashState> = {}): InvoiceCashState => ({ id: 'inv-1', status: 'PAID', amountApplied: '1000.00', balanceDue: '0', postedAt: at, ...fields });
const receipt = (fields: Partial<ReceiptCashState> = {}): ReceiptCashState => ({ id: 'rcpt-1', amount: '1000.00', appliedAmount: '1000.00', unappliedAmount: '0', refundedAmount: '0', ...fields });

describe('reverseApplication', () => {
  it.each([
    {
      name: 'a full application: invoice back to POSTED, cash back to unapplied',
      input: { application: application(), invoice: invoice(), receipt: receipt() },
      expected: { invoice: ['0.00', '1000.00', 'POSTED'], receipt: ['0.00', '1000.00', '0.00', 'UNAPPLIED'], followUp: 'NONE', exceptions: ['UNAPPLIED_CASH:1000.00'] },
    },
    {
      name: 'one of two applications on the invoice: PARTIALLY_PAID',
      input: { application: application({ amount: '400.00' }), invoice: invoice({ amountApplied: '1000.00' }), receipt: receipt({ amount: '400.00', appliedAmount: '400.00' }) },
      expected: { invoice: ['600.00', '400.00', 'PARTIALLY_PAID'], receipt: ['0.00', '400.00', '0.00', 'UNAPPLIED'], followUp: 'NONE', exceptions: ['UNAPPLIED_CASH:400.00'] },
    },
    {
      name: 'never posted to the ERP: back to ISSUED',
      input: { application: application(), invoice: invoice({ postedAt: null }), receipt: receipt() },
      expected: { invoice: ['0.00', '1000.00', 'ISSUED'], receipt: ['0.00', '1000.00', '0.00', 'UNAPPLIED'], followUp: 'NONE', exceptions: ['UNAPPLIED_CASH:1000.00'] },
    },
    {
      name: 'refunded to the payer: the receipt is REFUNDED, no unapplied cash',
      input: { application: application(), invoice: invoice(), receipt: receipt(), disposition: 'REFUNDED' as const },
      expected: { invoice: ['0.00', '1000.00', 'POSTED'], receipt: ['0.00', '0.00', '1000.00', 'REFUNDED'], followUp: 'NONE', exceptions: [] },
    },
    {
      name: 'a short pay with a pending deduction: the deduction is withdrawn with the cash',
      input: {
        application: application({ method: 'REMITTANCE', amount: '950.00', deductionAmount: '50.00', deductionStatus: 'PENDING_APPROVAL' as const }),
        invoice: invoice({ status: 'PARTIALLY_PAID', amountApplied: '950.00', balanceDue: '50.00' }),
        receipt: receipt({ amount: '950.00', appliedAmount: '950.00' }),
      },
      expected: { invoice: ['0.00', '1000.00', 'POSTED'], receipt: ['0.00', '950.00', '0.00', 'UNAPPLIED'], followUp: 'WITHDRAW_PENDING_DEDUCTION', exceptions: ['UNAPPLIED_CASH:950.00'] },
    },
    {
      name: 'an approved deduction: its credit note stands, only the cash comes back',
      input: {
        application: application({ method: 'REMITTANCE', amount: '950.00', deductionAmount: '50.00', deductionStatus: 'APPROVED' as const }),
        invoice: invoice({ amountApplied: '950.00', balanceDue: '0' }),
        receipt: receipt({ amount: '950.00', appliedAmount: '950.00' }),
      },
      expected: { invoice: ['0.00', '950.00', 'POSTED'], receipt: ['0.00', '950.00', '0.00', 'UNAPPLIED'], followUp: 'APPROVED_CREDIT_NOTE_STANDS', exceptions: ['UNAPPLIED_CASH:950.00'] },
    },
  ])('$name', ({ input, expected }) => {
    const result = reverseApplication({ ...input, reason: 'applied to the wrong invoice', at });
    if (result.status !== 'reversed') throw new Error('expected a reversal');
    expect([result.invoice.amountApplied.toFixed(2), result.invoice.balanceDue.toFixed(2), result.invoice.status]).toEqual(expected.invoice);
    expect([result.receipt.appliedAmount.toFixed(2), result.receipt.unappliedAmount.toFixed(2), result.receipt.refundedAmount.toFixed(2), result.receipt.status]).toEqual(expected.receipt);
    expect(result.deductionFollowUp).toBe(expected.followUp);
    expect(result.exceptions.map((e) => `${e.code}:${e.amount.toFixed(2)}`)).toEqual(expected.exceptions);
  });

  it('writes a negative twin pointing at the original, which gets reversedAt', () => {
    const result = reverseApplication({
      application: application({ amount: '950.00', deductionAmount: '50.00', deductionStatus: 'PENDING_APPROVAL', method: 'REMITTANCE' }),
      invoice: invoice(),
      receipt: receipt(),
      reason: 'payer asked',
      at,
    });
    if (result.status !== 'reversed') throw new Error('expected a reversal');
    expect(result.reversal).toMatchObject({ kind: 'REVERSAL', reversesApplicationId: 'app-1', method: 'REMITTANCE', automatic: true, appliedAt: at, reversalReason: 'payer asked', deductionStatus: 'NONE' });
    expect(result.reversal.amount.toFixed(2)).toBe('-950.00');
    expect(result.reversal.deductionAmount.toFixed(2)).toBe('-50.00');
    expect(result.original).toEqual({ reversedAt: at, reversalReason: 'payer asked', deductionStatus: 'NONE' });
  });

  it('restores exactly what the matcher applied (round trip)', () => {
    const [applied] = matchPayment({ receipt: { amount: '1234.56', currency: 'USD', payerClientId: 'c' }, payerOpenInvoices: [{ id: 'inv-1', number: 'N', clientId: 'c', status: 'POSTED', currency: 'USD', balanceDue: '1234.56', issuedAt: at, dueDate: null }] }).applications;
    const result = reverseApplication({
      application: application({ amount: applied!.amount, method: applied!.method }),
      invoice: invoice({ amountApplied: applied!.amount, balanceDue: applied!.balanceDueAfter }),
      receipt: receipt({ amount: '1234.56', appliedAmount: applied!.amount }),
      reason: 'wrong client',
      at,
    });
    if (result.status !== 'reversed') throw new Error('expected a reversal');
    expect(result.invoice.balanceDue.toFixed(2)).toBe('1234.56');
    expect(result.receipt.unappliedAmount.toFixed(2)).toBe('1234.56');
  });

  it('is safe to repeat: an application already reversed changes nothing', () => {
    expect(reverseApplication({ application: application({ reversedAt: at }), invoice: invoice(), receipt: receipt(), reason: 'again', at })).toEqual({ status: 'already-reversed' });
  });

  it.each([
    ['a reversal row', { application: application({ kind: 'REVERSAL' }) }],
    ['another invoice', { invoice: invoice({ id: 'inv-2' }) }],
    ['another receipt', { receipt: receipt({ id: 'rcpt-2' }) }],
    ['no reason', { reason: '  ' }],
  ])('refuses %s', (_name, override) => {
    expect(() => reverseApplication({ application: application(), invoice: invoice(), receipt: receipt(), reason: 'x', at, ...override })).toThrow(RangeError);
  });
});
