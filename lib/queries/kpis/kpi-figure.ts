// Turns computed figures into the API's KPI entries: exact decimal strings (never JSON
// numbers), money converted from USD to the reporting currency and rounded once to its
// minor unit, ratios to six decimals, days to four, milliseconds to three.
import { minorUnits, roundToMinor } from '../../domain/money/currency.ts';
import { dec, type Decimal, type DecimalInput } from '../../domain/money/decimal.ts';
import type { KpiFigure } from '../../http/schemas/kpis.ts';
import { definitionOf, type KpiKey } from './kpi-catalog.ts';
import type { KpiScope } from './kpi-scope.ts';

export const ratioText = (value: Decimal | null) => (value === null ? null : value.toDecimalPlaces(6).toString());
export const daysText = (value: Decimal | null) => (value === null ? null : value.toDecimalPlaces(4).toString());
export const msText = (value: Decimal | null) => (value === null ? null : value.toDecimalPlaces(3).toString());
export const hoursText = (value: DecimalInput) => dec(value).toFixed(2);

/** A USD amount in the reporting currency, as its string. */
export function moneyIn(scope: KpiScope, usd: DecimalInput): string {
  return roundToMinor(dec(usd).times(scope.fxRate), scope.currency).toFixed(minorUnits(scope.currency));
}

/** `money`: the breakdown holds money even though the headline does not (it is then in `currency` too). */
export function figure(key: KpiKey, scope: KpiScope, parts: { value: string | null; breakdown?: Record<string, unknown>; fxMissing?: number; money?: boolean }): KpiFigure {
  const definition = definitionOf(key);
  const money = definition.unit === 'money' || parts.money === true;
  const warnings = parts.fxMissing ? [`${parts.fxMissing} amount(s) left out: no FX rate to USD on or before their date.`] : undefined;
  return {
    key,
    label: definition.label,
    value: parts.value,
    unit: definition.unit,
    ...(money ? { currency: scope.currency } : {}),
    scope: definition.scope,
    ...(parts.breakdown ? { breakdown: parts.breakdown } : {}),
    rows: definition.rows,
    docs: definition.docs,
    ...(warnings ? { warnings } : {}),
  };
}
