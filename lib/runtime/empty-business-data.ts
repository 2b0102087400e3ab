// What `npm run demo:reset` empties before the demo world is loaded again: every business
// table (events, commands, exceptions, audit, clients, engagements, invoices, cash…), the
// contract rate cards and the invoice numbering, with the accounting months reopened. Kept:
// users and their API tokens, connectors and their secrets, reference data (legal entities,
// tax, roles, catalog, standard rate cards, FX), ownership rules and field mappings.
// Only for a demo installation: nothing financial may ever be deleted in a real one.
import pg from 'pg';

export const BUSINESS_TABLES = [
  'InboxEvent', 'SubjectVersion', 'OutboxCommand', 'OutboxAttempt', 'Exception', 'ExceptionEvent', 'ExceptionAction', 'AuditRecord', 'LineageLink',
  'KpiDailyFact', 'KpiRollup', 'ReconciliationRun', 'Client', 'ExternalRef', 'Employee', 'EmployeeCostRate', 'ResourceAssignment',
  'Quote', 'QuoteVersion', 'QuoteLine', 'Contract', 'SowVersion', 'ChangeOrder', 'Engagement', 'BillingPlan', 'Milestone', 'MilestoneEvidence',
  'TimeTransaction', 'TimeWriteOff', 'Expense', 'UsageRecord', 'Invoice', 'InvoiceLine', 'InvoiceLineSource', 'InvoiceNumberSequence', 'CashReceipt', 'CashApplication',
  'Dispute', 'CashRefund', 'RevenueSchedule', 'RevenueEntry',
];

/** Kept by a reset (the rate cards and periods are tidied, not emptied). Every table is in one of the two lists (a test checks). */
export const KEPT_TABLES = [
  'User', 'ApiToken', 'Connector', 'ConnectorSecret', 'OutboxTargetBudget', 'WorkerHeartbeat', 'LegalEntity', 'AccountingPeriod', 'CostCenter',
  'FxRate', 'TaxCode', 'TaxJurisdiction', 'ServiceRole', 'ServiceCatalogItem', 'RateCard', 'RateCardLine', 'OwnershipRule', 'FieldMapping',
];

export async function emptyBusinessData(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`TRUNCATE ${BUSINESS_TABLES.map((t) => `"${t}"`).join(', ')}`);
    await client.query(`DELETE FROM "RateCardLine" WHERE "rateCardId" IN (SELECT id FROM "RateCard" WHERE kind <> 'STANDARD')`);
    await client.query(`DELETE FROM "RateCard" WHERE kind <> 'STANDARD'`);
    await client.query(`UPDATE "AccountingPeriod" SET status = 'OPEN', "closedAt" = NULL, "closedById" = NULL WHERE status <> 'OPEN'`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
