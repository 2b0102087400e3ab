// Schemas of GET /api/v1/cash/unapplied: the unapplied-cash workbench as an API (the cash
// page prefetches it on the server and pages through it in the browser): receipts with cash
// left to apply, newest first, each with the invoices it most likely pays and why.
import { z } from 'zod';
import type { MatchEvidence } from '../../domain/cash/suggest-matches.ts';
import { WORKBENCH_PAGE_SIZE } from '../../queries/cash/unapplied-workbench.ts';
import { receiptSchema } from './cash-receipts.ts';
import { calendarDate, decimalString, moneyString, pageOf, pageQuery } from './response-fields.ts';

const MATCH_EVIDENCE = ['AMOUNT_EXACT', 'AMOUNT_COVERS_INVOICE', 'AMOUNT_PARTIAL', 'REFERENCE', 'SAME_CLIENT', 'CLIENT_HIERARCHY', 'WITHIN_TERMS', 'NEAR_TERMS'] as const satisfies readonly MatchEvidence[];

export const listUnappliedCashQuerySchema = z.object({
  legalEntity: z.string().trim().min(1).max(200).optional().describe('The receiving legal entity code, e.g. US01.'),
  region: z.string().trim().min(1).max(200).optional().describe("The legal entities' reporting region, e.g. EMEA."),
  ...pageQuery({ defaultLimit: WORKBENCH_PAGE_SIZE, maxLimit: 50 }),
});

export const workbenchItemSchema = z.object({
  receipt: receiptSchema,
  unappliedExact: decimalString.describe('The unapplied amount unrounded: send it back as expectedUnapplied when applying.'),
  reference: z.string().describe('What the payer wrote (remittance text and invoice references).'),
  suggestions: z.array(
    z.object({
      invoice: z.object({ id: z.uuid(), number: z.string(), clientName: z.string(), dueDate: calendarDate.nullable(), balanceDue: moneyString, engagementCode: z.string() }),
      score: z.number().int(),
      evidence: z.array(z.enum(MATCH_EVIDENCE)),
      applyAmount: moneyString.describe('What applying would move: the smaller of the unapplied cash and the invoice balance.'),
    }),
  ),
});

export const workbenchPageSchema = pageOf(workbenchItemSchema);

export type ListUnappliedCashQuery = z.output<typeof listUnappliedCashQuerySchema>;
