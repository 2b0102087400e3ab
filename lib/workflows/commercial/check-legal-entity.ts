// Legal entity and currency checks of quote acceptance.
//
// Currency rule: the engagement is in the quote's currency, which must be a known ISO 4217
// currency that the contracting legal entity may invoice in — its base currency, or any
// currency the firm keeps an active STANDARD rate card for (its price-list currencies:
// USD, GBP, EUR, INR out of the box). Cross-currency contracts are normal in consulting
// (a UK entity billing a US client in USD); reporting converts at the transaction date's
// FX rate. A currency with no price list is a sales-ops fix (CURRENCY_MISMATCH), so is a
// named rate card in another currency (checked with the rates).
import { isKnownCurrency } from '../../domain/money/currency.ts';
import type { QuoteAcceptedData } from '../../ingest/schemas/quote-accepted.ts';
import { mappedValue } from '../master-data/mapped-value.ts';
import type { Tx } from '../workflow.ts';
import { quoteHold, type QuoteHoldTarget } from './quote-hold.ts';

export interface ContractingEntity {
  id: string;
  code: string;
  baseCurrency: string;
}

/** The sender's legal entity code goes through its value mapping first (a fix picked in triage). */
export async function checkLegalEntity(tx: Tx, data: QuoteAcceptedData, target: QuoteHoldTarget, system: string): Promise<ContractingEntity> {
  const sent = data.client.legalEntityCode;
  const code = await mappedValue(tx, { system, entityType: 'LegalEntity', canonicalField: 'code', externalValue: sent });
  const entity = await tx.legalEntity.findUnique({ where: { code }, select: { id: true, code: true, baseCurrency: true, active: true } });
  if (entity?.active) return { id: entity.id, code: entity.code, baseCurrency: entity.baseCurrency };
  const mapped = code !== sent ? ` (mapped to "${code}")` : '';
  throw quoteHold(target, 'INVALID_LEGAL_ENTITY', `legal entity "${sent}"${mapped} is ${entity ? 'inactive' : 'unknown'}`, { legalEntityCode: sent, system });
}

export async function checkCurrency(tx: Tx, data: QuoteAcceptedData, entity: ContractingEntity, target: QuoteHoldTarget): Promise<void> {
  const { currency } = data;
  if (currency === entity.baseCurrency) return;
  const priceList = isKnownCurrency(currency) ? await tx.rateCard.findFirst({ where: { kind: 'STANDARD', currency, active: true }, select: { code: true } }) : null;
  if (priceList) return;
  throw quoteHold(target, 'CURRENCY_MISMATCH', `${entity.code} cannot contract in ${currency}`, {
    currency,
    legalEntityCode: entity.code,
    baseCurrency: entity.baseCurrency,
    rule: 'The quote currency must be the legal entity base currency or a currency with an active STANDARD rate card.',
  });
}
