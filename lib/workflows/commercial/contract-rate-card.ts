// An engagement's CONTRACT rate card (T&M): the hourly rates its quote's role lines
// named, effective from the acceptance date (time is priced with the line in effect on
// its work date, so earlier time keeps earlier rates). A later accepted version adds new
// lines from its own acceptance date and closes the previous ones the day before; an
// unchanged rate writes nothing. Roles the card lacks fall back to the standard card.
import { compareDecimalStrings } from '../../domain/money/decimal-string.ts';
import type { Tx } from '../workflow.ts';
import type { ContractRate } from './check-rates.ts';

const DAY_MS = 86_400_000;

export async function syncContractRates(
  tx: Tx,
  options: { cardId: string | null; engagementCode: string; currency: string; legalEntityId: string; rates: readonly ContractRate[]; from: Date },
): Promise<string | null> {
  const { engagementCode, currency, legalEntityId, rates, from } = options;
  if (rates.length === 0) return options.cardId;
  const cardId =
    options.cardId ??
    (
      await tx.rateCard.create({
        data: { code: `${engagementCode}-RATES`, name: `Contract rates of ${engagementCode}`, kind: 'CONTRACT', currency, legalEntityId },
        select: { id: true },
      })
    ).id;

  for (const rate of rates) {
    const current = await tx.rateCardLine.findFirst({
      where: { rateCardId: cardId, serviceRoleId: rate.roleId, effectiveFrom: { lte: from }, OR: [{ effectiveTo: null }, { effectiveTo: { gte: from } }] },
      orderBy: { effectiveFrom: 'desc' },
      select: { id: true, rate: true, effectiveFrom: true },
    });
    if (current && compareDecimalStrings(current.rate.toString(), rate.rate) === 0) continue;
    if (current && current.effectiveFrom.getTime() === from.getTime()) {
      await tx.rateCardLine.update({ where: { id: current.id }, data: { rate: rate.rate, serviceCatalogItemId: rate.serviceCatalogItemId } });
      continue;
    }
    if (current) await tx.rateCardLine.update({ where: { id: current.id }, data: { effectiveTo: new Date(from.getTime() - DAY_MS) } });
    await tx.rateCardLine.create({
      data: { rateCardId: cardId, serviceRoleId: rate.roleId, serviceCatalogItemId: rate.serviceCatalogItemId, currency, rate: rate.rate, effectiveFrom: from },
    });
  }
  return cardId;
}
