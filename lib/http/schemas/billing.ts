// Schemas of the invoicing API: POST /api/v1/billing/runs {asOf, legalEntityCode?},
// POST /api/v1/invoices/{id}/void {reason} and POST /api/v1/invoices/{id}/credit-notes
// {reason, note?, lines?}. Amounts are exact decimal strings, never JSON numbers.
import { z } from 'zod';
import { CreditNoteReason } from '../../db/generated/enums.ts';
import { decimalString } from '../../domain/money/decimal-string.ts';
import { isIsoDate } from '../../domain/periods/calendar-date.ts';

export const billingRunBodySchema = z.object({
  asOf: z.string().refine(isIsoDate, 'Expected a calendar date, YYYY-MM-DD.').describe('Issue every invoice due by this date (inclusive); today at the latest.'),
  legalEntityCode: z.string().trim().min(1).max(20).optional().describe('Only engagements of this legal entity, e.g. US01.'),
});

export const voidInvoiceBodySchema = z.object({
  reason: z.string().trim().min(1, 'Say why the invoice is voided.').max(2000),
});

export const creditNoteBodySchema = z.object({
  reason: z.enum(CreditNoteReason).describe('BILLING_ERROR, TIME_ADJUSTMENT and CANCELLATION make the credited sources billable again; DEDUCTION, DISPUTE and WRITE_OFF do not.'),
  note: z.string().trim().max(2000).optional(),
  lines: z
    .array(
      z.object({
        invoiceLineId: z.uuid(),
        amount: decimalString({ positive: true, maxScale: 4 }).optional().describe('Part of the line to credit; omitted: all that is left of it.'),
      }),
    )
    .min(1)
    .optional()
    .describe('Lines to credit; omitted: every line, in full.'),
});
