// Validation before creation (DESIGN.md §6) of an accepted quote version, in the order a
// person would fix things: legal entity, currency, tax profile, client hierarchy, service
// catalog, rates, fixed-fee milestones, then the systems the engagement must be created
// in. Reads only (the crosswalk may link a client row already keyed by the sender's id).
// The first failing check throws its hold; the result is everything creation needs.
import { compareDecimalStrings } from '../../domain/money/decimal-string.ts';
import type { OwnershipRuleLike } from '../../domain/stewardship/decide-field-changes.ts';
import type { QuoteAcceptedData } from '../../ingest/schemas/quote-accepted.ts';
import type { MasterDataSender } from '../master-data/sender.ts';
import type { Tx } from '../workflow.ts';
import { checkCurrency, checkLegalEntity, type ContractingEntity } from './check-legal-entity.ts';
import { checkRates, type QuoteRates } from './check-rates.ts';
import { checkTaxProfile } from './check-tax-profile.ts';
import { requireCommandTarget } from './command-targets.ts';
import { mapQuoteSkus, type MappedQuoteLine } from './map-quote-skus.ts';
import { utcDate } from '../master-data/employee-cost-rate.ts';
import { budgetHours, type QuoteFigures } from './quote-figures.ts';
import { quoteHold, type QuoteHoldTarget } from './quote-hold.ts';
import { resolveQuoteClient, type QuoteClient } from './resolve-quote-client.ts';

export interface ValidatedQuote {
  legalEntity: ContractingEntity;
  client: QuoteClient;
  lines: MappedQuoteLine[];
  rates: QuoteRates;
  figures: QuoteFigures;
  budgetHours: string | null;
  /** Connector codes of the ERP and the PSA. */
  targets: { erp: string; psa: string };
}

export async function validateQuote(
  tx: Tx,
  options: { data: QuoteAcceptedData; sender: MasterDataSender; rules: readonly OwnershipRuleLike[]; figures: QuoteFigures; target: QuoteHoldTarget },
): Promise<ValidatedQuote> {
  const { data, sender, rules, figures } = options;
  const legalEntity = await checkLegalEntity(tx, data, options.target, sender.system);
  const target = { ...options.target, legalEntityId: legalEntity.id };
  await checkCurrency(tx, data, legalEntity, target);
  await checkTaxProfile(tx, data, target);
  const client = await resolveQuoteClient(tx, { data, sender, rules, target });
  const lines = await mapQuoteSkus(tx, { data, system: sender.system, target });
  const rates = await checkRates(tx, { data, lines, legalEntityId: legalEntity.id, on: utcDate(new Date(data.acceptedAt)), target });

  if (data.billingModel === 'FIXED_FEE_MILESTONE' && figures.milestonesTotal !== null && compareDecimalStrings(figures.milestonesTotal, figures.subtotal) !== 0) {
    throw quoteHold(target, 'MILESTONE_VALUE_MISMATCH', `milestones sum to ${figures.milestonesTotal} ${data.currency}, the contract to ${figures.subtotal}`, {
      milestonesTotal: figures.milestonesTotal,
      contractValue: figures.subtotal,
    });
  }

  const about = `Quote ${data.quoteId} v${data.quoteVersion}`;
  const holdContext = { about, impact: target.impact, legalEntityId: legalEntity.id };
  const erp = await requireCommandTarget(tx, 'ERP', holdContext);
  const psa = await requireCommandTarget(tx, 'PSA', holdContext);
  const hours = budgetHours(data.lines.filter((_, index) => lines[index]!.unitOfMeasure === 'HOUR').map((line) => line.quantity));
  return { legalEntity, client, lines, rates, figures, budgetHours: hours, targets: { erp, psa } };
}
