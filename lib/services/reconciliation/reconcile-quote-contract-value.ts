// Quote versus contract value (DESIGN.md §8), one finding per contract that came from a
// quote: the accepted quote version's value plus the approved change orders in force,
// against the contract, its current SOW version, the engagement and its billing plan
// (lib/domain/reconciliation/contract-value-mismatch.ts decides, with the tolerance).
// One query over contracts (thousands), change orders summed per engagement.
import { findValueMismatch } from '../../domain/reconciliation/contract-value-mismatch.ts';
import { impactText, type Finding, type JobDefinition } from './finding.ts';

interface Row {
  contractId: string;
  contractNumber: string | null;
  contractCurrency: string;
  contract: string;
  quoteCurrency: string;
  quoteExternalId: string;
  quoteVersion: number;
  quoted: string;
  engagementId: string | null;
  engagementCode: string | null;
  correlationId: string | null;
  legalEntityId: string;
  engagement: string | null;
  billingPlan: string | null;
  sowVersion: string | null;
  changeOrderDelta: string;
}

export const quoteContractValueJob: JobDefinition = {
  job: 'quote-contract-value',
  async find(tx, { asOf, settings }) {
    const rows = await tx.$queryRaw<Row[]>`
      SELECT c.id::text AS "contractId", c."contractNumber", c.currency AS "contractCurrency", c."totalValue"::text AS contract,
             q.currency AS "quoteCurrency", q."externalId" AS "quoteExternalId", qv.version AS "quoteVersion", qv."totalValue"::text AS quoted,
             e.id::text AS "engagementId", e.code AS "engagementCode", COALESCE(e."correlationId", q."correlationId") AS "correlationId",
             c."legalEntityId"::text AS "legalEntityId", e.value::text AS engagement, p."contractValue"::text AS "billingPlan",
             s."totalValue"::text AS "sowVersion", COALESCE(co.delta, 0)::text AS "changeOrderDelta"
      FROM "Contract" c
      JOIN "Quote" q ON q.id = c."quoteId"
      JOIN "QuoteVersion" qv ON qv."quoteId" = q.id AND qv.version = q."currentVersion"
      LEFT JOIN "Engagement" e ON e."contractId" = c.id
      LEFT JOIN "BillingPlan" p ON p."engagementId" = e.id
      LEFT JOIN "SowVersion" s ON s."contractId" = c.id AND s.version = c."currentVersion"
      LEFT JOIN (SELECT "engagementId", sum("valueDelta") AS delta FROM "ChangeOrder" WHERE status = 'APPROVED' GROUP BY "engagementId") co ON co."engagementId" = e.id
      WHERE c.status <> 'TERMINATED'`;

    const tolerance = { minorUnits: settings.valueToleranceMinorUnits, ratio: settings.valueToleranceRatio };
    const findings: Finding[] = [];
    for (const row of rows) {
      const mismatch = findValueMismatch(
        { quoteCurrency: row.quoteCurrency, contractCurrency: row.contractCurrency, quotedValue: row.quoted, changeOrderDelta: row.changeOrderDelta, figures: { contract: row.contract, sowVersion: row.sowVersion, engagement: row.engagement, billingPlan: row.billingPlan } },
        tolerance,
      );
      if (!mismatch) continue;
      const name = row.contractNumber ?? row.contractId;
      const expected = impactText(mismatch.expected, mismatch.currency);
      findings.push({
        entityType: 'Contract', entityId: row.contractId, kind: mismatch.kind, impactAmount: impactText(mismatch.impact, mismatch.currency), impactCurrency: mismatch.currency,
        correlationId: row.correlationId, legalEntityId: row.legalEntityId, impactDate: asOf,
        title: mismatch.kind === 'CURRENCY'
          ? `Contract ${name} is in ${mismatch.currency}, its quote ${row.quoteExternalId} in ${mismatch.quoteCurrency}`
          : `Contract ${name} (${row.engagementCode ?? 'no engagement'}): ${mismatch.differences.map((d) => `${d.figure} ${impactText(d.value, mismatch.currency)}`).join(', ')} ≠ quote v${row.quoteVersion} + change orders ${expected} ${mismatch.currency}`,
        details: {
          contractNumber: row.contractNumber, engagementId: row.engagementId, engagementCode: row.engagementCode, quoteId: row.quoteExternalId, quoteVersion: row.quoteVersion,
          quotedValue: impactText(row.quoted, mismatch.currency), changeOrderDelta: impactText(row.changeOrderDelta, mismatch.currency), expected, currency: mismatch.currency, differences: mismatch.differences,
          ...(mismatch.kind === 'VALUE' ? { tolerance: mismatch.tolerance } : { quoteCurrency: mismatch.quoteCurrency }),
        },
      });
    }
    return findings;
  },
};
