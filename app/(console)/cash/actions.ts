'use server';
// The cash and invoice pages' actions, FINANCE only (finance:approve): decide a deduction
// or dispute (the exception approve/reject service with its money effect) and apply a
// receipt's unapplied cash to an invoice (the cash application service). Thin edges; the
// pages showing the money are revalidated so the new balances show at once.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { serverAction } from '@/lib/http/server-action';
import { applyReceiptBodySchema } from '@/lib/http/schemas/cash';
import { applyReceiptToInvoice } from '@/lib/services/cash/apply-receipt-to-invoice';
import { performExceptionAction } from '@/lib/services/exceptions/perform-exception-action';

const decisionSchema = z.object({
  exceptionId: z.uuid(),
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(2000).optional(),
});

const decide = serverAction({
  permission: 'finance:approve',
  input: decisionSchema,
  handler: async ({ principal, input }) => {
    const result = await performExceptionAction({ exceptionId: input.exceptionId, action: input.decision, actor: { userId: principal.userId, role: principal.role }, note: input.note, now: new Date() });
    revalidateMoneyPages();
    return { status: result.exception.status, alreadyDone: result.alreadyDone };
  },
});

const applySchema = applyReceiptBodySchema.extend({ receiptId: z.uuid() });

const apply = serverAction({
  permission: 'finance:approve',
  input: applySchema,
  handler: async ({ principal, input }) => {
    const result = await applyReceiptToInvoice({ ...input, actor: { userId: principal.userId }, now: new Date() });
    revalidateMoneyPages();
    return { invoiceNumber: result.invoice.number, balanceDue: result.invoice.balanceDue, unapplied: result.receipt.unappliedAmount, currency: result.currency };
  },
});

function revalidateMoneyPages() {
  revalidatePath('/cash');
  revalidatePath('/invoices');
  revalidatePath('/invoices/[id]', 'page');
  revalidatePath('/engagements/[id]', 'page');
}

export async function decideCashExceptionFromPage(input: z.input<typeof decisionSchema>) {
  return decide(input);
}

export async function applyReceiptFromPage(input: z.input<typeof applySchema>) {
  return apply(input);
}
