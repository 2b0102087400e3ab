// Tax jurisdictions, tax codes and FX reference rates seeded by the reference-data
// migration (DESIGN.md §12). The tax engine computes tax at invoice time; these rows name
// and explain what it returns. Rates are fractions (0.2 = 20 %).

export const TAX_JURISDICTIONS = [
  { code: 'US-NY', country: 'US', region: 'NY' },
  { code: 'US-CA', country: 'US', region: 'CA' },
  { code: 'US-TX', country: 'US', region: 'TX' },
  { code: 'US-HI', country: 'US', region: 'HI' },
  { code: 'US-NM', country: 'US', region: 'NM' },
  { code: 'GB', country: 'GB', region: null },
  { code: 'DE', country: 'DE', region: null },
  { code: 'IN', country: 'IN', region: null },
] as const;

export type TaxJurisdictionCode = (typeof TAX_JURISDICTIONS)[number]['code'];

/**
 * <jurisdiction>-STD is the treatment of the firm's professional services there. Most US
 * states do not tax consulting (NY, CA, TX: rate 0); Hawaii's general excise tax (4 %) and
 * New Mexico's gross receipts tax (4.875 % state rate since 2023-07-01) do reach services;
 * local add-ons come from the tax engine. <jurisdiction>-EXEMPT is an exempt customer
 * (`exempt: true` means no tax). RC/ZR are cross-border business supplies: reverse charge
 * (the customer accounts for the VAT) and India's zero-rated export of services.
 */
export const TAX_CODES = [
  { code: 'US-NY-STD', jurisdiction: 'US-NY', rate: '0', exempt: false, effectiveFrom: '2020-01-01' },
  { code: 'US-CA-STD', jurisdiction: 'US-CA', rate: '0', exempt: false, effectiveFrom: '2020-01-01' },
  { code: 'US-TX-STD', jurisdiction: 'US-TX', rate: '0', exempt: false, effectiveFrom: '2020-01-01' },
  { code: 'US-HI-STD', jurisdiction: 'US-HI', rate: '0.04', exempt: false, effectiveFrom: '2020-01-01' },
  { code: 'US-NM-STD', jurisdiction: 'US-NM', rate: '0.04875', exempt: false, effectiveFrom: '2023-07-01' },
  { code: 'GB-VAT-STD', jurisdiction: 'GB', rate: '0.2', exempt: false, effectiveFrom: '2011-01-04' },
  { code: 'GB-VAT-RC', jurisdiction: 'GB', rate: '0', exempt: false, effectiveFrom: '2011-01-04' },
  { code: 'DE-UST-STD', jurisdiction: 'DE', rate: '0.19', exempt: false, effectiveFrom: '2021-01-01' },
  { code: 'DE-UST-RC', jurisdiction: 'DE', rate: '0', exempt: false, effectiveFrom: '2021-01-01' },
  { code: 'IN-GST-STD', jurisdiction: 'IN', rate: '0.18', exempt: false, effectiveFrom: '2017-07-01' },
  { code: 'IN-GST-ZR', jurisdiction: 'IN', rate: '0', exempt: false, effectiveFrom: '2017-07-01' },
  { code: 'US-NY-EXEMPT', jurisdiction: 'US-NY', rate: '0', exempt: true, effectiveFrom: '2020-01-01' },
  { code: 'US-CA-EXEMPT', jurisdiction: 'US-CA', rate: '0', exempt: true, effectiveFrom: '2020-01-01' },
  { code: 'US-TX-EXEMPT', jurisdiction: 'US-TX', rate: '0', exempt: true, effectiveFrom: '2020-01-01' },
  { code: 'US-HI-EXEMPT', jurisdiction: 'US-HI', rate: '0', exempt: true, effectiveFrom: '2020-01-01' },
  { code: 'US-NM-EXEMPT', jurisdiction: 'US-NM', rate: '0', exempt: true, effectiveFrom: '2020-01-01' },
  { code: 'GB-VAT-EXEMPT', jurisdiction: 'GB', rate: '0', exempt: true, effectiveFrom: '2011-01-04' },
  { code: 'DE-UST-EXEMPT', jurisdiction: 'DE', rate: '0', exempt: true, effectiveFrom: '2021-01-01' },
  { code: 'IN-GST-EXEMPT', jurisdiction: 'IN', rate: '0', exempt: true, effectiveFrom: '2017-07-01' },
] as const satisfies readonly { code: string; jurisdiction: TaxJurisdictionCode; rate: string; exempt: boolean; effectiveFrom: string }[];

/**
 * FX rows are stored one way only: 1 unit of `baseCurrency` = rate USD, dated the first of
 * each month; whoever converts the other way inverts. They are reference values for demos
 * and tests, not market data: a production installation loads its treasury feed.
 */
export const FX_REFERENCE = {
  quoteCurrency: 'USD',
  baseCurrencies: ['GBP', 'EUR', 'INR'],
  firstMonth: '2025-01',
  lastMonth: '2027-12',
} as const;
