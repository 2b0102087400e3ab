// One large engagement thread for the lineage benchmark (bench/reads): a year of a T&M
// engagement, BENCH-LINEAGE (correlation id "bench-lineage"), whose graph has exactly
// 5,000 nodes — the quote and its 3 versions, the contract with 7 SOW versions and 6
// change orders, the engagement, its billing plan and its PSA/ERP ids, 100 weekly
// timesheets of 40 entries (4,000 time transactions), 50 invoices of 2 lines, a revenue
// schedule with 600 entries, 45 payments in 50 applications, and 131 expenses — with the
// edges the workflows draw between them (lib/workflows, lib/services/billing and cash) and
// the inbox events that drew them. Real rows, so every node loader reads what it would.
import type pg from 'pg';

export const LINEAGE_CORRELATION_ID = 'bench-lineage';
export const LINEAGE = { timesheets: 100, entriesPerTimesheet: 40, invoices: 50, revenueEntries: 600, receipts: 45, applications: 50, expenses: 131, changeOrders: 6, quoteVersions: 3 };
export const LINEAGE_NODES = 5_000;

const C = LINEAGE;
const TIME = C.timesheets * C.entriesPerTimesheet;

const statements = `
  CREATE TEMP TABLE lin_head AS
    SELECT gen_random_uuid() AS engagement, gen_random_uuid() AS quote, gen_random_uuid() AS contract, gen_random_uuid() AS plan, gen_random_uuid() AS schedule,
           (SELECT id FROM "Client" ORDER BY name LIMIT 1) AS client, (SELECT id FROM "LegalEntity" WHERE code = 'US01') AS le,
           (SELECT id FROM "ServiceRole" WHERE code = 'CONSULTANT') AS role, $1::timestamptz - interval '364 days' AS started;
  CREATE TEMP TABLE lin_event AS
    SELECT gen_random_uuid() AS id, kind, n FROM (VALUES ('quote', ${C.quoteVersions}), ('change', ${C.changeOrders}), ('timesheet', ${C.timesheets}), ('expense', ${C.expenses}), ('payment', ${C.receipts}), ('project', 1)) k(kind, count)
      CROSS JOIN LATERAL generate_series(1, k.count) n;
  INSERT INTO "InboxEvent" (id, source, "eventId", type, subject, "correlationId", payload, "payloadHash", status, "receivedAt", "processedAt")
    SELECT e.id, '/bench/' || e.kind, 'lineage-' || e.kind || '-' || e.n, 'q2c.' || e.kind || '.v1', 'lineage-' || e.kind || '-' || e.n, '${LINEAGE_CORRELATION_ID}', '{}', md5(e.kind || e.n) || md5(e.n || e.kind), 'PROCESSED',
           h.started + e.n * interval '3 days', h.started + e.n * interval '3 days' + interval '40 ms'
      FROM lin_event e, lin_head h;
  INSERT INTO "Quote" (id, "sourceSystem", "externalId", "clientId", "legalEntityId", currency, status, "currentVersion", "correlationId", "acceptedAt", "updatedAt")
    SELECT quote, 'crm', 'Q-BENCH-LINEAGE', client, le, 'USD', 'ACCEPTED', ${C.quoteVersions}, '${LINEAGE_CORRELATION_ID}', started, now() FROM lin_head;
  CREATE TEMP TABLE lin_qv AS SELECT gen_random_uuid() AS id, v FROM generate_series(1, ${C.quoteVersions}) v;
  INSERT INTO "QuoteVersion" (id, "quoteId", version, status, "billingModel", currency, subtotal, "totalValue", "estimatedCost", "acceptedAt")
    SELECT q.id, h.quote, q.v, CASE WHEN q.v = ${C.quoteVersions} THEN 'ACCEPTED' ELSE 'SUPERSEDED' END::"QuoteStatus", 'TIME_AND_MATERIALS', 'USD', 900000 + q.v * 50000, 900000 + q.v * 50000, 600000, h.started
      FROM lin_qv q, lin_head h;
  INSERT INTO "Contract" (id, "contractNumber", "clientId", "legalEntityId", "quoteId", currency, "totalValue", "currentVersion", "signedAt", "updatedAt")
    SELECT contract, 'C-BENCH-LINEAGE', client, le, quote, 'USD', 1250000, ${C.changeOrders + 1}, started, now() FROM lin_head;
  INSERT INTO "Engagement" (id, code, name, "correlationId", "clientId", "legalEntityId", "quoteId", "contractId", currency, status, value, "estimatedCost", "psaProjectId", "erpProjectId", "quoteAcceptedAt", "activatedAt", "updatedAt")
    SELECT engagement, 'BENCH-LINEAGE', 'Lineage programme', '${LINEAGE_CORRELATION_ID}', client, le, quote, contract, 'USD', 'ACTIVE', 1250000, 800000, 'PSA-LINEAGE', 'ERP-LINEAGE', started, started + interval '2 days', now() FROM lin_head;
  INSERT INTO "BillingPlan" (id, "engagementId", model, cadence, "revenueTreatment", currency, "contractValue", "standardRateCardId", "updatedAt")
    SELECT plan, engagement, 'TIME_AND_MATERIALS', 'WEEKLY', 'AS_DELIVERED', 'USD', 1250000, (SELECT id FROM "RateCard" WHERE code = 'STD-USD'), now() FROM lin_head;
  CREATE TEMP TABLE lin_co AS SELECT gen_random_uuid() AS id, gen_random_uuid() AS sow, v FROM generate_series(1, ${C.changeOrders}) v;
  INSERT INTO "ChangeOrder" (id, "sourceSystem", "externalId", version, "engagementId", "contractId", "quoteId", currency, "valueDelta", "valueBefore", "valueAfter", "billingPlanBefore", "billingPlanAfter", reason, "approvedAt")
    SELECT c.id, 'crm', 'CO-LINEAGE-' || c.v, 1, h.engagement, h.contract, h.quote, 'USD', 50000, 950000 + c.v * 50000, 1000000 + c.v * 50000, '{}', '{}', 'More scope', h.started + c.v * interval '50 days'
      FROM lin_co c, lin_head h;
  INSERT INTO "SowVersion" (id, "contractId", version, "quoteVersionId", "changeOrderId", "billingModel", currency, "totalValue", "billingPlanSnapshot", "effectiveAt")
    SELECT gen_random_uuid(), h.contract, 1, (SELECT id FROM lin_qv WHERE v = ${C.quoteVersions}), NULL::uuid, 'TIME_AND_MATERIALS'::"BillingModel", 'USD', 1000000, '{}'::jsonb, h.started FROM lin_head h
    UNION ALL
    SELECT c.sow, h.contract, c.v + 1, NULL, c.id, 'TIME_AND_MATERIALS', 'USD', 1000000 + c.v * 50000, '{}', h.started + c.v * interval '50 days' FROM lin_co c, lin_head h;
  INSERT INTO "ExternalRef" (id, system, "externalId", "entityType", "entityId", "updatedAt")
    SELECT gen_random_uuid(), s.system, s.external, 'Engagement', engagement, now() FROM lin_head, (VALUES ('psa', 'PSA-LINEAGE'), ('erp', 'ERP-LINEAGE')) s(system, external);
  CREATE TEMP TABLE lin_employee AS SELECT row_number() OVER (ORDER BY name) AS n, id, "costRate" FROM "Employee" WHERE "legalEntityId" = (SELECT le FROM lin_head) LIMIT 10;
  CREATE TEMP TABLE lin_invoice AS SELECT gen_random_uuid() AS id, n FROM generate_series(1, ${C.invoices}) n;
  CREATE TEMP TABLE lin_line AS SELECT gen_random_uuid() AS id, n, 1 + (n - 1) / 2 AS invoice_n FROM generate_series(1, ${2 * C.invoices}) n;
  CREATE TEMP TABLE lin_time AS
    SELECT gen_random_uuid() AS id, n, 1 + (n - 1) / ${C.entriesPerTimesheet} AS sheet, (n - 1) % ${C.entriesPerTimesheet} AS entry,
           1 + (n - 1) * ${2 * C.invoices} / ${TIME} AS line_n, 1 + (n - 1) * ${C.revenueEntries} / ${TIME} AS revenue_n
      FROM generate_series(1, ${TIME}) n;
  INSERT INTO "Invoice" (id, kind, number, "legalEntityId", "clientId", "engagementId", "correlationId", status, currency, subtotal, total, "amountApplied", "balanceDue", "eligibleAt", "issuedAt", "postedAt", "issueDate", "updatedAt")
    SELECT i.id, 'INVOICE', 'LIN-' || i.n, h.le, h.client, h.engagement, '${LINEAGE_CORRELATION_ID}', 'PAID', 'USD', 19200, 19200, 19200, 0,
           h.started + i.n * interval '7 days', h.started + i.n * interval '7 days' + interval '1 hour', h.started + i.n * interval '7 days' + interval '1 day', (h.started + i.n * interval '7 days')::date, now()
      FROM lin_invoice i, lin_head h;
  INSERT INTO "InvoiceLine" (id, "invoiceId", "lineNo", kind, description, quantity, "unitPrice", amount, currency)
    SELECT l.id, i.id, 2 - l.n % 2, 'TIME', 'Consulting, week ' || l.invoice_n, 48, 200, 9600, 'USD' FROM lin_line l JOIN lin_invoice i ON i.n = l.invoice_n;
  INSERT INTO "TimeTransaction" (id, "engagementId", "employeeId", "serviceRoleId", "workDate", hours, billable, "approvalStatus", "rateApplied", amount, currency, "costRate", "costCurrency",
                                 "revenueTreatment", "invoiceLineId", "sourceSystem", "sourceTimesheetId", "sourceTimesheetVersion", "entryIndex", "updatedAt")
    SELECT t.id, h.engagement, emp.id, h.role, (h.started + (t.sheet - 1) * interval '3.6 days' + (t.entry % 3) * interval '1 day')::date, 2.4, true, 'APPROVED', 200, 480, 'USD', emp."costRate", 'USD',
           'AS_DELIVERED', l.id, 'psa', 'LIN-TS-' || t.sheet, 1, t.entry, now()
      FROM lin_time t CROSS JOIN lin_head h JOIN lin_line l ON l.n = t.line_n JOIN lin_employee emp ON emp.n = 1 + t.entry % 10;
  INSERT INTO "RevenueSchedule" (id, "engagementId", treatment, currency, "updatedAt") SELECT schedule, engagement, 'AS_DELIVERED', 'USD', now() FROM lin_head;
  CREATE TEMP TABLE lin_revenue AS SELECT gen_random_uuid() AS id, n, h.started + n * interval '14 hours' AS d FROM generate_series(1, ${C.revenueEntries}) n, lin_head h;
  INSERT INTO "RevenueEntry" (id, "scheduleId", "engagementId", "accountingPeriodId", period, "recognitionDate", kind, amount, "cumulativeAmount", currency, "eligibleAt", "idempotencyKey", "createdAt")
    SELECT r.id, h.schedule, h.engagement, ap.id, ap.period, r.d::date, 'RECOGNITION', 3200, 3200 * r.n, 'USD', r.d, 'bench-lineage-' || r.n, r.d + interval '1 hour'
      FROM lin_revenue r CROSS JOIN lin_head h JOIN "AccountingPeriod" ap ON ap."legalEntityId" = h.le AND ap.period = to_char(r.d, 'YYYY-MM');
  CREATE TEMP TABLE lin_receipt AS SELECT gen_random_uuid() AS id, n FROM generate_series(1, ${C.receipts}) n;
  CREATE TEMP TABLE lin_application AS SELECT gen_random_uuid() AS id, n, 1 + (n - 1) * ${C.receipts} / ${C.applications} AS receipt_n FROM generate_series(1, ${C.applications}) n;
  INSERT INTO "CashReceipt" (id, "sourceSystem", "externalId", "legalEntityId", "clientId", amount, currency, "appliedAmount", "unappliedAmount", status, "receivedAt", "updatedAt")
    SELECT r.id, 'bank', 'PAY-LIN-' || r.n, h.le, h.client, 19200 * (SELECT count(*) FROM lin_application a WHERE a.receipt_n = r.n), 'USD',
           19200 * (SELECT count(*) FROM lin_application a WHERE a.receipt_n = r.n), 0, 'APPLIED', h.started + r.n * interval '8 days' + interval '30 days', now()
      FROM lin_receipt r, lin_head h;
  INSERT INTO "CashApplication" (id, "receiptId", "invoiceId", method, automatic, amount, currency, "appliedAt")
    SELECT a.id, r.id, i.id, 'REMITTANCE', true, 19200, 'USD', h.started + r.n * interval '8 days' + interval '30 days'
      FROM lin_application a JOIN lin_receipt r ON r.n = a.receipt_n JOIN lin_invoice i ON i.n = a.n CROSS JOIN lin_head h;
  CREATE TEMP TABLE lin_expense AS SELECT gen_random_uuid() AS id, n FROM generate_series(1, ${C.expenses}) n;
  INSERT INTO "Expense" (id, "engagementId", category, "expenseDate", amount, currency, billable, "approvalStatus", "sourceSystem", "externalId", "updatedAt")
    SELECT x.id, h.engagement, 'TRAVEL', (h.started + x.n * interval '2.5 days')::date, 120 + x.n % 300, 'USD', true, 'APPROVED', 'psa', 'EXP-LIN-' || x.n, now() FROM lin_expense x, lin_head h;
  CREATE TEMP TABLE lin_link (from_type text, from_id text, to_type text, to_id text, relation text, amount numeric, event_id uuid, at timestamptz);
  INSERT INTO lin_link
    SELECT 'Quote', h.quote::text, 'QuoteVersion', q.id::text, 'HAS_VERSION', NULL::numeric, (SELECT id FROM lin_event WHERE kind = 'quote' AND n = q.v), h.started + q.v * interval '1 minute' FROM lin_qv q, lin_head h
    UNION ALL SELECT 'QuoteVersion', q.id::text, 'QuoteVersion', p.id::text, 'SUPERSEDES', NULL, (SELECT id FROM lin_event WHERE kind = 'quote' AND n = q.v), h.started + q.v * interval '1 minute'
      FROM lin_qv q JOIN lin_qv p ON p.v = q.v - 1, lin_head h
    UNION ALL SELECT 'QuoteVersion', q.id::text, 'Contract', h.contract::text, 'ORIGINATED', 1000000, (SELECT id FROM lin_event WHERE kind = 'quote' AND n = q.v), h.started + interval '5 minutes' FROM lin_qv q, lin_head h WHERE q.v = ${C.quoteVersions}
    UNION ALL SELECT 'QuoteVersion', q.id::text, 'Client', h.client::text, 'ORIGINATED', NULL, (SELECT id FROM lin_event WHERE kind = 'quote' AND n = q.v), h.started + interval '5 minutes' FROM lin_qv q, lin_head h WHERE q.v = ${C.quoteVersions}
    UNION ALL SELECT 'Contract', h.contract::text, 'SowVersion', s.id::text, 'HAS_VERSION', NULL, (SELECT id FROM lin_event WHERE kind = 'quote' AND n = ${C.quoteVersions}), s."effectiveAt" FROM "SowVersion" s, lin_head h WHERE s."contractId" = h.contract
    UNION ALL SELECT 'Contract', h.contract::text, 'Engagement', h.engagement::text, 'ORIGINATED', 1000000, (SELECT id FROM lin_event WHERE kind = 'quote' AND n = ${C.quoteVersions}), h.started + interval '5 minutes' FROM lin_head h
    UNION ALL SELECT 'Engagement', h.engagement::text, 'BillingPlan', h.plan::text, 'CONTAINS', 1000000, (SELECT id FROM lin_event WHERE kind = 'quote' AND n = ${C.quoteVersions}), h.started + interval '5 minutes' FROM lin_head h
    UNION ALL SELECT 'Engagement', h.engagement::text, 'ExternalRef', r.id::text, 'MIRRORED_AS', NULL, (SELECT id FROM lin_event WHERE kind = 'project'), h.started + interval '2 days' FROM "ExternalRef" r, lin_head h WHERE r."entityId" = h.engagement
    UNION ALL SELECT 'ChangeOrder', c.id::text, t.kind, t.id, 'AMENDED', CASE WHEN t.kind = 'Engagement' THEN 50000 END, e.id, h.started + c.v * interval '50 days'
      FROM lin_co c JOIN lin_event e ON e.kind = 'change' AND e.n = c.v, lin_head h, LATERAL (VALUES ('Engagement', h.engagement::text), ('BillingPlan', h.plan::text), ('SowVersion', c.sow::text)) t(kind, id)
    UNION ALL SELECT 'ChangeOrder', c.id::text, 'ChangeOrder', p.id::text, 'SUPERSEDES', NULL, (SELECT id FROM lin_event WHERE kind = 'change' AND n = c.v), h.started + c.v * interval '50 days' FROM lin_co c JOIN lin_co p ON p.v = c.v - 1, lin_head h
    UNION ALL SELECT 'Engagement', h.engagement::text, 'TimeTransaction', t.id::text, 'CONTAINS', 480, e.id, e."receivedAt"
      FROM lin_time t JOIN lin_event le ON le.kind = 'timesheet' AND le.n = t.sheet JOIN "InboxEvent" e ON e.id = le.id, lin_head h
    UNION ALL SELECT 'TimeTransaction', t.id::text, 'InvoiceLine', l.id::text, 'BILLED', 480, NULL, h.started + l.invoice_n * interval '7 days' FROM lin_time t JOIN lin_line l ON l.n = t.line_n, lin_head h
    UNION ALL SELECT 'InvoiceLine', l.id::text, 'Invoice', i.id::text, 'PART_OF', 9600, NULL, h.started + l.invoice_n * interval '7 days' FROM lin_line l JOIN lin_invoice i ON i.n = l.invoice_n, lin_head h
    UNION ALL SELECT 'RevenueSchedule', h.schedule::text, 'RevenueEntry', r.id::text, 'CONTAINS', 3200, NULL, r.d + interval '1 hour' FROM lin_revenue r, lin_head h
    UNION ALL SELECT 'TimeTransaction', t.id::text, 'RevenueEntry', r.id::text, 'RECOGNIZED', 480, NULL, r.d + interval '1 hour' FROM lin_time t JOIN lin_revenue r ON r.n = t.revenue_n
    UNION ALL SELECT 'CashReceipt', r.id::text, 'CashApplication', a.id::text, 'APPLIED', 19200, e.id, c."appliedAt"
      FROM lin_application a JOIN lin_receipt r ON r.n = a.receipt_n JOIN lin_event e ON e.kind = 'payment' AND e.n = r.n JOIN "CashApplication" c ON c.id = a.id
    UNION ALL SELECT 'CashApplication', a.id::text, 'Invoice', i.id::text, 'SETTLES', 19200, e.id, c."appliedAt"
      FROM lin_application a JOIN lin_invoice i ON i.n = a.n JOIN lin_event e ON e.kind = 'payment' AND e.n = a.receipt_n JOIN "CashApplication" c ON c.id = a.id
    UNION ALL SELECT 'Engagement', h.engagement::text, 'Expense', x.id::text, 'CONTAINS', 120 + x.n % 300, e.id, h.started + x.n * interval '2.5 days'
      FROM lin_expense x JOIN lin_event e ON e.kind = 'expense' AND e.n = x.n, lin_head h;
  INSERT INTO "LineageLink" (id, "fromType", "fromId", "toType", "toId", relation, amount, currency, "eventId", "correlationId", "createdAt")
    SELECT gen_random_uuid(), from_type::"EntityType", from_id, to_type::"EntityType", to_id, relation::"LineageRelation", amount, CASE WHEN amount IS NOT NULL THEN 'USD' END, event_id, '${LINEAGE_CORRELATION_ID}', at
      FROM lin_link`;

/** Seeds the thread once (it is skipped when its engagement exists); returns its links' count. */
export async function seedLineage(client: pg.Client, seedEnd: string): Promise<number> {
  const exists = await client.query(`SELECT 1 FROM "Engagement" WHERE "correlationId" = $1`, [LINEAGE_CORRELATION_ID]);
  if (exists.rowCount === 0) {
    await client.query('BEGIN');
    for (const statement of statements.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
      await client.query(statement, statement.includes('$1') ? [seedEnd] : []);
    }
    await client.query('COMMIT');
  }
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "LineageLink" WHERE "correlationId" = $1`, [LINEAGE_CORRELATION_ID]);
  return rows[0]!.n;
}
