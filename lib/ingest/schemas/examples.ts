// One valid `data` per event type, as a sender would write it (amounts as strings and
// numbers both appear). Used by the tests and meant for the OpenAPI document's examples.
import type { EventType } from './catalog.ts';

export const exampleEventData = {
  'q2c.quote.accepted.v1': {
    quoteId: 'Q-2026-0042',
    quoteVersion: 3,
    client: { externalId: 'ACME-001', name: 'Acme Holdings', parentExternalId: 'ACME-GROUP', legalEntityCode: 'US01' },
    currency: 'USD',
    billingModel: 'FIXED_FEE_MILESTONE',
    lines: [
      { sku: 'FF-TRANSFORM', description: 'Finance transformation program', quantity: 1, unitPrice: '250000.00' },
    ],
    milestones: [
      { ref: 'M1', name: 'Discovery', amount: '100000.00', dueDate: '2026-05-31' },
      { ref: 'M2', name: 'Go-live', amount: 150000, dueDate: '2026-09-30' },
    ],
    rateCardCode: 'STD-USD',
    estimatedCost: '180000',
    taxProfile: { nexus: 'US-NY', exempt: false },
    acceptedAt: '2026-03-31T17:45:00Z',
    crmOpportunityId: '0064H00000abcDE', // unknown fields are kept
  },
  'q2c.change_order.approved.v1': {
    changeOrderId: 'CO-7',
    quoteId: 'Q-2026-0042',
    version: 1,
    valueDelta: '25000.00',
    estimatedCostDelta: '-1500.5',
    budgetHoursDelta: '120.5',
    milestonesAdded: [{ ref: 'M3', name: 'Hypercare', amount: '25000.00', dueDate: '2026-10-31' }],
    milestonesChanged: [{ ref: 'M2', dueDate: '2026-10-15' }],
    reason: 'Client added hypercare',
    approvedAt: '2026-06-01T09:00:00+01:00',
  },
  'q2c.project.created.v1': { engagementRef: 'ENG-US01-0042', psaProjectId: 'PSA-88123' },
  'q2c.timesheet.approved.v1': {
    timesheetId: 'TS-2026-W14-E100',
    employeeId: 'E-100',
    engagementRef: 'ENG-US01-0042',
    entries: [
      { date: '2026-03-30', hours: 7.5, role: 'SENIOR_CONSULTANT', billable: true, notes: 'Workshop' },
      { date: '2026-03-31', hours: '8', role: 'SENIOR_CONSULTANT', billable: false },
    ],
    approvedAt: '2026-04-03T16:00:00Z',
    approver: 'pm@example.com',
  },
  'q2c.expense.approved.v1': {
    expenseId: 'EXP-311',
    engagementRef: 'ENG-US01-0042',
    amount: '412.80',
    currency: 'usd',
    billable: true,
    category: 'EXP-TRAVEL',
    date: '2026-03-29',
  },
  'q2c.usage.recorded.v1': { usageId: 'U-2026-03-ACME', engagementRef: 'ENG-GB01-0007', units: '1250.5', period: '2026-03' },
  'q2c.milestone.completed.v1': {
    engagementRef: 'ENG-US01-0042',
    milestoneRef: 'M1',
    completedAt: '2026-05-28T12:00:00Z',
    approvedBy: 'pm@example.com',
    evidence: [{ uri: 'https://dms.example.com/docs/4711', sha256: 'A3F1C2D4E5B6978812345678901234567890ABCDEF1234567890ABCDEF123456' }],
  },
  'q2c.employee.updated.v1': { employeeId: 'E-100', name: 'Dana Reyes', costRate: '95.25', currency: 'USD', costCenter: 'CC-ADV-US' },
  'q2c.client.updated.v1': { externalId: 'ACME-001', fields: { name: 'Acme Holdings Inc.', billingAddress: { city: 'New York' } } },
  'q2c.invoice.posted.v1': { invoiceId: '3f0b8a52-6c1e-4e7f-9a41-2b7c5d9e8f10', erpInvoiceNumber: 'INV-US01-000123', postedAt: '2026-06-02T08:30:00Z' },
  'q2c.payment.received.v1': {
    paymentId: 'pi_3PgafmB7WZ01zgkW',
    amount: '99500.00',
    currency: 'USD',
    payer: { externalId: 'cus_QXg1hq', name: 'Acme Holdings' },
    remittance: [{ invoiceNumber: 'INV-US01-000123', amount: '99500.00', deduction: '500.00', reasonCode: 'SHORT_PAY_FEES' }],
    receivedAt: '2026-07-01T10:15:00Z',
  },
  'q2c.payment.disputed.v1': { paymentId: 'pi_3PgafmB7WZ01zgkW', amount: '99500.00', currency: 'USD', reason: 'fraudulent', openedAt: '2026-07-10T00:00:00Z' },
  'q2c.payment.refunded.v1': { refundId: 're_3LQOJoKXBGcbgpbZ10i9Mg75', paymentId: 'ch_3PgafmB7WZ01zgkW', amount: '500.00', currency: 'USD', reason: 'requested_by_customer', refundedAt: '2026-07-12T00:00:00Z' },
} satisfies Record<EventType, Record<string, unknown>>;
