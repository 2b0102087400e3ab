// Every KPI of DESIGN.md §10 as the API names it: key, label, unit, its section of
// docs/KPIS.md (the definition) and the rows behind it — the same "rows" line as the doc
// (a test keeps the two in step), with an operations-API call where one lists them.
import type { KpiFigure } from '../../http/schemas/kpis.ts';

export interface KpiDefinition {
  key: string;
  label: string;
  unit: KpiFigure['unit'];
  scope: KpiFigure['scope'];
  docs: string;
  rows: { api?: string; description: string };
}

const doc = (section: string) => `docs/KPIS.md#${section}`;
const business = 'legal-entity' as const;
const technical = 'installation' as const;

export const kpiCatalog = {
  eventProcessingLatency: { label: 'Event processing latency (p95)', unit: 'ms', scope: technical, docs: doc('event-processing-latency-p50--p95--p99'), rows: { api: '/api/v1/events?status=PROCESSED', description: 'InboxEvent where status = PROCESSED and processedAt in [from, to)' } },
  eventSuccessRate: { label: 'Event success rate', unit: 'ratio', scope: technical, docs: doc('success-rate'), rows: { api: '/api/v1/events?status=FAILED,HELD', description: 'processed: InboxEvent where receivedAt in [from, to) and status in (PROCESSED, SUPERSEDED); failed: InboxEvent where receivedAt in [from, to) and status in (FAILED, HELD)' } },
  backlog: { label: 'Backlog (inbox unprocessed)', unit: 'count', scope: technical, docs: doc('backlog'), rows: { api: '/api/v1/events?status=RECEIVED,PROCESSING,FAILED,PARKED,HELD', description: 'InboxEvent where status in (RECEIVED, PROCESSING, FAILED, PARKED, HELD); OutboxCommand where status in (PENDING, IN_FLIGHT); dead letters: OutboxCommand where status = DEAD' } },
  throughput: { label: 'Throughput', unit: 'events_per_second', scope: technical, docs: doc('throughput'), rows: { api: '/api/v1/events?status=PROCESSED', description: 'InboxEvent where status = PROCESSED and processedAt in [from, to)' } },
  activationCycleTime: { label: 'Project activation cycle time (median)', unit: 'days', scope: business, docs: doc('project-activation-cycle-time'), rows: { api: '/api/v1/engagements', description: 'Engagement where activatedAt in [from, to) and quoteAcceptedAt is not null; waiting: Engagement where quoteAcceptedAt < asOf and (activatedAt is null or activatedAt >= asOf)' } },
  unbilledApprovedTime: { label: 'Unbilled approved time', unit: 'money', scope: business, docs: doc('unbilled-approved-time'), rows: { description: 'TimeTransaction where billable and approvalStatus = APPROVED and not superseded and invoiceLineId is null and timeWriteOffId is null and workDate < asOf' } },
  unapprovedTime: { label: 'Unapproved time', unit: 'hours', scope: business, docs: doc('unapproved-time'), rows: { description: 'TimeTransaction where approvalStatus = SUBMITTED and not superseded' } },
  invoiceTimeliness: { label: 'Invoice timeliness', unit: 'ratio', scope: business, docs: doc('invoice-timeliness'), rows: { api: '/api/v1/invoices?kind=INVOICE', description: 'Invoice where kind = INVOICE and eligibleAt in [from, to) and not (voidedAt is not null and postedAt is null)' } },
  billingExceptionVolume: { label: 'Billing exception volume', unit: 'count', scope: business, docs: doc('billing-exception-volume'), rows: { api: '/api/v1/exceptions?code=RATE_CARD_MISSING,MILESTONE_MISSING_EVIDENCE,UNKNOWN_MILESTONE,TIME_FOR_UNKNOWN_ENGAGEMENT,MISSING_TAX_PROFILE,TAX_ENGINE_UNAVAILABLE,UNBILLED_APPROVED_TIME,INVOICE_NOT_CONFIRMED', description: 'Exception where code in (…) and firstSeenAt in [from, to)' } },
  dso: { label: 'DSO (days sales outstanding)', unit: 'days', scope: business, docs: doc('dso-days-sales-outstanding'), rows: { api: '/api/v1/invoices', description: 'AR: Invoice where kind = INVOICE and issuedAt < to and (voidedAt is null or voidedAt >= to) with their CashApplication where appliedAt < to and credit notes Invoice where kind = CREDIT_NOTE and originalInvoiceId = … and issuedAt < to; credit sales: Invoice where issuedAt in [from, to) or voidedAt in [from, to)' } },
  cashApplicationAccuracy: { label: 'Cash-application accuracy (per payment)', unit: 'ratio', scope: business, docs: doc('cash-application-accuracy'), rows: { description: 'CashReceipt where receivedAt in [from, to); lines: CashApplication where kind = APPLICATION and receiptId in (those receipts); inaccurate lines: … and (automatic = false or reversedAt is not null)' } },
  unappliedCash: { label: 'Unapplied cash', unit: 'money', scope: business, docs: doc('unapplied-cash'), rows: { api: '/api/v1/exceptions?code=UNAPPLIED_CASH', description: 'CashReceipt where unappliedAmount > 0 and status <> REFUNDED' } },
  revenueRecognitionLag: { label: 'Revenue-recognition lag (average)', unit: 'days', scope: business, docs: doc('revenue-recognition-lag'), rows: { description: 'RevenueEntry where kind in (RECOGNITION, ADJUSTMENT) and createdAt in [from, to) and eligibleAt is not null' } },
  margin: { label: 'Margin and margin variance by engagement', unit: 'ratio', scope: business, docs: doc('margin-and-margin-variance-by-engagement'), rows: { api: '/api/v1/revenue?engagementId=', description: "RevenueEntry where engagementId = :id (and recognitionDate in the period); TimeTransaction where engagementId = :id and approvalStatus = APPROVED and not superseded; Expense where engagementId = :id and approvalStatus = APPROVED" } },
  utilization: { label: 'Utilization', unit: 'ratio', scope: business, docs: doc('utilization'), rows: { description: 'TimeTransaction where employeeId = :id and approvalStatus = APPROVED and not superseded and workDate in [from, to)' } },
  billedAndCollected: { label: 'Billed and collected by client and engagement (billed)', unit: 'money', scope: business, docs: doc('billed-and-collected-by-client-and-engagement'), rows: { api: '/api/v1/invoices?engagementId=', description: 'billed: GET /api/v1/invoices?engagementId=:id restricted to issuedAt or voidedAt in [from, to); collected: CashApplication where invoiceId in (the engagement\'s invoices) and appliedAt in [from, to)' } },
  revenueLeakage: { label: 'Revenue leakage', unit: 'money', scope: business, docs: doc('revenue-leakage'), rows: { api: '/api/v1/exceptions?code=UNBILLED_APPROVED_TIME', description: 'TimeTransaction where billable and approvalStatus = APPROVED and not superseded and invoiceLineId is null and timeWriteOffId is null and workDate < asOf − 30 d; InvoiceLineSource where kind = TIME_TRANSACTION and rate < (rate card rate for the role on the work date) and the invoice issuedAt in [from, to); Milestone where approvedAt < asOf − 30 d and status not in (CANCELLED, INVOICED) and invoiceLineId is null; Invoice where kind = CREDIT_NOTE and creditNoteReason = WRITE_OFF and issuedAt in [from, to) and (voidedAt is null or voidedAt >= to); TimeWriteOff where writtenOffAt in [from, to)' } },
} as const satisfies Record<string, Omit<KpiDefinition, 'key'>>;

export type KpiKey = keyof typeof kpiCatalog;

export const kpiKeys = Object.keys(kpiCatalog) as KpiKey[];

export function definitionOf(key: KpiKey): KpiDefinition {
  return { key, ...kpiCatalog[key] };
}
