// Rate checks of quote acceptance. The standard rate card is the quote's rateCardCode, or
// the firm's active STANDARD card in the quote currency (the legal entity's own first);
// it must be in the quote currency (CURRENCY_MISMATCH otherwise). For T&M, each line
// with a role is the contract's hourly rate for that role (they become the engagement's
// CONTRACT rate card); a role line quoted at 0 takes the standard card's rate, which must
// exist on the acceptance date (RATE_CARD_MISSING). An unknown role, or one role quoted
// at two different rates, cannot be priced either.
import { compareDecimalStrings } from '../../domain/money/decimal-string.ts';
import type { QuoteAcceptedData } from '../../ingest/schemas/quote-accepted.ts';
import type { Tx } from '../workflow.ts';
import type { MappedQuoteLine } from './map-quote-skus.ts';
import { quoteHold, type QuoteHoldTarget } from './quote-hold.ts';

export interface ContractRate {
  roleId: string;
  roleCode: string;
  rate: string;
  serviceCatalogItemId: string;
}

export interface QuoteRates {
  standardRateCard: { id: string; code: string } | null;
  contractRates: ContractRate[];
  /** QuoteLine.serviceRoleId per line number. */
  lineRoles: Map<number, string>;
}

export async function findStandardRateCard(tx: Tx, currency: string, legalEntityId: string) {
  const cards = await tx.rateCard.findMany({
    where: { kind: 'STANDARD', currency, active: true, OR: [{ legalEntityId }, { legalEntityId: null }] },
    select: { id: true, code: true, legalEntityId: true },
    orderBy: { code: 'asc' },
  });
  return cards.find((card) => card.legalEntityId === legalEntityId) ?? cards[0] ?? null;
}

export async function checkRates(
  tx: Tx,
  options: { data: QuoteAcceptedData; lines: readonly MappedQuoteLine[]; legalEntityId: string; on: Date; target: QuoteHoldTarget },
): Promise<QuoteRates> {
  const { data, lines, legalEntityId, on, target } = options;
  const missing = (problem: string, details: Record<string, unknown>) => quoteHold(target, 'RATE_CARD_MISSING', problem, details);

  let standardRateCard: QuoteRates['standardRateCard'] = null;
  if (data.rateCardCode) {
    const card = await tx.rateCard.findUnique({ where: { code: data.rateCardCode }, select: { id: true, code: true, currency: true, active: true } });
    if (!card?.active) throw missing(`rate card ${data.rateCardCode} is ${card ? 'inactive' : 'unknown'}`, { rateCardCode: data.rateCardCode });
    if (card.currency !== data.currency) {
      throw quoteHold(target, 'CURRENCY_MISMATCH', `rate card ${card.code} is in ${card.currency}, the quote in ${data.currency}`, { rateCardCode: card.code, rateCardCurrency: card.currency, currency: data.currency });
    }
    standardRateCard = { id: card.id, code: card.code };
  } else {
    const card = await findStandardRateCard(tx, data.currency, legalEntityId);
    standardRateCard = card ? { id: card.id, code: card.code } : null;
  }

  const lineRoles = new Map<number, string>();
  const roleLines = data.lines.flatMap((line, index) => (line.role ? [{ line, mapped: lines[index]!, role: line.role }] : []));
  const roles = await tx.serviceRole.findMany({ where: { code: { in: roleLines.map((r) => r.role) }, active: true }, select: { id: true, code: true } });
  const roleByCode = new Map(roles.map((role) => [role.code, role]));
  for (const { role, mapped } of roleLines) {
    const known = roleByCode.get(role);
    if (known) lineRoles.set(mapped.lineNo, known.id);
  }
  if (data.billingModel !== 'TIME_AND_MATERIALS') return { standardRateCard, contractRates: [], lineRoles };

  const contractRates = new Map<string, ContractRate>();
  for (const { line, mapped, role } of roleLines) {
    const known = roleByCode.get(role);
    if (!known) throw missing(`role ${role} (line ${mapped.lineNo}) is not a known service role`, { role, lineNo: mapped.lineNo });
    if (compareDecimalStrings(line.unitPrice, '0') > 0) {
      const earlier = contractRates.get(role);
      if (earlier && compareDecimalStrings(earlier.rate, line.unitPrice) !== 0) {
        throw missing(`role ${role} is quoted at two rates (${earlier.rate} and ${line.unitPrice})`, { role, rates: [earlier.rate, line.unitPrice] });
      }
      contractRates.set(role, { roleId: known.id, roleCode: role, rate: line.unitPrice, serviceCatalogItemId: mapped.catalogItemId });
      continue;
    }
    const standardLine = standardRateCard
      ? await tx.rateCardLine.findFirst({
          where: { rateCardId: standardRateCard.id, serviceRoleId: known.id, effectiveFrom: { lte: on }, OR: [{ effectiveTo: null }, { effectiveTo: { gte: on } }] },
          select: { id: true },
        })
      : null;
    if (!standardLine) {
      throw missing(`no rate for ${role}: the line has none and ${standardRateCard ? `rate card ${standardRateCard.code} does not cover it` : `there is no standard rate card in ${data.currency}`}`, {
        role,
        rateCardCode: standardRateCard?.code ?? null,
      });
    }
  }
  return { standardRateCard, contractRates: [...contractRates.values()], lineRoles };
}
