// q2c.timesheet.approved.v1 — an approved timesheet from the PSA or time tool. A later
// sequence of the same timesheet replaces its entries. Roles are not a closed list here:
// the rate cards decide, and an unknown role is a data problem for the workflow.
import { z } from 'zod';
import { entryHours, identifier, isoDate, optional, text, timestamp } from './fields.ts';

const timeEntry = z.looseObject({
  date: isoDate,
  hours: entryHours(),
  role: identifier,
  billable: z.boolean(),
  notes: optional(text),
});

export const timesheetApprovedData = z.looseObject({
  timesheetId: identifier,
  employeeId: identifier,
  engagementRef: identifier,
  entries: z.array(timeEntry).min(1, 'An approved timesheet has at least one entry.'),
  approvedAt: timestamp,
  approver: identifier,
});

export type TimesheetApprovedData = z.output<typeof timesheetApprovedData>;
