// Writes an accepted quote version with its priced lines. The version before it (if any)
// becomes SUPERSEDED — nothing is edited in place — and the quote points at the new one.
import type { Prisma } from '../../db/client.ts';
import type { QuoteAcceptedData } from '../../ingest/schemas/quote-accepted.ts';
import { toJsonSafe } from '../../services/audit/to-json-safe.ts';
import type { Tx } from '../workflow.ts';
import type { ValidatedQuote } from './validate-quote.ts';

export async function createQuoteVersion(tx: Tx, options: { quoteId: string; data: QuoteAcceptedData; checked: ValidatedQuote }): Promise<{ id: string; supersededIds: string[] }> {
  const { quoteId, data, checked } = options;
  const superseded = await tx.quoteVersion.findMany({ where: { quoteId, status: 'ACCEPTED' }, select: { id: true } });
  if (superseded.length > 0) await tx.quoteVersion.updateMany({ where: { id: { in: superseded.map((v) => v.id) } }, data: { status: 'SUPERSEDED' } });
  const version = await tx.quoteVersion.create({
    data: {
      quoteId,
      version: data.quoteVersion,
      status: 'ACCEPTED',
      billingModel: data.billingModel,
      currency: data.currency,
      subtotal: checked.figures.subtotal,
      totalValue: checked.figures.contractValue,
      estimatedCost: data.estimatedCost ?? null,
      budgetHours: checked.budgetHours,
      rateCardCode: checked.rates.standardRateCard?.code ?? data.rateCardCode ?? null,
      taxNexus: data.taxProfile.nexus,
      taxExempt: data.taxProfile.exempt,
      milestones: asJson(data.milestones),
      retainerTerms: asJson(data.retainer),
      acceptedAt: new Date(data.acceptedAt),
    },
    select: { id: true },
  });
  await tx.quoteLine.createMany({
    data: data.lines.map((line, index) => {
      const mapped = checked.lines[index]!;
      return {
        quoteVersionId: version.id,
        lineNo: mapped.lineNo,
        sku: line.sku,
        serviceCatalogItemId: mapped.catalogItemId,
        serviceRoleId: checked.rates.lineRoles.get(mapped.lineNo) ?? null,
        description: line.description,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        amount: checked.figures.lineAmounts[index]!,
        currency: data.currency,
      };
    }),
  });
  await tx.quote.update({ where: { id: quoteId }, data: { currentVersion: data.quoteVersion, status: 'ACCEPTED' } });
  return { id: version.id, supersededIds: superseded.map((v) => v.id) };
}

/** As quoted (unknown fields included), JSON-safe; absent stays SQL NULL. */
function asJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined ? undefined : (toJsonSafe(value) as Prisma.InputJsonValue);
}
