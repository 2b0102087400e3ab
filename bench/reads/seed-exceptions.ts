// The exception queue of the read benchmark (bench/reads): tops the queue up to 50,000
// unresolved exceptions (OPEN or ASSIGNED), whatever the KPI seed already put there, plus
// 25,000 resolved or suppressed ones — a queue with history. Codes follow a realistic mix
// (cash and unbilled-time decisions and connector failures are the common ones) and carry
// the recoverability, owner team and SLA the domain gives them (classify); impacts are
// log-normal (median ≈ 1,100 USD, a long tail to millions, transient and permanent ones
// mostly 0); a third are assigned to one of 30 people. Deterministic (setseed).
import type pg from 'pg';
import { ExceptionCode } from '../../lib/db/generated/enums.ts';
import { classify } from '../../lib/domain/exceptions/classification.ts';
import { recoverabilityRank } from '../../lib/domain/exceptions/recoverability-rank.ts';

export const OPEN_EXCEPTIONS = 50_000;
export const CLOSED_EXCEPTIONS = 25_000;
export const QUEUE_PEOPLE = 30;

/** Relative frequency of each code; the rest of the codes weigh 1. */
const weights: Partial<Record<ExceptionCode, number>> = {
  UNAPPLIED_CASH: 14,
  UNBILLED_APPROVED_TIME: 12,
  CONNECTOR_DELIVERY_FAILED: 10,
  RATE_CARD_MISSING: 8,
  SHORT_PAY_DEDUCTION: 7,
  TIME_FOR_UNKNOWN_ENGAGEMENT: 6,
  OUT_OF_ORDER_GAP: 5,
  INVOICE_NOT_CONFIRMED: 5,
  PAYMENT_DISPUTED: 4,
  UNMAPPED_SERVICE_SKU: 4,
  TAX_ENGINE_UNAVAILABLE: 3,
  OWNERSHIP_VIOLATION: 3,
  SCHEMA_INVALID: 3,
  MILESTONE_MISSING_EVIDENCE: 2,
  UNKNOWN_EMPLOYEE: 2,
  PROCESSING_FAILED: 2,
};

const entityTypeOf = (code: ExceptionCode) =>
  /CASH|PAY|DISPUTE/.test(code) ? 'CashReceipt' : /INVOICE|TAX/.test(code) ? 'Invoice' : /TIME/.test(code) ? 'TimeTransaction' : 'Engagement';

/** A VALUES list: one row per unit of weight, so a uniform pick follows the mix. */
function codeTable(): string {
  const rows = Object.values(ExceptionCode).flatMap((code) => {
    const c = classify(code);
    const row = `('${code}', '${c.recoverability}', ${recoverabilityRank(c.recoverability)}, '${c.ownerTeam}', ${c.slaHours}, '${entityTypeOf(code)}')`;
    return Array.from({ length: weights[code] ?? 1 }, () => row);
  });
  return `(VALUES ${rows.join(', ')}) AS c(code, recoverability, rank, owner, sla_hours, entity_type)`;
}

export async function seedExceptions(client: pg.Client, seedEnd: string, openTarget = OPEN_EXCEPTIONS): Promise<number> {
  await client.query('BEGIN');
  await client.query('SELECT setseed(0.42)');
  await client.query(
    `INSERT INTO "User" (id, email, name, role, "updatedAt")
     SELECT gen_random_uuid(), 'queue-' || g || '@bench.example', 'Queue person ' || g, (ARRAY['INTEGRATION_OPS', 'FINANCE', 'DELIVERY'])[1 + g % 3]::"Role", now()
       FROM generate_series(1, ${QUEUE_PEOPLE}) g ON CONFLICT (email) DO NOTHING`,
  );
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Exception" WHERE status IN ('OPEN', 'ASSIGNED')`);
  const open = Math.max(0, openTarget - rows[0]!.n);
  const { rowCount } = await client.query(
    `WITH codes AS (SELECT row_number() OVER () AS n, c.* FROM ${codeTable()}),
          people AS (SELECT row_number() OVER (ORDER BY email) AS n, id FROM "User" WHERE email LIKE 'queue-%@bench.example'),
          entities AS (SELECT row_number() OVER (ORDER BY code) AS n, id FROM "LegalEntity"),
          draws AS (
            SELECT g, 1 + floor(random() * (SELECT count(*) FROM codes))::int AS code_n, random() AS r_status, random() AS r_impact, random_normal(7, 2) AS log_impact,
                   random() AS r_seen, random() AS r_last, random() AS r_sla, random() AS r_occ, random() AS r_corr,
                   CASE WHEN g <= $2::int THEN (CASE WHEN random() < 0.65 THEN 'OPEN' ELSE 'ASSIGNED' END) ELSE (CASE WHEN random() < 0.8 THEN 'RESOLVED' ELSE 'SUPPRESSED' END) END AS status
              FROM generate_series(1, $2::int + ${CLOSED_EXCEPTIONS}) g
          ),
          rows AS (
            SELECT d.*, c.code, c.recoverability, c.rank, c.owner, c.sla_hours, c.entity_type,
                   $1::timestamptz - d.r_seen * interval '180 days' AS first_seen,
                   CASE WHEN d.r_occ < 0.6 THEN 1 ELSE floor(exp(d.r_occ * ln(200)))::int END AS occurrences
              FROM draws d JOIN codes c ON c.n = d.code_n
          )
     INSERT INTO "Exception" (id, code, "entityType", "entityId", "correlationId", "legalEntityId", title, recoverability, "recoverabilityRank", "ownerTeam",
                              "financialImpact", status, "assigneeId", occurrences, "firstSeenAt", "lastSeenAt", "slaDueAt", "resolvedAt", resolution, "updatedAt")
     SELECT gen_random_uuid(), r.code::"ExceptionCode", r.entity_type::"EntityType", 'bench-queue-' || r.g, CASE WHEN r.r_corr < 0.6 THEN 'bench-' || (1 + r.g % 2000) END,
            (SELECT id FROM entities e WHERE e.n = 1 + r.g % 4), r.code || ' on bench-queue-' || r.g, r.recoverability::"Recoverability", r.rank, r.owner::"OwnerTeam",
            CASE WHEN r.recoverability IN ('TRANSIENT', 'PERMANENT') AND r.r_impact < 0.7 THEN 0 ELSE round(least(exp(r.log_impact), 5000000)::numeric, 2) END,
            r.status::"ExceptionStatus", CASE WHEN r.status = 'ASSIGNED' OR (r.status IN ('RESOLVED', 'SUPPRESSED') AND r.r_status < 0.5) THEN (SELECT id FROM people p WHERE p.n = 1 + r.g % ${QUEUE_PEOPLE}) END,
            r.occurrences, r.first_seen,
            CASE WHEN r.occurrences = 1 THEN r.first_seen ELSE r.first_seen + r.r_last * ($1::timestamptz - r.first_seen) END,
            CASE WHEN r.r_sla < 0.03 THEN NULL ELSE r.first_seen + r.sla_hours * interval '1 hour' END,
            CASE WHEN r.status IN ('RESOLVED', 'SUPPRESSED') THEN r.first_seen + interval '2 days' END,
            CASE WHEN r.status = 'RESOLVED' THEN 'Fixed and replayed' WHEN r.status = 'SUPPRESSED' THEN 'Known issue' END, now()
       FROM rows r`,
    [seedEnd, open],
  );
  await client.query('COMMIT');
  return rowCount ?? 0;
}
