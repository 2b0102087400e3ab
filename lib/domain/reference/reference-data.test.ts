// The reference lists agree with each other (the integration test checks them against the database).
import { describe, expect, it } from 'vitest';
import { COST_CENTERS, GROUP_CURRENCY, LEGAL_ENTITIES, ROLE_BILLING_SKU, SERVICE_CATALOG, SERVICE_ROLES, STANDARD_RATE_CARDS } from './reference-data.ts';
import { FX_REFERENCE, TAX_CODES, TAX_JURISDICTIONS } from './tax-and-fx.ts';

describe('reference data', () => {
  const jurisdictions = new Set<string>(TAX_JURISDICTIONS.map((j) => j.code));

  it('names the codes of DESIGN.md §12', () => {
    expect(LEGAL_ENTITIES.map((e) => [e.code, e.baseCurrency])).toEqual([['US01', 'USD'], ['GB01', 'GBP'], ['DE01', 'EUR'], ['IN01', 'INR']]);
    expect(SERVICE_ROLES.map((r) => r.code)).toEqual(['PARTNER', 'MANAGER', 'SENIOR_CONSULTANT', 'CONSULTANT', 'ANALYST']);
    expect(SERVICE_CATALOG.map((i) => i.sku)).toEqual(['ADV-PARTNER', 'ADV-SENIOR', 'ADV-CONSULTANT', 'ADV-ANALYST', 'FF-TRANSFORM', 'FF-IMPLEMENT', 'MS-RETAINER', 'MS-OVERAGE', 'EXP-TRAVEL']);
    expect(STANDARD_RATE_CARDS.map((c) => c.code)).toEqual(['STD-USD', 'STD-GBP', 'STD-EUR', 'STD-INR']);
    expect(GROUP_CURRENCY).toBe('USD');
  });

  it('has a tax jurisdiction for every nexus and every tax code, and standard + exempt codes everywhere', () => {
    for (const nexus of LEGAL_ENTITIES.flatMap((e) => e.taxNexus)) expect(jurisdictions.has(nexus)).toBe(true);
    for (const code of TAX_CODES) expect(jurisdictions.has(code.jurisdiction)).toBe(true);
    for (const j of jurisdictions) {
      expect(TAX_CODES.filter((c) => c.jurisdiction === j && !c.exempt && c.code.endsWith('-STD'))).toHaveLength(1);
      expect(TAX_CODES.filter((c) => c.jurisdiction === j && c.exempt)).toHaveLength(1);
    }
    expect(new Set(TAX_CODES.map((c) => c.code)).size).toBe(TAX_CODES.length);
  });

  it('prices every role on every standard card, under an advisory SKU of that role family', () => {
    const timeSkus = new Set(SERVICE_CATALOG.filter((i) => i.kind === 'TIME').map((i) => i.sku));
    for (const card of STANDARD_RATE_CARDS) expect(Object.keys(card.rates).sort()).toEqual(SERVICE_ROLES.map((r) => r.code).sort());
    for (const role of SERVICE_ROLES) expect(timeSkus.has(ROLE_BILLING_SKU[role.code])).toBe(true);
    for (const item of SERVICE_CATALOG.filter((i) => i.role)) expect(ROLE_BILLING_SKU[item.role!]).toBe(item.sku);
  });

  it('has cost centers in every legal entity, and FX for every non-group base currency', () => {
    for (const entity of LEGAL_ENTITIES) expect(COST_CENTERS.filter((c) => c.legalEntityCode === entity.code).length).toBeGreaterThanOrEqual(2);
    const foreign = LEGAL_ENTITIES.map((e) => e.baseCurrency).filter((c) => c !== GROUP_CURRENCY);
    expect([...FX_REFERENCE.baseCurrencies].sort()).toEqual(foreign.sort());
  });
});
