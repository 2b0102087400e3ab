// Schemas of GET /api/v1/cash/receipts: the cash page's receipts as an API (the page
// prefetches it on the server and fetches it in the browser with the same parameters):
// newest first, with the payer, what was applied to which invoices and what is left.
import { z } from 'zod';
import { CashApplicationKind, CashApplicationMethod, CashReceiptStatus, DeductionStatus } from '../../db/generated/enums.ts';
import { RECEIPTS_PAGE_SIZE } from '../../queries/cash/list-receipts.ts';
import { receiptListFields } from './console-money-params.ts';
import { periodsInOrder } from './day-period.ts';
import { currencyCode, dateTime, moneyString, pageOf, pageQuery } from './response-fields.ts';

export const listReceiptsQuerySchema = z
  .object({ ...receiptListFields, ...pageQuery({ defaultLimit: RECEIPTS_PAGE_SIZE, maxLimit: 100 }) })
  .superRefine(periodsInOrder(['received']));

export const receiptSchema = z.object({
  id: z.uuid(),
  paymentId: z.string().describe("The payment's id in the gateway or the bank's reference."),
  sourceSystem: z.string(),
  payer: z.string().describe('The client matched to the payer, else the name or id the payer sent.'),
  client: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  legalEntityCode: z.string().nullable(),
  currency: currencyCode,
  amount: moneyString,
  applied: moneyString,
  unapplied: moneyString,
  refunded: moneyString,
  status: z.enum(CashReceiptStatus),
  receivedAt: dateTime,
  applications: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(CashApplicationKind),
      method: z.enum(CashApplicationMethod),
      automatic: z.boolean(),
      amount: moneyString,
      deduction: moneyString,
      deductionStatus: z.enum(DeductionStatus),
      reversed: z.boolean(),
      invoice: z.object({ id: z.uuid(), number: z.string().nullable() }),
    }),
  ),
});

export const receiptPageSchema = pageOf(receiptSchema);

export type ListReceiptsQuery = z.output<typeof listReceiptsQuerySchema>;
