// The connected systems' events a scenario sends, built the way each system writes them
// (DESIGN.md §5 catalog). Subjects are the aggregate ids; versioned aggregates carry their
// sequence. Dates are ISO strings; amounts decimal strings.
import type { OutgoingEvent } from './world.ts';

export const employeeUpdated = (employeeId: string, costRate: string, currency: string, costCenter: string): OutgoingEvent => ({
  type: 'q2c.employee.updated.v1',
  subject: employeeId,
  data: { employeeId, name: `Employee ${employeeId}`, costRate, currency, costCenter },
});

export const quoteAccepted = (correlationId: string, data: Record<string, unknown> & { quoteId: string }): OutgoingEvent => ({
  type: 'q2c.quote.accepted.v1',
  subject: data.quoteId,
  sequence: Number(data.quoteVersion ?? 1),
  correlationId,
  data,
});

export const projectCreated = (engagementRef: string, psaProjectId: string): OutgoingEvent => ({
  type: 'q2c.project.created.v1',
  subject: psaProjectId,
  data: { engagementRef, psaProjectId },
});

export const changeOrderApproved = (data: Record<string, unknown> & { changeOrderId: string; version: number }): OutgoingEvent => ({
  type: 'q2c.change_order.approved.v1',
  subject: data.changeOrderId,
  sequence: data.version,
  data,
});

/** One approved timesheet: entries [date, hours, role]; version 1 unless resubmitted. */
export const timesheetApproved = (o: { timesheetId: string; employeeId: string; engagementRef: string; entries: [string, string, string][]; approvedAt: string; version?: number }): OutgoingEvent => ({
  type: 'q2c.timesheet.approved.v1',
  subject: o.timesheetId,
  sequence: o.version ?? 1,
  data: {
    timesheetId: o.timesheetId,
    employeeId: o.employeeId,
    engagementRef: o.engagementRef,
    entries: o.entries.map(([date, hours, role]) => ({ date, hours, role, billable: true })),
    approvedAt: o.approvedAt,
    approver: 'pm@example.com',
  },
});

export const expenseApproved = (data: { expenseId: string; engagementRef: string; amount: string; currency: string; date: string }): OutgoingEvent => ({
  type: 'q2c.expense.approved.v1',
  subject: data.expenseId,
  data: { ...data, billable: true, category: 'EXP-TRAVEL' },
});

export const usageRecorded = (data: { usageId: string; engagementRef: string; units: string; period: string }): OutgoingEvent => ({
  type: 'q2c.usage.recorded.v1',
  subject: data.usageId,
  data,
});

export const milestoneCompleted = (engagementRef: string, milestoneRef: string, completedAt: string): OutgoingEvent => ({
  type: 'q2c.milestone.completed.v1',
  subject: `${engagementRef}/${milestoneRef}`,
  data: { engagementRef, milestoneRef, completedAt, approvedBy: 'pm@example.com', evidence: [{ uri: `https://dms.example.com/${engagementRef}/${milestoneRef}`, sha256: 'b'.repeat(64) }] },
});

export const paymentReceived = (o: {
  paymentId: string;
  amount: string;
  currency: string;
  payerExternalId: string;
  receivedAt: string;
  remittance?: { invoiceNumber: string; amount: string; deduction?: string; reasonCode?: string }[];
}): OutgoingEvent => ({
  type: 'q2c.payment.received.v1',
  subject: o.paymentId,
  data: { paymentId: o.paymentId, amount: o.amount, currency: o.currency, payer: { externalId: o.payerExternalId }, receivedAt: o.receivedAt, ...(o.remittance ? { remittance: o.remittance } : {}) },
});

/** A dispute of an invoice (invoiceNumber) or of a payment (paymentId). */
export const paymentDisputed = (o: { disputeId: string; invoiceNumber?: string; paymentId?: string; amount: string; currency: string; reason: string; openedAt: string }): OutgoingEvent => ({
  type: 'q2c.payment.disputed.v1',
  subject: o.disputeId,
  data: { ...o },
});
