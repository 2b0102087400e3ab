// Unapplied cash (DESIGN.md §8): every receipt with cash left to apply past the grace
// period — the same exception cash application raises on the receipt, kept in step with
// what is unapplied now (impact), and cleared when a manual application or a refund has
// used it up. Reads the partial index of receipts with unappliedAmount > 0.
import { graceCutoff, isPastGrace } from '../../domain/reconciliation/reconciliation-jobs.ts';
import { unappliedCashTitle } from '../cash/raise-cash-exceptions.ts';
import { impactText, type Finding, type JobDefinition } from './finding.ts';

interface Row {
  id: string;
  externalId: string;
  sourceSystem: string;
  payerName: string | null;
  payerExternalId: string | null;
  unapplied: string;
  currency: string;
  receivedAt: Date;
  legalEntityId: string | null;
}

export const unappliedCashJob: JobDefinition = {
  job: 'unapplied-cash',
  async find(tx, { asOf, settings }) {
    const rows = await tx.$queryRaw<Row[]>`
      SELECT r.id::text AS id, r."externalId", r."sourceSystem", r."payerName", r."payerExternalId", r."unappliedAmount"::text AS unapplied,
             r.currency, r."receivedAt", r."legalEntityId"::text AS "legalEntityId"
      FROM "CashReceipt" r
      WHERE r."unappliedAmount" > 0 AND r."receivedAt" <= ${graceCutoff(asOf, settings.unappliedCashGraceHours)}`;
    return rows.filter((row) => isPastGrace(row.receivedAt, asOf, settings.unappliedCashGraceHours)).map((row): Finding => {
      const amount = impactText(row.unapplied, row.currency);
      return {
        entityType: 'CashReceipt', entityId: row.id, kind: null, impactAmount: amount, impactCurrency: row.currency,
        correlationId: null, legalEntityId: row.legalEntityId, impactDate: row.receivedAt,
        title: unappliedCashTitle({ ...row, unapplied: amount }),
        details: { paymentId: row.externalId, system: row.sourceSystem, unapplied: amount, receivedAt: row.receivedAt.toISOString() },
      };
    });
  },
};
