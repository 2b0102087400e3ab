// The simulated tax engine's own rate table. A tax engine is a separate system: it never
// reads Threadline's database, so it keeps its own copy. The codes and rates match the
// reference data Threadline seeds (lib/domain/reference/tax-and-fx.ts); a unit test keeps
// the two in step, so that every code the engine returns names a TaxCode row.

export interface TaxRule {
  taxCode: string;
  /** A fraction as a decimal string: "0.2" = 20 %. */
  rate: string;
  /** Inclusive ISO dates; no `effectiveTo` = still in force. */
  effectiveFrom: string;
  effectiveTo?: string;
}

export interface Jurisdiction {
  code: string;
  name: string;
  country: string;
  /** The treatment of professional services sold there, by date. */
  standard: readonly TaxRule[];
  /** An exempt customer (exemption certificate on file). */
  exempt: readonly TaxRule[];
  /**
   * A seller based in this (national) jurisdiction selling to a business abroad: VAT reverse
   * charge or zero-rated export. Only VAT/GST countries have one; US states do not.
   */
  crossBorder?: readonly TaxRule[];
}

const from = (taxCode: string, rate: string, effectiveFrom: string): TaxRule[] => [{ taxCode, rate, effectiveFrom }];

export const JURISDICTIONS: readonly Jurisdiction[] = [
  // Most US states do not tax consulting; Hawaii (GET) and New Mexico (GRT) do.
  { code: 'US-NY', name: 'New York', country: 'US', standard: from('US-NY-STD', '0', '2020-01-01'), exempt: from('US-NY-EXEMPT', '0', '2020-01-01') },
  { code: 'US-CA', name: 'California', country: 'US', standard: from('US-CA-STD', '0', '2020-01-01'), exempt: from('US-CA-EXEMPT', '0', '2020-01-01') },
  { code: 'US-TX', name: 'Texas', country: 'US', standard: from('US-TX-STD', '0', '2020-01-01'), exempt: from('US-TX-EXEMPT', '0', '2020-01-01') },
  { code: 'US-HI', name: 'Hawaii', country: 'US', standard: from('US-HI-STD', '0.04', '2020-01-01'), exempt: from('US-HI-EXEMPT', '0', '2020-01-01') },
  // The state rate since 2023-07-01; earlier dates have no rule here (422), as in Threadline's table.
  { code: 'US-NM', name: 'New Mexico', country: 'US', standard: from('US-NM-STD', '0.04875', '2023-07-01'), exempt: from('US-NM-EXEMPT', '0', '2020-01-01') },
  {
    code: 'GB',
    name: 'United Kingdom',
    country: 'GB',
    standard: from('GB-VAT-STD', '0.2', '2011-01-04'),
    exempt: from('GB-VAT-EXEMPT', '0', '2011-01-04'),
    crossBorder: from('GB-VAT-RC', '0', '2011-01-04'),
  },
  {
    code: 'DE',
    name: 'Germany',
    country: 'DE',
    standard: from('DE-UST-STD', '0.19', '2021-01-01'),
    exempt: from('DE-UST-EXEMPT', '0', '2021-01-01'),
    crossBorder: from('DE-UST-RC', '0', '2021-01-01'),
  },
  {
    code: 'IN',
    name: 'India',
    country: 'IN',
    standard: from('IN-GST-STD', '0.18', '2017-07-01'),
    exempt: from('IN-GST-EXEMPT', '0', '2017-07-01'),
    crossBorder: from('IN-GST-ZR', '0', '2017-07-01'),
  },
];

const byCode = new Map(JURISDICTIONS.map((j) => [j.code, j]));

export function findJurisdiction(code: string): Jurisdiction | undefined {
  return byCode.get(code);
}

/** The rule in force on `date` (YYYY-MM-DD; ISO dates compare as strings). */
export function ruleOn(rules: readonly TaxRule[] | undefined, date: string): TaxRule | undefined {
  return rules?.find((r) => r.effectiveFrom <= date && (r.effectiveTo === undefined || date <= r.effectiveTo));
}
