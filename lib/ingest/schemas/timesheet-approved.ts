// q2c.timesheet.approved.v1 — an approved timesheet from the PSA or time tool. A later
// sequence of the same timesheet replaces its entries. Roles are not a closed list here:
// the rate cards decide, and an unknown role is a data problem for the workflow.
// `withdrawn: true` with no entries withdraws the timesheet (a time tool deleted it): its
// recorded entries are superseded and, if already invoiced, reversed on the next invoice.
import { z } from 'zod';
import { entryHours, identifier, isoDate, optional, text, timestamp } from './fields.ts';

const timeEntry = z.looseObject({
  date: isoDate,
  hours: entryHours(),
  role: identifier,
  billable: z.boolean(),
  notes: optional(text),
});

export const timesheetApprovedData = z
  .looseObject({
    timesheetId: identifier,
    employeeId: identifier,
    engagementRef: identifier,
    entries: z.array(timeEntry),
    withdrawn: optional(z.boolean()),
    approvedAt: timestamp,
    approver: identifier,
  })
  .superRefine((sheet, ctx) => {
    if (!sheet.withdrawn && sheet.entries.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['entries'], message: 'An approved timesheet has at least one entry.', input: sheet.entries });
    }
    if (sheet.withdrawn && sheet.entries.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['entries'], message: 'A withdrawn timesheet has no entries.', input: sheet.entries });
    }
  });

export type TimesheetApprovedData = z.output<typeof timesheetApprovedData>;
