// Facts about invoices as documents: timeliness counts by eligibility day and posting day
// (key: the posting day, "" while not posted; an invoice voided before it was ever posted is
// not one to post), and time billed below the rate card by invoice issue day — the
// engagement's standard card (STD-<currency> when its plan names none) for the role on the
// work date, pre-summed per card, role, work date and rate before the card lookup.
import { fxJoin, fxMissing, inUsd, usdRates, utcDay, withinDays } from '../kpi-sql.ts';
import type { FactFamily } from './fact-family.ts';

export const invoiceFacts: FactFamily = {
  name: 'invoices',
  metrics: ['timeliness', 'below_card'],
  sql: `
    WITH billed AS (
      -- Grouped by the rate card to compare with (not by engagement): one card lookup serves many rows.
      SELECT coalesce(bp."standardRateCardId", std.id) AS card_id, t."serviceRoleId", t."workDate", s.rate, s.currency, i."legalEntityId" AS le, ${utcDay('i."issuedAt"')} AS day,
             sum(s.quantity) AS hours, count(*)::int AS n
        FROM "Invoice" i JOIN "InvoiceLine" l ON l."invoiceId" = i.id JOIN "InvoiceLineSource" s ON s."invoiceLineId" = l.id JOIN "TimeTransaction" t ON t.id = s."timeTransactionId"
        LEFT JOIN "BillingPlan" bp ON bp."engagementId" = t."engagementId"
        LEFT JOIN "RateCard" std ON std.code = 'STD-' || s.currency
       WHERE s.kind = 'TIME_TRANSACTION' AND s.rate IS NOT NULL AND s.quantity IS NOT NULL AND i.kind = 'INVOICE' AND ${withinDays('i."issuedAt"', 1, 2)}
       GROUP BY 1, 2, 3, 4, 5, 6, 7
    ),
    src AS (
      SELECT b.currency, b.day, b.le, sum((card.rate - b.rate) * b.hours) AS amount, sum(b.n)::int AS n
        FROM billed b
        JOIN LATERAL (
          SELECT r.rate FROM "RateCardLine" r
           WHERE r."rateCardId" = b.card_id AND r."serviceRoleId" = b."serviceRoleId" AND r.currency = b.currency
             AND r."effectiveFrom" <= b."workDate" AND (r."effectiveTo" IS NULL OR r."effectiveTo" >= b."workDate")
           ORDER BY r."effectiveFrom" DESC LIMIT 1
        ) card ON true
       WHERE card.rate > b.rate
       GROUP BY 1, 2, 3
    ), ${usdRates('src')}
    SELECT 'below_card' AS metric, src.day, src.le, '' AS key, coalesce(sum(${inUsd('src', 'src.amount')}), 0) AS amount, 0 AS hours, coalesce(sum(src.n), 0)::int AS count, ${fxMissing('src')} AS missing
      FROM src ${fxJoin('src')} GROUP BY src.day, src.le
    UNION ALL
    SELECT 'timeliness', ${utcDay('i."eligibleAt"')}, i."legalEntityId", coalesce(to_char(${utcDay('i."postedAt"')}, 'YYYY-MM-DD'), ''), 0, 0, count(*)::int, 0
      FROM "Invoice" i
     WHERE i.kind = 'INVOICE' AND ${withinDays('i."eligibleAt"', 1, 2)} AND NOT (i."voidedAt" IS NOT NULL AND i."postedAt" IS NULL)
     GROUP BY 2, 3, 4`,
};
