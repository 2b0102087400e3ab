// How the demo's clients pay an invoice, decided from the client's habit and a stream of
// chance named after the invoice (engagement and the invoice's place in it), so the same
// world pays the same way whatever order the engine numbered its invoices in. Pure: the
// loader carries the plan out through the bank, the payment gateway or a remittance advice.
import { dec } from '../domain/money/decimal.ts';
import { addDays, type IsoDate } from '../domain/periods/calendar-date.ts';
import { seededRandom } from './random.ts';
import type { PayerHabit } from './types.ts';

export type PaymentPlan =
  | { channel: 'bank'; on: IsoDate; amount: string; reference: string }
  | { channel: 'card'; on: IsoDate; amount: string; reference: string; dispute: boolean }
  | { channel: 'remittance'; on: IsoDate; amount: string; reference: string; deduction: string; reasonCode: string };

export interface InvoiceToPay {
  quoteId: string;
  /** 1 for the engagement's first invoice, 2 for the next… */
  ordinal: number;
  number: string;
  total: string;
  currency: string;
  issueDate: IsoDate;
}

const REASONS = ['PRICING', 'SHORT_PAY_FEES', 'SERVICE_CREDIT'];

/** The payment of one invoice, or null when the client has not paid it (yet). */
export function planPayment(seed: string, habit: PayerHabit, invoice: InvoiceToPay): PaymentPlan | null {
  const total = dec(invoice.total);
  if (total.lte(0)) return null;
  const random = seededRandom(`${seed}/pay/${invoice.quoteId}/${invoice.ordinal}`);
  const base = { amount: total.toFixed(2), reference: invoice.number };
  // One invoice in twelve is simply left unpaid for a while (not the ones a habit is about).
  const unpaid = random.chance(1 / 12);
  if (unpaid && habit !== 'disputer' && habit !== 'short-payer') return null;
  switch (habit) {
    case 'prompt':
      return { channel: 'bank', on: addDays(invoice.issueDate, random.int(12, 30)), ...base };
    case 'slow':
      return { channel: 'bank', on: addDays(invoice.issueDate, random.int(45, 80)), ...base };
    case 'card':
      return { channel: 'card', on: addDays(invoice.issueDate, random.int(3, 12)), dispute: false, ...base };
    case 'disputer':
      // The first invoice, and every third after it, is disputed.
      return { channel: 'card', on: addDays(invoice.issueDate, random.int(5, 20)), dispute: invoice.ordinal % 3 === 1, ...base };
    case 'short-payer': {
      // Every other invoice is paid short, the first one included.
      if (invoice.ordinal % 2 === 0) return { channel: 'bank', on: addDays(invoice.issueDate, random.int(20, 40)), ...base };
      const deduction = total.times(random.pick(['0.02', '0.03', '0.05'])).toDecimalPlaces(2);
      return { channel: 'remittance', on: addDays(invoice.issueDate, random.int(25, 45)), amount: total.minus(deduction).toFixed(2), reference: invoice.number, deduction: deduction.toFixed(2), reasonCode: random.pick(REASONS) };
    }
  }
}
