// The KPI benchmark's data: a year (to SEED_END) of a firm with 1,000 clients, 2,000
// engagements in four legal entities and currencies, 600 people, 100,000 invoices (one
// line each), 1,000,000 time transactions (90 % billed — each with its invoice line source —
// 7 % approved and unbilled, 2 % submitted, 1 % non-billable), 80,000 payments applied,
// 50,000 revenue entries, 300,000 processed events and 5,000 exceptions. Set-based SQL
// (generate_series), so seeding takes about a minute.
import type pg from 'pg';

export const SEED_END = '2026-12-01T00:00:00Z';
export const COUNTS = { clients: 1_000, engagements: 2_000, employees: 600, invoices: 100_000, time: 1_000_000, receipts: 80_000, revenue: 50_000, events: 300_000, exceptions: 5_000 };

const steps: [string, string][] = [
  ['clients', `
    INSERT INTO "Client" (id, name, "billToLegalEntityId", "updatedAt")
    SELECT gen_random_uuid(), 'Client ' || g, (SELECT id FROM "LegalEntity" WHERE code = (ARRAY['US01','US01','GB01','DE01','IN01'])[1 + g % 5]), now()
      FROM generate_series(1, ${COUNTS.clients}) g`],
  ['engagements', `
    INSERT INTO "Engagement" (id, code, name, "correlationId", "clientId", "legalEntityId", currency, status, value, "estimatedCost", "quoteAcceptedAt", "activatedAt", "updatedAt")
    SELECT gen_random_uuid(), 'BENCH-' || g, 'Engagement ' || g, 'bench-' || g, c.id, c."billToLegalEntityId", le."baseCurrency", 'ACTIVE', 250000, 160000,
           $1::timestamptz - (g % 365) * interval '1 day', $1::timestamptz - (g % 365) * interval '1 day' + (g % 9) * interval '1 day' + interval '3 hours', now()
      FROM generate_series(1, ${COUNTS.engagements}) g
      JOIN (SELECT row_number() OVER (ORDER BY id) AS n, id, "billToLegalEntityId" FROM "Client") c ON c.n = 1 + g % ${COUNTS.clients}
      JOIN "LegalEntity" le ON le.id = c."billToLegalEntityId"`],
  ['billing plans', `
    INSERT INTO "BillingPlan" (id, "engagementId", model, cadence, "revenueTreatment", currency, "contractValue", "standardRateCardId", "updatedAt")
    SELECT gen_random_uuid(), e.id, 'TIME_AND_MATERIALS', 'WEEKLY', 'AS_DELIVERED', e.currency, e.value, (SELECT id FROM "RateCard" WHERE code = 'STD-' || e.currency), now()
      FROM "Engagement" e WHERE e.code LIKE 'BENCH-%'`],
  ['employees', `
    INSERT INTO "Employee" (id, name, "legalEntityId", "costRate", "costCurrency", "updatedAt")
    SELECT gen_random_uuid(), 'Person ' || g, le.id, 60 + g % 40, le."baseCurrency", now()
      FROM generate_series(1, ${COUNTS.employees}) g JOIN "LegalEntity" le ON le.code = (ARRAY['US01','US01','GB01','DE01','IN01'])[1 + g % 5]`],
  ['invoices', `
    CREATE TEMP TABLE bench_engagement AS SELECT row_number() OVER (ORDER BY code) AS n, id, "clientId", "legalEntityId", currency, "correlationId" FROM "Engagement" WHERE code LIKE 'BENCH-%';
    INSERT INTO "Invoice" (id, kind, number, "legalEntityId", "clientId", "engagementId", "correlationId", status, currency, subtotal, total, "amountApplied", "balanceDue", "eligibleAt", "issuedAt", "postedAt", "issueDate", "updatedAt")
    SELECT gen_random_uuid(), 'INVOICE', 'BENCH-' || g, e."legalEntityId", e."clientId", e.id, e."correlationId", CASE WHEN g <= ${COUNTS.receipts} THEN 'PAID' ELSE 'POSTED' END::"InvoiceStatus", e.currency,
           1000 + g % 5000, 1000 + g % 5000, CASE WHEN g <= ${COUNTS.receipts} THEN 1000 + g % 5000 ELSE 0 END, CASE WHEN g <= ${COUNTS.receipts} THEN 0 ELSE 1000 + g % 5000 END,
           $1::timestamptz - (g % 365) * interval '1 day' - interval '2 hours', $1::timestamptz - (g % 365) * interval '1 day', $1::timestamptz - (g % 365) * interval '1 day' + (g % 4) * interval '1 day',
           ($1::timestamptz - (g % 365) * interval '1 day')::date, now()
      FROM generate_series(1, ${COUNTS.invoices}) g JOIN bench_engagement e ON e.n = 1 + g % ${COUNTS.engagements}`],
  ['invoice lines', `
    INSERT INTO "InvoiceLine" (id, "invoiceId", "lineNo", kind, description, quantity, "unitPrice", amount, currency)
    SELECT gen_random_uuid(), i.id, 1, 'TIME', 'Advisory time', 10, i.subtotal / 10, i.subtotal, i.currency FROM "Invoice" i WHERE i.number LIKE 'BENCH-%'`],
  ['time', `
    CREATE TEMP TABLE bench_line AS SELECT row_number() OVER (ORDER BY l.id) AS n, l.id FROM "InvoiceLine" l JOIN "Invoice" i ON i.id = l."invoiceId" WHERE i.number LIKE 'BENCH-%';
    CREATE TEMP TABLE bench_employee AS SELECT row_number() OVER (ORDER BY id) AS n, id, "costRate" FROM "Employee";
    INSERT INTO "TimeTransaction" (id, "engagementId", "employeeId", "serviceRoleId", "workDate", hours, billable, "approvalStatus", "rateApplied", amount, currency, "costRate", "costCurrency",
                                   "revenueTreatment", "invoiceLineId", "sourceSystem", "sourceTimesheetId", "sourceTimesheetVersion", "entryIndex", "updatedAt")
    SELECT gen_random_uuid(), e.id, emp.id, (SELECT id FROM "ServiceRole" WHERE code = 'CONSULTANT'), ($1::timestamptz - (g % 365) * interval '1 day')::date, 1 + g % 8,
           g % 100 <> 99, CASE WHEN g % 100 IN (97, 98) THEN 'SUBMITTED' ELSE 'APPROVED' END::"ApprovalStatus",
           150 + g % 100, (1 + g % 8) * (150 + g % 100), e.currency, emp."costRate", e.currency, 'AS_DELIVERED',
           CASE WHEN g % 100 < 90 THEN l.id END, 'bench', 'sheet-' || (g / 40), 1, g % 40, now()
      FROM generate_series(1, ${COUNTS.time}) g
      JOIN bench_engagement e ON e.n = 1 + g % ${COUNTS.engagements}
      JOIN bench_line l ON l.n = 1 + g % ${COUNTS.invoices}
      JOIN bench_employee emp ON emp.n = 1 + g % ${COUNTS.employees}`],
  ['time sources', `
    INSERT INTO "InvoiceLineSource" (id, "invoiceLineId", kind, "timeTransactionId", quantity, rate, amount, currency, "billingKey")
    SELECT gen_random_uuid(), t."invoiceLineId", 'TIME_TRANSACTION', t.id, t.hours, t."rateApplied", t.amount, t.currency, 'TIME_TRANSACTION:' || t.id
      FROM "TimeTransaction" t WHERE t."invoiceLineId" IS NOT NULL`],
  ['payments', `
    INSERT INTO "CashReceipt" (id, "sourceSystem", "externalId", "legalEntityId", "clientId", amount, currency, "appliedAmount", "unappliedAmount", status, "receivedAt", "updatedAt")
    SELECT gen_random_uuid(), 'bench', 'PAY-' || i.number, i."legalEntityId", i."clientId", i.total, i.currency, i.total, 0, 'APPLIED', i."issuedAt" + interval '20 days', now()
      FROM "Invoice" i WHERE i.number LIKE 'BENCH-%' AND i.status = 'PAID';
    INSERT INTO "CashApplication" (id, "receiptId", "invoiceId", method, automatic, amount, currency, "appliedAt")
    SELECT gen_random_uuid(), r.id, i.id, 'REMITTANCE', true, r.amount, r.currency, r."receivedAt"
      FROM "CashReceipt" r JOIN "Invoice" i ON 'PAY-' || i.number = r."externalId" WHERE r."sourceSystem" = 'bench'`],
  ['revenue', `
    INSERT INTO "RevenueSchedule" (id, "engagementId", treatment, currency, "updatedAt") SELECT gen_random_uuid(), id, 'AS_DELIVERED', currency, now() FROM bench_engagement;
    INSERT INTO "RevenueEntry" (id, "scheduleId", "engagementId", "accountingPeriodId", period, "recognitionDate", kind, amount, "cumulativeAmount", currency, "eligibleAt", "idempotencyKey", "createdAt")
    SELECT gen_random_uuid(), s.id, s."engagementId", ap.id, ap.period, d::date, 'RECOGNITION', 1000 + g % 3000, 1000, s.currency, d - (g % 5) * interval '1 day', 'bench-' || g, d + interval '6 hours'
      FROM generate_series(1, ${COUNTS.revenue}) g
      CROSS JOIN LATERAL (SELECT $1::timestamptz - (g % 365) * interval '1 day' AS d) day
      JOIN bench_engagement e ON e.n = 1 + g % ${COUNTS.engagements}
      JOIN "RevenueSchedule" s ON s."engagementId" = e.id
      JOIN "AccountingPeriod" ap ON ap."legalEntityId" = e."legalEntityId" AND ap.period = to_char(d, 'YYYY-MM')`],
  ['events and exceptions', `
    INSERT INTO "InboxEvent" (id, source, "eventId", type, subject, payload, "payloadHash", status, "receivedAt", "processedAt")
    SELECT gen_random_uuid(), '/bench', 'ev-' || g, (ARRAY['q2c.timesheet.approved.v1', 'q2c.payment.received.v1', 'q2c.usage.recorded.v1'])[1 + g % 3], 's-' || g, '{}', md5(g::text) || md5(g::text), 'PROCESSED',
           $1::timestamptz - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second', $1::timestamptz - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second' + (g % 900) * interval '1 millisecond'
      FROM generate_series(1, ${COUNTS.events}) g;
    INSERT INTO "Exception" (id, code, "entityType", "entityId", title, recoverability, "recoverabilityRank", "ownerTeam", "financialImpact", status, "firstSeenAt", "lastSeenAt", "updatedAt")
    SELECT gen_random_uuid(), (ARRAY['RATE_CARD_MISSING', 'UNBILLED_APPROVED_TIME', 'UNAPPLIED_CASH'])[1 + g % 3]::"ExceptionCode", 'Engagement', 'bench-' || g, 'Bench', 'DATA_FIX', 0, 'FINANCE_AR', g % 1000,
           'OPEN', $1::timestamptz - (g % 365) * interval '1 day', $1::timestamptz - (g % 365) * interval '1 day', now()
      FROM generate_series(1, ${COUNTS.exceptions}) g`],
];

export async function seed(client: pg.Client, say: (line: string) => void): Promise<void> {
  for (const [name, sql] of steps) {
    const started = performance.now();
    await client.query('BEGIN');
    for (const statement of sql.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
      await client.query(statement, statement.includes('$1') ? [SEED_END] : []);
    }
    await client.query('COMMIT');
    say(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await client.query('VACUUM ANALYZE');
}
