// Schemas of the invoicing API: POST /api/v1/billing/runs {asOf, legalEntityCode?},
// POST /api/v1/invoices/{id}/void {reason} and POST /api/v1/invoices/{id}/credit-notes
// {reason, note?, lines?}, and what each answers. Amounts are exact decimal strings.
import { z } from 'zod';
import { CreditNoteReason } from '../../db/generated/enums.ts';
import { decimalString } from '../../domain/money/decimal-string.ts';
import { isIsoDate } from '../../domain/periods/calendar-date.ts';
import { currencyCode, moneyString } from './response-fields.ts';

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

const held = z.object({
  engagementId: z.uuid(),
  engagementCode: z.string(),
  invoiceId: z.uuid().optional(),
  sourceKind: z.string().optional(),
  sourceId: z.uuid().optional(),
  code: z.string().describe('An exception code (RATE_CARD_MISSING, TAX_ENGINE_UNAVAILABLE, MISSING_TAX_PROFILE …) or a state (MISSING_APPROVAL, BILLING_CONFLICT, NO_OPEN_PERIOD …).'),
  message: z.string(),
});

export const billingRunSummarySchema = z.object({
  asOf: z.iso.date(),
  legalEntityCode: z.string().nullable(),
  engagementsConsidered: z.number().int(),
  invoicesDrafted: z.number().int(),
  invoicesIssued: z.number().int().describe('0 when the run had already been made: runs are repeatable.'),
  awaitingTax: z.number().int().describe('Invoices of the scope still waiting for the tax engine; retried every 15 minutes and by the next run.'),
  held: z.array(held),
  totalsByCurrency: z.record(currencyCode, z.object({ invoices: z.number().int(), subtotal: moneyString, taxTotal: moneyString, total: moneyString })),
  invoices: z.array(z.object({ id: z.uuid(), number: z.string(), engagementId: z.uuid(), currency: currencyCode, total: moneyString, accountingPeriod: z.string(), latePosting: z.boolean() })),
});

export const voidInvoiceResultSchema = z.object({
  invoiceId: z.uuid(),
  number: z.string().nullable(),
  status: z.literal('VOID'),
  alreadyVoid: z.boolean(),
  releasedSources: z.number().int(),
});

export const creditNoteResultSchema = z.object({
  creditNoteId: z.uuid(),
  number: z.string(),
  originalInvoiceId: z.uuid(),
  total: moneyString.describe('Negative: what the credit note takes off the invoice, tax included.'),
  fullyCredited: z.boolean(),
  releasedSources: z.number().int(),
});
