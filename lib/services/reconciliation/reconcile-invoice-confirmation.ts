// Invoices posted in Threadline but not confirmed by the ERP (DESIGN.md §8): issued
// invoices and credit notes without postedAt past the grace period, with the state of
// their POST_INVOICE / POST_CREDIT_NOTE command so integration ops sees why (still
// pending, dead-lettered, or delivered and never answered). q2c.invoice.posted.v1
// resolves the exception on arrival; this job also clears it when the invoice is voided.
// Reads the partial index of issued, unposted invoices.
import type { InvoiceKind, InvoiceStatus, OutboxCommandStatus } from '../../db/generated/enums.ts';
import { isUnconfirmedInvoice } from '../../domain/reconciliation/invoice-confirmation.ts';
import { graceCutoff } from '../../domain/reconciliation/reconciliation-jobs.ts';
import { impactText, type Finding, type JobDefinition } from './finding.ts';

interface Row {
  id: string;
  kind: InvoiceKind;
  number: string | null;
  status: InvoiceStatus;
  total: string;
  currency: string;
  issuedAt: Date;
  correlationId: string;
  legalEntityId: string;
  engagementCode: string;
  commandStatus: OutboxCommandStatus | null;
  attempts: number | null;
  lastError: string | null;
}

export const invoiceConfirmationJob: JobDefinition = {
  job: 'invoice-confirmation',
  async find(tx, { asOf, settings }) {
    const rows = await tx.$queryRaw<Row[]>`
      SELECT i.id::text AS id, i.kind::text AS kind, i.number, i.status::text AS status, i.total::text AS total, i.currency, i."issuedAt",
             i."correlationId", i."legalEntityId"::text AS "legalEntityId", en.code AS "engagementCode",
             oc.status::text AS "commandStatus", oc.attempts, oc."lastError"
      FROM "Invoice" i
      JOIN "Engagement" en ON en.id = i."engagementId"
      LEFT JOIN LATERAL (
        SELECT o.status, o.attempts, o."lastError" FROM "OutboxCommand" o
        WHERE o."entityType" = 'Invoice' AND o."entityId" = i.id::text AND o.kind IN ('POST_INVOICE', 'POST_CREDIT_NOTE')
        ORDER BY o."createdAt" DESC LIMIT 1
      ) oc ON true
      WHERE i."postedAt" IS NULL AND i."issuedAt" IS NOT NULL AND i."issuedAt" <= ${graceCutoff(asOf, settings.erpConfirmationGraceHours)}
        AND i.status IN ('ISSUED', 'PARTIALLY_PAID', 'PAID')`;
    const unconfirmed = rows.filter((row) => isUnconfirmedInvoice({ ...row, postedAt: null }, { asOf, graceHours: settings.erpConfirmationGraceHours }));
    return unconfirmed.map((row): Finding => {
      const total = impactText(row.total, row.currency);
      const document = row.kind === 'CREDIT_NOTE' ? 'Credit note' : 'Invoice';
      const command = row.commandStatus ? `command ${row.commandStatus.toLowerCase()}` : 'no command in the outbox';
      return {
        entityType: 'Invoice', entityId: row.id, kind: null, impactAmount: impactText(total.replace(/^-/, ''), row.currency), impactCurrency: row.currency,
        correlationId: row.correlationId, legalEntityId: row.legalEntityId, impactDate: row.issuedAt,
        title: `${document} ${row.number ?? row.id} (${row.engagementCode}, ${total} ${row.currency}) issued ${row.issuedAt.toISOString().slice(0, 10)}, not confirmed by the ERP (${command})`,
        details: { number: row.number, kind: row.kind, status: row.status, total, currency: row.currency, issuedAt: row.issuedAt.toISOString(), command: { status: row.commandStatus, attempts: row.attempts, lastError: row.lastError } },
      };
    });
  },
};
