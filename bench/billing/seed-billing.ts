// The billing benchmark's own data, on top of the KPI seed's background (bench/kpis/seed.ts:
// 1,000,000 time transactions, 100,000 invoices): ENGAGEMENTS ACTIVE engagements across the
// four legal entities and their currencies and the three billing models, each with
// something due on ASOF, plus open exceptions up to 50,000 in all. Set-based SQL with ids
// and figures derived from the row number (md5 → uuid), so that every seed is identical.
//   - T&M (6 in 10): 12 priced, approved entries in the two ISO weeks before ASOF, five
//     roles → two invoices of five lines; every third one an expense (one in 30 in USD on a
//     non-USD engagement: converted at the month's rate);
//   - fixed fee (2 in 10): two completed, approved milestones with evidence (one invoice)
//     and one still planned; every third one an expense;
//   - retainer (2 in 10): started 2026-11, twelve months → November's fee, and December's
//     fee with November's usage above the included units.
// The KPI seed's 2,000 engagements are CLOSED here, so that the run considers exactly the
// generated ones while their rows stay in the tables and indexes it reads.
import type pg from 'pg';

export const ASOF = '2026-12-01';
export const BACKGROUND_OPEN_EXCEPTIONS = 50_000;

/** What a run over the generated data must issue (checked by the benchmark). */
export function expectedInvoices(engagements: number): number {
  let count = 0;
  // T&M: two weeks; fixed fee: the milestones, and the week of its expense when it has one; retainer: two months.
  for (let g = 1; g <= engagements; g++) count += g % 10 < 6 ? 2 : g % 10 < 8 ? (g % 3 === 0 ? 2 : 1) : 2;
  return count;
}

// g is the engagement's number (1..n); its legal entity is its client's: 1 + (g - 1) % clients.
const ENTITY = `(ARRAY['US01','GB01','DE01','IN01'])[1 + (1 + (g - 1) % $2::int) % 4]`;
const MODEL = `CASE WHEN g % 10 < 6 THEN 'TIME_AND_MATERIALS' WHEN g % 10 < 8 THEN 'FIXED_FEE_MILESTONE' ELSE 'RETAINER_WITH_OVERAGE' END`;
// A version-4-shaped uuid from a digest of the key: zod (outbox payloads) checks the version and variant.
const uuid = (key: string) => `pg_temp.bench_uuid(${key})`;
const UUID_FUNCTION = `
  CREATE OR REPLACE FUNCTION pg_temp.bench_uuid(key text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18))::uuid FROM (SELECT md5('bench-billing:' || key) AS h) d
  $$`;

const steps: [string, string][] = [
  ['clients', `
    INSERT INTO "Client" (id, name, "billToLegalEntityId", "taxNexus", "sourceSystem", "externalId", "updatedAt")
    SELECT ${uuid(`'client:' || k`)}, 'Billing client ' || k, le.id, CASE le.country WHEN 'US' THEN 'US-NY' ELSE le.country END, 'bench-billing', 'BC-' || k, now()
      FROM generate_series(1, $2::int) k JOIN "LegalEntity" le ON le.code = (ARRAY['US01','GB01','DE01','IN01'])[1 + k % 4]
     WHERE $1::int > 0`],
  ['engagements', `
    INSERT INTO "Engagement" (id, code, name, "correlationId", "clientId", "legalEntityId", currency, status, value, "estimatedCost", "activatedAt", "updatedAt")
    SELECT ${uuid(`'engagement:' || g`)}, 'BB-' || lpad(g::text, 5, '0'), 'Billed engagement ' || g, 'bench-billing-' || g, ${uuid(`'client:' || (1 + (g - 1) % $2::int)`)}, le.id, le."baseCurrency",
           'ACTIVE', 250000, 160000, timestamptz '2026-06-01', now()
      FROM generate_series(1, $1::int) g JOIN "LegalEntity" le ON le.code = ${ENTITY}`],
  ['billing plans', `
    INSERT INTO "BillingPlan" (id, "engagementId", model, cadence, "revenueTreatment", currency, "contractValue", "standardRateCardId", "taxNexus", "taxExempt",
                               "retainerMonthlyFee", "retainerIncludedUnits", "retainerOverageRate", "retainerStartMonth", "retainerMonths", "updatedAt")
    SELECT ${uuid(`'plan:' || g`)}, e.id, m.model::"BillingModel",
           (CASE m.model WHEN 'TIME_AND_MATERIALS' THEN 'WEEKLY' WHEN 'FIXED_FEE_MILESTONE' THEN 'ON_MILESTONE' ELSE 'MONTHLY' END)::"BillingCadence",
           (CASE m.model WHEN 'TIME_AND_MATERIALS' THEN 'AS_DELIVERED' WHEN 'FIXED_FEE_MILESTONE' THEN 'PERCENT_COMPLETE' ELSE 'RATABLE' END)::"RevenueTreatment",
           e.currency, 250000, rc.id, CASE le.country WHEN 'US' THEN (ARRAY['US-HI','US-NY','US-NM','US-CA'])[1 + g % 4] ELSE le.country END, g % 50 = 0,
           CASE WHEN m.model = 'RETAINER_WITH_OVERAGE' THEN f.fee END, CASE WHEN m.model = 'RETAINER_WITH_OVERAGE' THEN 100 END,
           CASE WHEN m.model = 'RETAINER_WITH_OVERAGE' THEN f.overage END, CASE WHEN m.model = 'RETAINER_WITH_OVERAGE' THEN date '2026-11-01' END,
           CASE WHEN m.model = 'RETAINER_WITH_OVERAGE' THEN 12 END, now()
      FROM generate_series(1, $1::int) g
      CROSS JOIN LATERAL (SELECT ${MODEL} AS model) m
      JOIN "Engagement" e ON e.id = ${uuid(`'engagement:' || g`)}
      JOIN "LegalEntity" le ON le.id = e."legalEntityId"
      JOIN "RateCard" rc ON rc.code = 'STD-' || e.currency
      JOIN (VALUES ('USD', 8000, 45), ('GBP', 6000, 35), ('EUR', 7000, 40), ('INR', 600000, 3200)) AS f(currency, fee, overage) ON f.currency = e.currency`],
  ['time', `
    CREATE TEMP TABLE bb_employee AS SELECT row_number() OVER (ORDER BY id) AS n, id, "costRate", "costCurrency" FROM "Employee";
    CREATE TEMP TABLE bb_role AS SELECT row_number() OVER (ORDER BY rank DESC) AS n, id, code FROM "ServiceRole";
    INSERT INTO "TimeTransaction" (id, "engagementId", "employeeId", "serviceRoleId", "workDate", hours, billable, "approvalStatus", "approvedAt", "rateCardLineId", "rateApplied", amount, currency,
                                   "revenueTreatment", "sourceSystem", "sourceTimesheetId", "sourceTimesheetVersion", "entryIndex", "updatedAt")
    SELECT ${uuid(`'time:' || g || ':' || i`)}, e.id, emp.id, r.id, date '2026-11-16' + (i / 6) * 7 + i % 5, 1 + (g + i) % 8, true, 'APPROVED', timestamptz '2026-11-30 12:00Z',
           rcl.id, rcl.rate, (1 + (g + i) % 8) * rcl.rate, e.currency, 'AS_DELIVERED', 'bench-billing', 'BB-TS-' || g || '-' || i / 6, 1, i % 6, now()
      FROM generate_series(1, $1::int) g
      CROSS JOIN generate_series(0, 11) i
      JOIN "Engagement" e ON e.id = ${uuid(`'engagement:' || g`)}
      JOIN bb_role r ON r.n = 1 + i % 5
      JOIN "RateCardLine" rcl ON rcl."serviceRoleId" = r.id AND rcl."rateCardId" = (SELECT id FROM "RateCard" WHERE code = 'STD-' || e.currency)
      JOIN bb_employee emp ON emp.n = 1 + (g * 7 + i) % (SELECT count(*) FROM bb_employee)
     WHERE g % 10 < 6`],
  ['expenses', `
    INSERT INTO "Expense" (id, "engagementId", category, description, "expenseDate", amount, currency, billable, "approvalStatus", "approvedAt", "serviceCatalogItemId", "sourceSystem", "externalId", "updatedAt")
    SELECT ${uuid(`'expense:' || g`)}, e.id, 'EXP-TRAVEL', 'Travel ' || g, date '2026-11-25', 100 + g % 400 + (g % 7) * 0.25, CASE WHEN g % 30 = 0 THEN 'USD' ELSE e.currency END,
           true, 'APPROVED', timestamptz '2026-11-27 12:00Z', (SELECT id FROM "ServiceCatalogItem" WHERE sku = 'EXP-TRAVEL'), 'bench-billing', 'BB-EXP-' || g, now()
      FROM generate_series(1, $1::int) g JOIN "Engagement" e ON e.id = ${uuid(`'engagement:' || g`)}
     WHERE g % 3 = 0 AND g % 10 < 8`],
  ['milestones', `
    INSERT INTO "Milestone" (id, "engagementId", ref, name, "sortOrder", amount, currency, status, "completedAt", "approvedAt", "approvedBy", "billableAt", "updatedAt")
    SELECT ${uuid(`'milestone:' || g || ':' || m`)}, e.id, 'M' || m, 'Milestone ' || m, m, 20000 + (g % 5) * 1000, e.currency,
           (CASE WHEN m < 3 THEN 'BILLABLE' ELSE 'PLANNED' END)::"MilestoneStatus",
           CASE WHEN m < 3 THEN timestamptz '2026-11-02' + m * interval '11 days' END, CASE WHEN m < 3 THEN timestamptz '2026-11-03' + m * interval '11 days' END,
           CASE WHEN m < 3 THEN 'pm@example.com' END, CASE WHEN m < 3 THEN timestamptz '2026-11-03' + m * interval '11 days' END, now()
      FROM generate_series(1, $1::int) g CROSS JOIN generate_series(1, 3) m JOIN "Engagement" e ON e.id = ${uuid(`'engagement:' || g`)}
     WHERE g % 10 IN (6, 7);
    INSERT INTO "MilestoneEvidence" (id, "milestoneId", uri, sha256)
    SELECT ${uuid(`'evidence:' || ms.id`)}, ms.id, 'https://docs.example.com/evidence/' || ms.id, encode(sha256(convert_to(ms.id::text, 'UTF8')), 'hex')
      FROM "Milestone" ms JOIN "Engagement" e ON e.id = ms."engagementId" WHERE e.code LIKE 'BB-%' AND ms.status = 'BILLABLE'`],
  ['usage', `
    INSERT INTO "UsageRecord" (id, "engagementId", period, "periodStart", units, "recordedAt", "sourceSystem", "externalId", "updatedAt")
    SELECT ${uuid(`'usage:' || g || ':' || u`)}, e.id, '2026-11', date '2026-11-01', 40 + (g + u) % 30, timestamptz '2026-11-05' + u * interval '9 days', 'bench-billing', 'BB-USE-' || g || '-' || u, now()
      FROM generate_series(1, $1::int) g CROSS JOIN generate_series(1, 3) u JOIN "Engagement" e ON e.id = ${uuid(`'engagement:' || g`)}
     WHERE g % 10 >= 8`],
  ['open exceptions', `
    INSERT INTO "Exception" (id, code, "entityType", "entityId", title, recoverability, "recoverabilityRank", "ownerTeam", "financialImpact", status, "firstSeenAt", "lastSeenAt", "updatedAt")
    SELECT ${uuid(`'exception:' || x`)}, (ARRAY['RATE_CARD_MISSING', 'UNBILLED_APPROVED_TIME', 'UNAPPLIED_CASH', 'TIME_FOR_UNKNOWN_ENGAGEMENT', 'CLIENT_NOT_MASTERED'])[1 + x % 5]::"ExceptionCode",
           'TimeTransaction', 'bench-billing-' || x, 'Billing bench background', 'DATA_FIX', 1, 'FINANCE_AR', x % 5000, 'OPEN',
           timestamptz '2026-11-30' - (x % 300) * interval '1 day', timestamptz '2026-11-30' - (x % 300) * interval '1 day', now()
      FROM generate_series(1, ${BACKGROUND_OPEN_EXCEPTIONS} - (SELECT count(*) FROM "Exception" WHERE status = 'OPEN')) x`],
  ['background engagements closed', `UPDATE "Engagement" SET status = 'CLOSED', "closedAt" = timestamptz '2026-11-30' WHERE code LIKE 'BENCH-%'`],
];

export async function seedBilling(client: pg.Client, options: { engagements: number }, say: (line: string) => void): Promise<void> {
  const clients = Math.max(4, Math.round(options.engagements / 5));
  await client.query(UUID_FUNCTION);
  for (const [name, sql] of steps) {
    const started = performance.now();
    await client.query('BEGIN');
    for (const statement of sql.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
      const params = [options.engagements, clients].slice(0, statement.includes('$2') ? 2 : statement.includes('$1') ? 1 : 0);
      await client.query(statement, params);
    }
    await client.query('COMMIT');
    say(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
