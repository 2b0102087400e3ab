// A legal entity's accounting periods with who closed them and what the books hold: what
// posted into each month (late items included), and what was dated in it but moved to a
// later month because it was closed. One query; the invoices of the legal entity are read
// once (Invoice has no index on its period), revenue entries through their period index.
import { db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { AccountingPeriodView } from '../../http/schemas/periods.ts';
import type { LockedPeriod } from '../../services/periods/lock-entity-periods.ts';
import { userNames } from '../user-names.ts';

// The stored columns are those the close locks; the counts come from the joins below.
interface PeriodRow extends Omit<LockedPeriod, 'id'> {
  invoicesPosted: number;
  invoicesPostedLate: number;
  invoicesMovedOut: number;
  revenuePosted: number;
  revenuePostedLate: number;
  revenueMovedOut: number;
}

export async function listAccountingPeriods(options: { legalEntityCode: string; year?: number; period?: string }): Promise<AccountingPeriodView[]> {
  const legalEntity = await db().legalEntity.findUnique({ where: { code: options.legalEntityCode }, select: { id: true, code: true } });
  if (!legalEntity) throw new AppError('NOT_FOUND', `No legal entity ${options.legalEntityCode}.`);
  const prefix = options.period ?? (options.year !== undefined ? `${String(options.year).padStart(4, '0')}-` : '');
  const rows = await db().$queryRaw<PeriodRow[]>`
    WITH entity_revenue AS (
      SELECT r."accountingPeriodId", r.late, r."originalPeriod"
        FROM "RevenueEntry" r JOIN "AccountingPeriod" a ON a.id = r."accountingPeriodId"
       WHERE a."legalEntityId" = ${legalEntity.id}::uuid
    ), entity_invoices AS (
      SELECT i."accountingPeriodId", i."latePosting", to_char(i."issueDate", 'YYYY-MM') AS "issueMonth"
        FROM "Invoice" i
       WHERE i."legalEntityId" = ${legalEntity.id}::uuid AND i."accountingPeriodId" IS NOT NULL
    )
    SELECT p.period, p."startDate", p."endDate", p.status::text AS status, p."closedAt", p."closedById"::text AS "closedById",
           coalesce(ip.posted, 0)::int AS "invoicesPosted", coalesce(ip.late, 0)::int AS "invoicesPostedLate", coalesce(io.moved, 0)::int AS "invoicesMovedOut",
           coalesce(rp.posted, 0)::int AS "revenuePosted", coalesce(rp.late, 0)::int AS "revenuePostedLate", coalesce(ro.moved, 0)::int AS "revenueMovedOut"
      FROM "AccountingPeriod" p
      LEFT JOIN (SELECT "accountingPeriodId" AS id, count(*) AS posted, count(*) FILTER (WHERE "latePosting") AS late FROM entity_invoices GROUP BY 1) ip ON ip.id = p.id
      LEFT JOIN (SELECT "issueMonth", count(*) AS moved FROM entity_invoices WHERE "latePosting" GROUP BY 1) io ON io."issueMonth" = p.period
      LEFT JOIN (SELECT "accountingPeriodId" AS id, count(*) AS posted, count(*) FILTER (WHERE late) AS late FROM entity_revenue GROUP BY 1) rp ON rp.id = p.id
      LEFT JOIN (SELECT "originalPeriod" AS period, count(*) AS moved FROM entity_revenue WHERE late GROUP BY 1) ro ON ro.period = p.period
     WHERE p."legalEntityId" = ${legalEntity.id}::uuid AND starts_with(p.period, ${prefix})
     ORDER BY p.period`;
  const names = await userNames({ ids: rows.flatMap((r) => (r.closedById ? [r.closedById] : [])) });
  return rows.map((r) => ({
    legalEntityCode: legalEntity.code,
    period: r.period,
    startDate: day(r.startDate),
    endDate: day(r.endDate),
    status: r.status,
    closedAt: r.closedAt?.toISOString() ?? null,
    closedBy: r.closedById ? { id: r.closedById, name: names.get(r.closedById) ?? null } : null,
    posted: { invoices: r.invoicesPosted, revenueEntries: r.revenuePosted },
    postedLate: { invoices: r.invoicesPostedLate, revenueEntries: r.revenuePostedLate },
    movedOutLate: { invoices: r.invoicesMovedOut, revenueEntries: r.revenueMovedOut },
  }));
}

const day = (date: Date) => date.toISOString().slice(0, 10);
