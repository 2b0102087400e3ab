// Schemas of GET /api/v1/cash/decisions: the deductions and disputes awaiting FINANCE's
// decision (open SHORT_PAY_DEDUCTION and PAYMENT_DISPUTED exceptions), largest first, as the
// cash page shows them (it prefetches this call on the server and makes it in the browser).
import { z } from 'zod';
import { ExceptionStatus } from '../../db/generated/enums.ts';
import { DECISION_CODES, DECISIONS_PAGE_SIZE } from '../../queries/cash/list-cash-decisions.ts';
import { currencyCode, dateTime, moneyString, pageOf, pageQuery } from './response-fields.ts';

export const listCashDecisionsQuerySchema = z.object({
  invoiceId: z.uuid().optional().describe('Only the decisions about this invoice.'),
  ...pageQuery({ defaultLimit: DECISIONS_PAGE_SIZE, maxLimit: 100 }),
});

export const cashDecisionSchema = z.object({
  exceptionId: z.uuid().describe('Decide through POST /api/v1/exceptions/{id}/actions (approve or reject).'),
  code: z.enum(DECISION_CODES),
  title: z.string(),
  status: z.enum(ExceptionStatus),
  financialImpact: moneyString.describe('In USD, as the exception queue orders it.'),
  amount: moneyString.nullable().describe('The deduction or the disputed amount.'),
  currency: currencyCode.nullable(),
  reason: z.string().nullable(),
  invoice: z.object({ id: z.uuid(), number: z.string().nullable(), balanceDue: moneyString, status: z.string() }).nullable(),
  paymentId: z.string().nullable(),
  payer: z.string().nullable(),
  openedAt: dateTime,
  options: z.object({ approve: z.string(), reject: z.string() }).nullable().describe('What approving and rejecting decide, in words.'),
});

export const cashDecisionPageSchema = pageOf(cashDecisionSchema);
