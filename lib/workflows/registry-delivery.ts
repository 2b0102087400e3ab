// The delivery workflows (time, expenses, usage, milestones) and the ERP's invoice
// confirmation, for the inbox processor's registry to include.
import { expenseApprovedWorkflow } from './expense-approved.ts';
import { invoicePostedWorkflow } from './invoice-posted.ts';
import { milestoneCompletedWorkflow } from './milestone-completed.ts';
import { timesheetApprovedWorkflow } from './timesheet-approved.ts';
import { usageRecordedWorkflow } from './usage-recorded.ts';
import type { Workflow } from './workflow.ts';

export const deliveryWorkflows: readonly Workflow[] = [
  timesheetApprovedWorkflow,
  expenseApprovedWorkflow,
  usageRecordedWorkflow,
  milestoneCompletedWorkflow,
  invoicePostedWorkflow,
];
