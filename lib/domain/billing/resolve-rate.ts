// The hourly bill rate for a role on a work date (DESIGN.md §6, T&M): the contract's own
// rate card (the quote's role lines) first, then the standard rate card of the engagement
// currency. No rate is a RATE_CARD_MISSING result — the workflow raises the exception and
// holds the time; pricing never guesses.
import { dec, type DecimalInput } from '../money/decimal.ts';
import type { IsoDate } from '../periods/calendar-date.ts';
import { decimalText } from './invoice-draft.ts';

/** One RateCardLine (role = ServiceRole.code; effectiveTo inclusive, null = open-ended). */
export interface RateCardLineInput {
  rateCardLineId: string;
  role: string;
  currency: string;
  rate: DecimalInput;
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
  /** The SKU the rate bills under (RateCardLine.serviceCatalogItem), when known. */
  sku?: string | null;
}

export type BillRateResult =
  | { ok: true; rate: string; source: 'CONTRACT' | 'STANDARD'; rateCardLineId: string; sku: string | null }
  | { ok: false; code: 'RATE_CARD_MISSING'; role: string; workDate: IsoDate; currency: string }
  /** The contract names the role, but in another currency: a contract data problem, not a fallback case. */
  | { ok: false; code: 'CURRENCY_MISMATCH'; role: string; workDate: IsoDate; currency: string; rateCurrency: string };

export function resolveBillRate(options: {
  role: string;
  workDate: IsoDate;
  /** The engagement currency. */
  currency: string;
  contractLines: readonly RateCardLineInput[];
  standardLines: readonly RateCardLineInput[];
}): BillRateResult {
  const { role, workDate } = options;
  const currency = options.currency.toUpperCase();

  const contract = lineInEffect(options.contractLines.filter((l) => l.role === role), workDate);
  if (contract) {
    if (contract.currency.toUpperCase() !== currency) {
      return { ok: false, code: 'CURRENCY_MISMATCH', role, workDate, currency, rateCurrency: contract.currency.toUpperCase() };
    }
    return found(contract, 'CONTRACT');
  }
  // Standard cards exist per currency; only the engagement currency's lines apply.
  const standard = lineInEffect(options.standardLines.filter((l) => l.role === role && l.currency.toUpperCase() === currency), workDate);
  if (standard) return found(standard, 'STANDARD');
  return { ok: false, code: 'RATE_CARD_MISSING', role, workDate, currency };
}

/** The line in effect on `date`; when ranges overlap, the one that started last wins. */
function lineInEffect(lines: readonly RateCardLineInput[], date: IsoDate): RateCardLineInput | undefined {
  return lines
    .filter((l) => l.effectiveFrom <= date && (l.effectiveTo === null || date <= l.effectiveTo))
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0))[0];
}

function found(line: RateCardLineInput, source: 'CONTRACT' | 'STANDARD'): BillRateResult {
  if (dec(line.rate).isNegative()) throw new RangeError(`Rate card line ${line.rateCardLineId} has a negative rate`);
  return { ok: true, rate: decimalText(line.rate), source, rateCardLineId: line.rateCardLineId, sku: line.sku ?? null };
}
