// Facts of the invoice ledger, dated when each thing happened (docs/KPIS.md, DSO and billed
// and collected):
// - sales: +|total| of a document on its issue day, −|total| on its void day (credit notes
//   negative), at the issue date's rate, per engagement — credit sales and "billed";
// - ar: what moves the receivable, at the invoice's issue-date rate: an invoice issued (+)
//   or voided (−), a credit note against it issued (−) or voided (+), cash applied (−, a
//   reversal +). AR at `to` is the sum of every ar fact dated before `to`;
// - collected: cash applied, reversals netted, at the application date's rate, per engagement
//   (the same key).
import { fxJoin, fxMissing, inUsd, usdRates, utcDay, withinDays } from '../kpi-sql.ts';
import type { FactFamily } from './fact-family.ts';

const signed = `CASE WHEN d.kind = 'CREDIT_NOTE' THEN -abs(d.total) ELSE abs(d.total) END`;

export const ledgerFacts: FactFamily = {
  name: 'ledger',
  metrics: ['sales', 'ar', 'collected'],
  sql: `
    WITH events AS (
      SELECT 'sales' AS metric, d."engagementId" || ':' || d."clientId" AS key, d."legalEntityId" AS le, d.currency, ${utcDay('d."issuedAt"')} AS fx_day, ${utcDay('d."issuedAt"')} AS day, ${signed} AS amount
        FROM "Invoice" d WHERE ${withinDays('d."issuedAt"', 1, 2)}
      UNION ALL
      SELECT 'sales', d."engagementId" || ':' || d."clientId", d."legalEntityId", d.currency, ${utcDay('d."issuedAt"')}, ${utcDay('d."voidedAt"')}, -(${signed})
        FROM "Invoice" d WHERE d."issuedAt" IS NOT NULL AND ${withinDays('d."voidedAt"', 1, 2)}
      UNION ALL
      SELECT 'ar', '', d."legalEntityId", d.currency, ${utcDay('d."issuedAt"')}, ${utcDay('d."issuedAt"')}, d.total
        FROM "Invoice" d WHERE d.kind = 'INVOICE' AND ${withinDays('d."issuedAt"', 1, 2)}
      UNION ALL
      SELECT 'ar', '', d."legalEntityId", d.currency, ${utcDay('d."issuedAt"')}, ${utcDay('d."voidedAt"')}, -d.total
        FROM "Invoice" d WHERE d.kind = 'INVOICE' AND d."issuedAt" IS NOT NULL AND ${withinDays('d."voidedAt"', 1, 2)}
      UNION ALL
      SELECT 'ar', '', o."legalEntityId", o.currency, ${utcDay('o."issuedAt"')}, ${utcDay('cn."issuedAt"')}, -abs(cn.total)
        FROM "Invoice" cn JOIN "Invoice" o ON o.id = cn."originalInvoiceId"
       WHERE cn.kind = 'CREDIT_NOTE' AND o.kind = 'INVOICE' AND o."issuedAt" IS NOT NULL AND ${withinDays('cn."issuedAt"', 1, 2)}
      UNION ALL
      SELECT 'ar', '', o."legalEntityId", o.currency, ${utcDay('o."issuedAt"')}, ${utcDay('cn."voidedAt"')}, abs(cn.total)
        FROM "Invoice" cn JOIN "Invoice" o ON o.id = cn."originalInvoiceId"
       WHERE cn.kind = 'CREDIT_NOTE' AND cn."issuedAt" IS NOT NULL AND o.kind = 'INVOICE' AND o."issuedAt" IS NOT NULL AND ${withinDays('cn."voidedAt"', 1, 2)}
      UNION ALL
      SELECT 'ar', '', o."legalEntityId", o.currency, ${utcDay('o."issuedAt"')}, ${utcDay('a."appliedAt"')}, -a.amount
        FROM "CashApplication" a JOIN "Invoice" o ON o.id = a."invoiceId"
       WHERE o.kind = 'INVOICE' AND o."issuedAt" IS NOT NULL AND ${withinDays('a."appliedAt"', 1, 2)}
      UNION ALL
      SELECT 'collected', o."engagementId" || ':' || o."clientId", o."legalEntityId", a.currency, ${utcDay('a."appliedAt"')}, ${utcDay('a."appliedAt"')}, a.amount
        FROM "CashApplication" a JOIN "Invoice" o ON o.id = a."invoiceId"
       WHERE ${withinDays('a."appliedAt"', 1, 2)}
    ),
    src AS (SELECT metric, key, le, currency, fx_day, day, sum(amount) AS amount FROM events GROUP BY 1, 2, 3, 4, 5, 6),
    ${usdRates('src', 'fx_day')}
    SELECT src.metric, src.day, src.le, src.key, coalesce(sum(${inUsd('src', 'src.amount')}), 0) AS amount, 0 AS hours, 0 AS count, ${fxMissing('src')} AS missing
      FROM src ${fxJoin('src', 'fx_day')} GROUP BY src.metric, src.day, src.le, src.key`,
};
