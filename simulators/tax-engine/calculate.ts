// The engine's calculation: pick the rule for the buyer's jurisdiction on the issue date,
// then tax each line on its own, rounded half-up at the currency's minor unit (so the
// invoice total is the sum of rounded lines, never a rounded sum). Exact decimals from
// Threadline's money module; no float touches an amount.
import { dec, sum, ZERO, type Decimal } from '../../lib/domain/money/decimal.ts';
import { isKnownCurrency, minorUnits, roundToMinor } from '../../lib/domain/money/currency.ts';
import { findJurisdiction, ruleOn, type Jurisdiction, type TaxRule } from './jurisdictions.ts';
import { TaxEngineProblem, type CalculateRequest, type CalculateResponse } from './protocol.ts';

export function calculate(request: CalculateRequest): CalculateResponse {
  const { currency, buyer } = request;
  const destination = findJurisdiction(buyer.nexus);
  if (!destination) {
    throw new TaxEngineProblem(422, 'UNKNOWN_JURISDICTION', `The engine knows no jurisdiction ${buyer.nexus}; use a code such as US-NY, GB, DE or IN.`, {
      jurisdiction: buyer.nexus,
    });
  }
  if (!isKnownCurrency(currency)) throw new TaxEngineProblem(422, 'UNSUPPORTED_CURRENCY', `The engine does not calculate in ${currency}.`, { currency });
  const places = minorUnits(currency);
  const { jurisdiction, rule } = applicableRule(request, destination);
  const rate = dec(rule.rate);

  const lines = request.lines.map((line) => {
    const amount = dec(line.amount);
    if (amount.decimalPlaces() > places) {
      throw new TaxEngineProblem(422, 'AMOUNT_PRECISION', `Line ${line.lineId}: ${line.amount} has more decimals than ${currency} allows (${places}).`, { lineId: line.lineId });
    }
    const taxable = buyer.exempt ? ZERO : amount;
    return {
      lineId: line.lineId,
      taxableAmount: fixed(taxable, places),
      rate: rate.toFixed(),
      taxAmount: fixed(roundToMinor(taxable.times(rate), currency), places),
      jurisdiction: jurisdiction.code,
      taxCode: rule.taxCode,
    };
  });
  return { documentId: request.documentId, currency, lines, totalTax: fixed(sum(lines.map((l) => l.taxAmount)), places) };
}

/**
 * Exempt buyers first (certificate on file); then a cross-border sale by a seller whose
 * own country has a reverse-charge / zero-rated rule (GB, DE, IN) is taxed there at 0;
 * otherwise the destination's standard rule. A US seller has no such rule, so it charges
 * the destination's rate (simplified: real engines also check the seller's registrations).
 */
function applicableRule(request: CalculateRequest, destination: Jurisdiction): { jurisdiction: Jurisdiction; rule: TaxRule } {
  const { issueDate, seller, buyer } = request;
  let choice: { jurisdiction: Jurisdiction; rule: TaxRule | undefined };
  if (buyer.exempt) {
    choice = { jurisdiction: destination, rule: ruleOn(destination.exempt, issueDate) };
  } else {
    const home = seller.country !== destination.country ? findJurisdiction(seller.country) : undefined;
    const crossBorder = ruleOn(home?.crossBorder, issueDate);
    choice = home && crossBorder ? { jurisdiction: home, rule: crossBorder } : { jurisdiction: destination, rule: ruleOn(destination.standard, issueDate) };
  }
  if (!choice.rule) {
    throw new TaxEngineProblem(422, 'NO_RATE_IN_EFFECT', `No tax rule of ${choice.jurisdiction.code} is in effect on ${issueDate}.`, {
      jurisdiction: choice.jurisdiction.code,
      issueDate,
    });
  }
  return { jurisdiction: choice.jurisdiction, rule: choice.rule };
}

/** Fixed-point text with exactly `places` decimals; never "-0.00". */
function fixed(value: Decimal, places: number): string {
  return (value.isZero() ? ZERO : value).toFixed(places);
}
