// q2c.expense.approved.v1 — an approved expense on an engagement, in its own currency;
// billable ones are invoiced at cost.
import { z } from 'zod';
import { amount, currencyCode, identifier, isoDate, optional, text } from './fields.ts';

export const expenseApprovedData = z.looseObject({
  expenseId: identifier,
  engagementRef: identifier,
  amount: amount({ positive: true }),
  currency: currencyCode,
  billable: z.boolean(),
  category: identifier,
  date: isoDate,
  description: optional(text),
  employeeId: optional(identifier),
});

export type ExpenseApprovedData = z.output<typeof expenseApprovedData>;
