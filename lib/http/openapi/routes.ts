// The registry of every /api/v1 operation: one entry per method and path, naming the zod
// schemas its handler validates with and answers in. The OpenAPI document is built from
// this list alone, and a test walks app/api/v1 so that a route without an entry here fails.
// Adding a route = adding its entry.
import { z } from 'zod';
import { createApiTokenSchema } from '../schemas/api-token.ts';
import { appliedReceiptSchema, applyReceiptBodySchema, cashApplicationParamsSchema, cashReceiptParamsSchema, reverseApplicationBodySchema, reversedApplicationSchema } from '../schemas/cash.ts';
import { listReceiptsQuerySchema, receiptPageSchema } from '../schemas/cash-receipts.ts';
import { cashDecisionPageSchema, listCashDecisionsQuerySchema } from '../schemas/cash-decisions.ts';
import { listUnappliedCashQuerySchema, workbenchPageSchema } from '../schemas/cash-workbench.ts';
import { attachedEvidenceSchema, attachEvidenceBodySchema, milestoneParamsSchema } from '../schemas/milestones.ts';
import { kpiRowsParamsSchema, kpiRowsQuerySchema } from '../schemas/kpi-rows.ts';
import { kpiSeriesQuerySchema, kpiSeriesResponseSchema } from '../schemas/kpi-series.ts';
import { kpiExportQuerySchema, kpiQuerySchema, kpiResponseSchema } from '../schemas/kpis.ts';
import { apiTokenIdParamsSchema, apiTokenListResponseSchema, createdApiTokenSchema, meResponseSchema } from '../schemas/access-responses.ts';
import { healthQuerySchema, healthResponseSchema, ownershipRuleListResponseSchema, setOwnershipRuleResponseSchema } from '../schemas/admin-responses.ts';
import { connectorCodeParamsSchema, connectorHealthResponseSchema, connectorListResponseSchema, connectorSchema, createdConnectorSchema, rotatedCredentialSchema } from '../schemas/connector-responses.ts';
import { engagementDetailSchema, engagementPageSchema, engagementRefParamsSchema, listEngagementsQuerySchema } from '../schemas/engagements.ts';
import { bulkExceptionActionResponseSchema, inlineFixResponseSchema, exceptionActionResponseSchema, exceptionDetailSchema, exceptionPageSchema } from '../schemas/exception-responses.ts';
import { bulkExceptionActionSchema, inlineFixSchema, exceptionActionSchema, exceptionIdParamsSchema, listExceptionsQuerySchema } from '../schemas/exceptions.ts';
import { inboxEventIdParamsSchema, listInboxEventsQuerySchema } from '../schemas/events.ts';
import { inboxEventDetailSchema, inboxEventPageSchema } from '../schemas/inbox-responses.ts';
import { invoiceDetailSchema, invoiceIdParamsSchema, invoicePageSchema, listInvoicesQuerySchema } from '../schemas/invoices.ts';
import { invoiceSummaryPageSchema, listInvoiceSummariesQuerySchema } from '../schemas/invoice-summaries.ts';
import { invoiceExplanationSchema, lineageGraphSchema, lineageParamsSchema } from '../schemas/lineage.ts';
import { revenueEntryIdParamsSchema, revenueExplanationSchema } from '../schemas/revenue-explanation.ts';
import { deleteOwnershipRuleQuery, listOwnershipRulesQuery, setOwnershipRuleBody } from '../schemas/ownership-rule.ts';
import { accountingPeriodListSchema, listPeriodsQuerySchema, periodActionResultSchema, periodParamsSchema, reopenPeriodBodySchema } from '../schemas/periods.ts';
import { revenueQuerySchema, revenueResponseSchema } from '../schemas/revenue.ts';
import { revenueRunBodySchema, revenueRunSummarySchema } from '../schemas/revenue-runs.ts';
import { listReconciliationRunsQuerySchema, reconciliationRunBodySchema, reconciliationRunListSchema, reconciliationRunSchema } from '../schemas/reconciliation.ts';
import { billingRunBodySchema, billingRunSummarySchema, creditNoteBodySchema, creditNoteResultSchema, voidInvoiceBodySchema, voidInvoiceResultSchema } from '../schemas/billing.ts';
import { createConnectorSchema, rotateConnectorSchema } from '../../services/connectors/connector-rules.ts';
import { ingestOperation } from './ingest-operation.ts';
import { nativeWebhookOperations } from './native-webhook-operations.ts';
import { nativeConnectorOperations } from './native-connector-operations.ts';
import { json, type ApiOperation, type HeaderParameter } from './operation.ts';
import { SIMULATED_TIME_HEADER } from '../simulated-time.ts';

const simulatedTimeHeader: HeaderParameter = {
  name: SIMULATED_TIME_HEADER,
  description: 'Make the run at this earlier time (RFC 3339), not now — only where SIMULATED_TIME is on (npm start with the demo world); elsewhere a 400.',
  schema: { type: 'string', format: 'date-time' },
};
const ok = (description: string, name: string, schema: z.ZodType) => ({ 200: { description, content: json(name, schema) } });
const noContent = { 204: { description: 'Done (repeatable).' } };
const openApiDocumentSchema = z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }).describe('This document.');

export const apiOperations: readonly ApiOperation[] = [
  // Quote to cash
  {
    method: 'get', path: '/api/v1/engagements', operationId: 'listEngagements', tag: 'Engagements', auth: 'user', permission: 'engagements:read',
    summary: 'List engagements with value, budget, billed, recognized, collected and unbilled',
    query: listEngagementsQuerySchema,
    responses: ok('A page of engagements, newest first.', 'EngagementPage', engagementPageSchema),
  },
  {
    method: 'get', path: '/api/v1/engagements/{id}', operationId: 'getEngagement', tag: 'Engagements', auth: 'user', permission: 'engagements:read',
    summary: 'One engagement by id or code, with billing plan, milestones and change orders',
    params: engagementRefParamsSchema,
    responses: ok('The engagement.', 'EngagementDetail', engagementDetailSchema),
  },
  {
    method: 'get', path: '/api/v1/invoices', operationId: 'listInvoices', tag: 'Invoices', auth: 'user', permission: 'invoices:read',
    summary: 'List invoices and credit notes with their lines and sources',
    query: listInvoicesQuerySchema,
    responses: ok('A page of invoices, newest first.', 'InvoicePage', invoicePageSchema),
  },
  {
    method: 'get', path: '/api/v1/invoices/summaries', operationId: 'listInvoiceSummaries', tag: 'Invoices', auth: 'user', permission: 'invoices:read',
    summary: "The console's invoices list: invoices and credit notes without lines, with open balance and ageing, filtered and sorted",
    query: listInvoiceSummariesQuerySchema,
    responses: ok('A page of invoice summaries in the chosen order (newest first by default).', 'InvoiceSummaryPage', invoiceSummaryPageSchema),
  },
  {
    method: 'get', path: '/api/v1/invoices/{id}', operationId: 'getInvoice', tag: 'Invoices', auth: 'user', permission: 'invoices:read',
    summary: 'One invoice with lines, sources, credit notes and cash applications',
    params: invoiceIdParamsSchema,
    responses: ok('The invoice.', 'InvoiceDetail', invoiceDetailSchema),
  },
  {
    method: 'get', path: '/api/v1/invoices/{id}/explanation', operationId: 'explainInvoice', tag: 'Lineage', auth: 'user', permission: 'lineage:read',
    summary: 'Why an invoice is what it is, down to the timesheets and events',
    params: invoiceIdParamsSchema,
    responses: ok('The invoice as a tree that adds up to its total.', 'InvoiceExplanation', invoiceExplanationSchema),
  },
  {
    method: 'get', path: '/api/v1/revenue/entries/{id}/explanation', operationId: 'explainRevenueEntry', tag: 'Lineage', auth: 'user', permission: 'lineage:read',
    summary: 'Why a revenue entry is what it is: cost-to-cost inputs, time, fee or usage, down to the events',
    params: revenueEntryIdParamsSchema,
    responses: ok('The entry as a tree: the ledger arithmetic and what it recognises.', 'RevenueExplanation', revenueExplanationSchema),
  },
  {
    method: 'get', path: '/api/v1/revenue', operationId: 'getRevenue', tag: 'Revenue', auth: 'user', permission: 'engagements:read',
    summary: "An engagement's revenue entries by period, cumulative, unbilled receivable and deferred revenue",
    query: revenueQuerySchema,
    responses: ok('The revenue ledger.', 'Revenue', revenueResponseSchema),
  },
  {
    method: 'post', path: '/api/v1/revenue/runs', operationId: 'runRevenue', tag: 'Revenue', auth: 'user', permission: 'revenue:run',
    summary: 'Recognise revenue through a date (repeatable: a second identical run posts nothing)',
    headers: [simulatedTimeHeader],
    body: { required: true, content: json('RevenueRunRequest', revenueRunBodySchema) },
    responses: ok('What the run posted and flagged.', 'RevenueRunSummary', revenueRunSummarySchema),
  },
  {
    method: 'post', path: '/api/v1/billing/runs', operationId: 'runBilling', tag: 'Invoices', auth: 'user', permission: 'billing:run',
    summary: 'Issue every invoice due by a date (repeatable: a second identical run issues nothing new)',
    description: 'Invoices wait AWAITING_TAX while the tax engine is unavailable; they are never issued without tax.',
    headers: [simulatedTimeHeader],
    body: { required: true, content: json('BillingRunRequest', billingRunBodySchema) },
    responses: ok('What the run issued, what waits for tax and what is held.', 'BillingRunSummary', billingRunSummarySchema),
  },
  {
    method: 'post', path: '/api/v1/invoices/{id}/void', operationId: 'voidInvoice', tag: 'Invoices', auth: 'user', permission: 'finance:approve',
    summary: 'Void an invoice without applied cash: its sources become billable again and its revenue is reversed',
    params: invoiceIdParamsSchema,
    body: { required: true, content: json('VoidInvoiceRequest', voidInvoiceBodySchema) },
    responses: ok('The voided invoice and the released sources.', 'VoidInvoiceResult', voidInvoiceResultSchema),
    errors: [409],
  },
  {
    method: 'post', path: '/api/v1/invoices/{id}/credit-notes', operationId: 'creditInvoice', tag: 'Invoices', auth: 'user', permission: 'finance:approve',
    summary: 'Issue a full or partial credit note against an invoice',
    params: invoiceIdParamsSchema,
    body: { required: true, content: json('CreditNoteRequest', creditNoteBodySchema) },
    responses: { 201: { description: 'The credit note.', content: json('CreditNoteResult', creditNoteResultSchema) } },
    errors: [409],
  },
  {
    method: 'get', path: '/api/v1/cash/receipts', operationId: 'listCashReceipts', tag: 'Cash', auth: 'user', permission: 'cash:read',
    summary: 'Receipts newest first, with what was applied to which invoices and what is left',
    query: listReceiptsQuerySchema,
    responses: ok('A page of receipts, newest first.', 'CashReceiptPage', receiptPageSchema),
  },
  {
    method: 'get', path: '/api/v1/cash/unapplied', operationId: 'listUnappliedCash', tag: 'Cash', auth: 'user', permission: 'cash:read',
    summary: 'Receipts with cash left to apply, with the invoices each most likely pays and why',
    query: listUnappliedCashQuerySchema,
    responses: ok('A page of receipts with suggestions, newest first.', 'UnappliedCashPage', workbenchPageSchema),
  },
  {
    method: 'get', path: '/api/v1/cash/decisions', operationId: 'listCashDecisions', tag: 'Cash', auth: 'user', permission: 'cash:read',
    summary: 'Deductions and disputes awaiting a decision, largest money first',
    query: listCashDecisionsQuerySchema,
    responses: ok('A page of decisions, largest first.', 'CashDecisionPage', cashDecisionPageSchema),
  },
  {
    method: 'post', path: '/api/v1/cash/applications/{id}/reverse', operationId: 'reverseCashApplication', tag: 'Cash', auth: 'user', permission: 'finance:approve',
    summary: 'Reverse a cash application: the invoice reopens, the cash goes back on the receipt (or to the payer) and the ERP is told',
    description: 'Repeatable: reversing a reversed application answers alreadyReversed. Reversals count against cash-application accuracy.',
    params: cashApplicationParamsSchema,
    body: { required: true, content: json('ReverseCashApplicationRequest', reverseApplicationBodySchema) },
    responses: ok('The reversal and the invoice and receipt after it.', 'ReversedCashApplication', reversedApplicationSchema),
    errors: [409, 422],
  },
  {
    method: 'post', path: '/api/v1/cash/receipts/{id}/applications', operationId: 'applyCashReceipt', tag: 'Cash', auth: 'user', permission: 'finance:approve',
    summary: "Apply a receipt's unapplied cash to an open invoice by hand (MANUAL)",
    description:
      'Same currency only (422); at most what is unapplied and what the invoice has open (400 with the pointer /amount); a paid or void invoice is refused (409). With expectedUnapplied, a receipt that changed meanwhile is refused (409), so a double submit applies nothing twice. The ERP is told; UNAPPLIED_CASH is resolved when nothing is left. Reversible through /api/v1/cash/applications/{id}/reverse.',
    params: cashReceiptParamsSchema,
    body: { required: true, content: json('ApplyCashReceiptRequest', applyReceiptBodySchema) },
    responses: { 201: { description: 'The application and the invoice and receipt after it.', content: json('AppliedCashReceipt', appliedReceiptSchema) } },
    errors: [409, 422],
  },
  {
    method: 'post', path: '/api/v1/milestones/{id}/evidence', operationId: 'attachMilestoneEvidence', tag: 'Engagements', auth: 'user', permission: 'delivery:fix',
    summary: 'Attach evidence (document address and SHA-256) to a completed milestone; it becomes billable when it is also approved',
    description: 'Re-evaluates billability exactly as q2c.milestone.completed.v1 does and resolves MILESTONE_MISSING_EVIDENCE when billable. The same hash again answers alreadyAttached. A milestone not completed yet is refused (422), a cancelled one (409). Audited.',
    params: milestoneParamsSchema,
    body: { required: true, content: json('AttachMilestoneEvidenceRequest', attachEvidenceBodySchema) },
    responses: ok('The milestone after the evidence.', 'AttachedMilestoneEvidence', attachedEvidenceSchema),
    errors: [409, 422],
  },
  {
    method: 'get', path: '/api/v1/periods', operationId: 'listAccountingPeriods', tag: 'Periods', auth: 'user', permission: 'invoices:read',
    summary: "A legal entity's accounting periods: status, who closed them, what posted into them and what moved out of them as late",
    query: listPeriodsQuerySchema,
    responses: ok('The periods in month order.', 'AccountingPeriodList', accountingPeriodListSchema),
  },
  {
    method: 'post', path: '/api/v1/periods/{legalEntityCode}/{period}/close', operationId: 'closeAccountingPeriod', tag: 'Periods', auth: 'user', permission: 'periods:close',
    summary: 'Close an accounting month: nothing posts into it afterwards; late items go to the next open month, flagged',
    description:
      'Months close in order (409 EARLIER_PERIOD_OPEN), only after their last day (409 PERIOD_NOT_ENDED), and not while invoices of the month are drafts or wait for tax (409 PENDING_INVOICES, naming them). Repeatable: closing a closed month answers changed: false. Audited.',
    params: periodParamsSchema,
    responses: ok('The period after the close.', 'AccountingPeriodActionResult', periodActionResultSchema),
    errors: [409],
  },
  {
    method: 'post', path: '/api/v1/periods/{legalEntityCode}/{period}/reopen', operationId: 'reopenAccountingPeriod', tag: 'Periods', auth: 'user', permission: 'periods:close',
    summary: 'Reopen the latest closed accounting month of a legal entity, with a reason',
    description: 'Only the latest closed month reopens (409 NOT_LATEST_CLOSED). Items already posted late into a later month stay there. Repeatable: reopening an open month answers changed: false. Audited with the reason.',
    params: periodParamsSchema,
    body: { required: true, content: json('ReopenAccountingPeriodRequest', reopenPeriodBodySchema) },
    responses: ok('The period after the reopen.', 'AccountingPeriodActionResult', periodActionResultSchema),
    errors: [409],
  },
  {
    method: 'get', path: '/api/v1/lineage/{correlationId}', operationId: 'getLineage', tag: 'Lineage', auth: 'user', permission: 'lineage:read',
    summary: 'The lineage graph of an engagement thread',
    params: lineageParamsSchema,
    responses: ok('Nodes, edges and the events behind them.', 'LineageGraph', lineageGraphSchema),
  },

  // Ingest and the inbox
  ingestOperation,
  ...nativeWebhookOperations,
  ...nativeConnectorOperations,
  {
    method: 'get', path: '/api/v1/events', operationId: 'listInboxEvents', tag: 'Inbox', auth: 'user', permission: 'exceptions:read',
    summary: 'The inbox: received events with status, attempts and timings',
    query: listInboxEventsQuerySchema,
    responses: ok('A page of events, newest first.', 'InboxEventPage', inboxEventPageSchema),
  },
  {
    method: 'get', path: '/api/v1/events/{id}', operationId: 'getInboxEvent', tag: 'Inbox', auth: 'user', permission: 'exceptions:read',
    summary: 'One inbox event with the CloudEvent as stored and its exceptions',
    params: inboxEventIdParamsSchema,
    responses: ok('The event.', 'InboxEventDetail', inboxEventDetailSchema),
  },

  // Exceptions
  {
    method: 'get', path: '/api/v1/exceptions', operationId: 'listExceptions', tag: 'Exceptions', auth: 'user', permission: 'exceptions:read',
    summary: 'The exception queue, filtered and sorted',
    query: listExceptionsQuerySchema,
    responses: ok('A page of exceptions.', 'ExceptionPage', exceptionPageSchema),
  },
  {
    method: 'get', path: '/api/v1/exceptions/{id}', operationId: 'getException', tag: 'Exceptions', auth: 'user', permission: 'exceptions:read',
    summary: 'One exception with its history and events',
    params: exceptionIdParamsSchema,
    responses: ok('The exception.', 'ExceptionDetail', exceptionDetailSchema),
  },
  {
    method: 'post', path: '/api/v1/exceptions/{id}/actions', operationId: 'performExceptionAction', tag: 'Exceptions', auth: 'user', permission: 'exceptions:read',
    summary: 'Assign, replay, push a correction, approve, reject, resolve or suppress',
    description:
      "Each action also needs its own permission (exceptions:triage, exceptions:replay, corrections:push, finance:approve); a 403 names the missing one. push-correction with dryRun answers the diff (`correction`) and writes nothing; without it, a correction that moves no money is enqueued to the owning system, one that moves money waits (PENDING_APPROVAL) until a FINANCE user other than the proposer approves (enqueued) or rejects it with approve/reject. 422 when the code is not corrected in a connected system; 400 with pointer /value when the corrected value is needed.",
    params: exceptionIdParamsSchema,
    body: { required: true, content: json('ExceptionActionRequest', exceptionActionSchema) },
    responses: ok('The action and the exception after it.', 'ExceptionActionResult', exceptionActionResponseSchema),
    errors: [409, 422],
  },
  {
    method: 'post', path: '/api/v1/exceptions/{id}/fix', operationId: 'fixExceptionInline', tag: 'Exceptions', auth: 'user', permission: 'exceptions:read',
    summary: 'Fix by a choice and replay: map an unknown SKU to a catalog item, an unknown legal entity code to ours, an unknown client id to an existing client',
    description: 'Needs mappings:fix (and exceptions:replay when replay is true). Offered for UNMAPPED_SERVICE_SKU, INVALID_LEGAL_ENTITY and CLIENT_NOT_MASTERED (the exception details name the values); 422 for other codes, 409 when the exception is closed, 400 naming a value not chosen or not valid. Writes a FieldMapping (INBOUND VALUE) or an id-crosswalk link, audited, and an ExceptionAction FIX_MAPPING.',
    params: exceptionIdParamsSchema,
    body: { required: true, content: json('InlineFixRequest', inlineFixSchema) },
    responses: ok('The fix, what was replayed, and the exception after it.', 'InlineFixResult', inlineFixResponseSchema),
    errors: [409, 422],
  },
  {
    method: 'post', path: '/api/v1/exceptions/bulk-actions', operationId: 'performBulkExceptionAction', tag: 'Exceptions', auth: 'user', permission: 'exceptions:read',
    summary: 'Assign many exceptions at once (to yourself by default)',
    description: 'Needs exceptions:triage. Each exception is its own audited action: one that cannot be assigned (resolved meanwhile, unknown id) is reported in results and the others still are. At most 200 ids.',
    body: { required: true, content: json('BulkExceptionActionRequest', bulkExceptionActionSchema) },
    responses: ok('What happened to each exception.', 'BulkExceptionActionResult', bulkExceptionActionResponseSchema),
  },

  // Reconciliation
  {
    method: 'post', path: '/api/v1/reconciliation/runs', operationId: 'runReconciliation', tag: 'Reconciliation', auth: 'user', permission: 'reconciliation:run',
    summary: 'Run the reconciliation jobs now (all or some): each finding is an exception with its financial impact',
    description: 'Jobs: orphaned-projects (ORPHANED_PROJECT), unbilled-approved-time (UNBILLED_APPROVED_TIME), unapplied-cash (UNAPPLIED_CASH), quote-contract-value (QUOTE_CONTRACT_VALUE_MISMATCH), invoice-confirmation (INVOICE_NOT_CONFIRMED). A repeat run counts occurrences; exceptions whose finding has gone are resolved by the system. The worker runs all of them hourly.',
    body: { required: false, content: json('ReconciliationRunRequest', reconciliationRunBodySchema) },
    responses: ok('What each job found, raised, kept closed and cleared.', 'ReconciliationRun', reconciliationRunSchema),
  },
  {
    method: 'get', path: '/api/v1/reconciliation/runs', operationId: 'listReconciliationRuns', tag: 'Reconciliation', auth: 'user', permission: 'reconciliation:run',
    summary: 'The latest reconciliation runs, scheduled and on demand, newest first',
    query: listReconciliationRunsQuerySchema,
    responses: ok('The runs with their per-job summaries.', 'ReconciliationRunList', reconciliationRunListSchema),
  },

  // People and their tokens
  {
    method: 'get', path: '/api/v1/me', operationId: 'getMe', tag: 'Access', auth: 'user',
    summary: "The caller's identity, role and permissions",
    responses: ok('Who is calling.', 'Me', meResponseSchema),
  },
  {
    method: 'get', path: '/api/v1/me/tokens', operationId: 'listMyApiTokens', tag: 'Access', auth: 'user', permission: 'tokens:manage-own',
    summary: "The caller's personal API tokens",
    responses: ok('Tokens without their secret part.', 'ApiTokenList', apiTokenListResponseSchema),
  },
  {
    method: 'post', path: '/api/v1/me/tokens', operationId: 'createMyApiToken', tag: 'Access', auth: 'user', permission: 'tokens:manage-own',
    summary: 'Create a personal API token (session only)',
    description: 'An API token cannot create tokens: sign in to the console.',
    body: { required: true, content: json('CreateApiTokenRequest', createApiTokenSchema) },
    responses: { 201: { description: 'The token, shown once.', content: json('CreatedApiToken', createdApiTokenSchema) } },
  },
  {
    method: 'delete', path: '/api/v1/me/tokens/{id}', operationId: 'revokeMyApiToken', tag: 'Access', auth: 'user', permission: 'tokens:manage-own',
    summary: 'Revoke one of your tokens',
    params: apiTokenIdParamsSchema,
    responses: noContent,
  },

  // Connectors and stewardship
  {
    method: 'get', path: '/api/v1/connectors', operationId: 'listConnectors', tag: 'Connectors', auth: 'user', permission: 'connectors:read',
    summary: 'Registered connectors, without credentials',
    responses: ok('The connectors.', 'ConnectorList', connectorListResponseSchema),
  },
  {
    method: 'get', path: '/api/v1/connector-health', operationId: 'listConnectorHealth', tag: 'Connectors', auth: 'user', permission: 'connectors:read',
    summary: 'Every connector with its health: last event, volume today, backlog by status, success rate, latency, outbox pending, dead letters',
    responses: ok('The connectors with their health numbers.', 'ConnectorHealthList', connectorHealthResponseSchema),
  },
  {
    method: 'post', path: '/api/v1/connectors', operationId: 'createConnector', tag: 'Connectors', auth: 'user', permission: 'connectors:manage',
    summary: 'Register a connected system',
    body: { required: true, content: json('CreateConnectorRequest', createConnectorSchema) },
    responses: { 201: { description: 'The connector with its token and signing secret, shown once.', content: json('CreatedConnector', createdConnectorSchema) } },
    errors: [409],
  },
  {
    method: 'get', path: '/api/v1/connectors/{code}', operationId: 'getConnector', tag: 'Connectors', auth: 'user', permission: 'connectors:read',
    summary: 'One connector with its secrets’ fingerprints and states',
    params: connectorCodeParamsSchema,
    responses: ok('The connector.', 'Connector', connectorSchema),
  },
  {
    method: 'post', path: '/api/v1/connectors/{code}/rotate', operationId: 'rotateConnectorCredential', tag: 'Connectors', auth: 'user', permission: 'connectors:manage',
    summary: 'Issue a new token or signing secret; the old one works during the overlap',
    params: connectorCodeParamsSchema,
    body: { required: true, content: json('RotateConnectorRequest', rotateConnectorSchema) },
    responses: ok('The new credential, shown once.', 'RotatedCredential', rotatedCredentialSchema),
  },
  {
    method: 'get', path: '/api/v1/ownership-rules', operationId: 'listOwnershipRules', tag: 'Stewardship', auth: 'user', permission: 'connectors:read',
    summary: 'Which system owns which field',
    query: listOwnershipRulesQuery,
    responses: ok('The rules.', 'OwnershipRuleList', ownershipRuleListResponseSchema),
  },
  {
    method: 'put', path: '/api/v1/ownership-rules', operationId: 'setOwnershipRule', tag: 'Stewardship', auth: 'user', permission: 'ownership:manage',
    summary: 'Set one rule (repeatable)',
    body: { required: true, content: json('SetOwnershipRuleRequest', setOwnershipRuleBody) },
    responses: ok('The rule and whether it changed.', 'SetOwnershipRuleResult', setOwnershipRuleResponseSchema),
  },
  {
    method: 'delete', path: '/api/v1/ownership-rules', operationId: 'deleteOwnershipRule', tag: 'Stewardship', auth: 'user', permission: 'ownership:manage',
    summary: 'Remove one rule (repeatable)',
    query: deleteOwnershipRuleQuery,
    responses: noContent,
  },

  // Operations
  {
    method: 'get', path: '/api/v1/kpis', operationId: 'getKpis', tag: 'Operations', auth: 'user', permission: 'kpis:read',
    summary: 'Every KPI of DESIGN.md §10 with its value and the rows behind it',
    description: 'Definitions: docs/KPIS.md (each KPI links to its section). Money is added in USD at each amount\'s own date; `currency` converts the totals at the rate of the period\'s last day.',
    query: kpiQuerySchema,
    responses: ok('The KPIs, in a fixed order.', 'Kpis', kpiResponseSchema),
  },
  {
    method: 'get', path: '/api/v1/kpis/series', operationId: 'getKpiSeries', tag: 'Operations', auth: 'user', permission: 'kpis:read',
    summary: 'Monthly trends of the KPIs that have one (the dashboard\'s sparklines and charts)',
    description: 'Per calendar month, each KPI\'s headline exactly as GET /api/v1/kpis answers for that month (its asOf and reporting-currency rate); the last month ends at `to`. docs/KPIS.md "Monthly trends".',
    query: kpiSeriesQuerySchema,
    responses: ok('One value per month and KPI.', 'KpiSeries', kpiSeriesResponseSchema),
  },
  {
    method: 'get', path: '/api/v1/kpis/export', operationId: 'exportKpis', tag: 'Operations', auth: 'user', permission: 'kpis:read',
    summary: 'The KPIs of a period as CSV (the dashboard\'s export)',
    description: 'The same figures as GET /api/v1/kpis, one row per KPI with the period, scope, previous period\'s value and the rows behind it; downloaded as an attachment.',
    query: kpiExportQuerySchema,
    responses: { 200: { description: 'RFC 4180 CSV with a header row.', content: { 'text/csv': { name: 'KpiCsv', schema: z.string() } } } },
  },
  {
    method: 'get', path: '/api/v1/kpis/{key}/rows', operationId: 'exportKpiTimeRows', tag: 'Operations', auth: 'user', permission: 'kpis:read',
    summary: 'The time behind a time KPI as CSV (oldest work first)',
    description: 'unbilledApprovedTime (optionally one age bucket), unapprovedTime, revenueLeakage (approved time never billed, over 30 days), utilization (approved time worked in the period). At most 100,000 rows.',
    params: kpiRowsParamsSchema,
    query: kpiRowsQuerySchema,
    responses: { 200: { description: 'RFC 4180 CSV with a header row.', content: { 'text/csv': { name: 'KpiTimeRowsCsv', schema: z.string() } } } },
  },
  {
    method: 'get', path: '/api/v1/health', operationId: 'getHealth', tag: 'Operations', auth: 'public',
    summary: 'Readiness (database, migrations, worker) or liveness (?probe=live)',
    query: healthQuerySchema,
    responses: ok('Ready (or alive).', 'Health', healthResponseSchema),
    errors: [503],
  },
  {
    method: 'get', path: '/api/v1/metrics', operationId: 'getMetrics', tag: 'Operations', auth: 'user', permission: 'kpis:read',
    summary: 'Prometheus text exposition',
    responses: { 200: { description: 'Metrics in the Prometheus text format 0.0.4.', content: { 'text/plain': { name: 'PrometheusText', schema: z.string() } } } },
  },
  {
    method: 'get', path: '/api/v1/openapi.json', operationId: 'getOpenApiDocument', tag: 'Operations', auth: 'public',
    summary: 'This OpenAPI 3.1 document',
    responses: ok('The document.', 'OpenApiDocument', openApiDocumentSchema),
  },
];
