// The engine keeps its own table (it is another system), but every code it can return must
// name a TaxCode Threadline seeds, with the same jurisdiction, rate and start date.
import { describe, expect, it } from 'vitest';
import { dec } from '../../lib/domain/money/decimal.ts';
import { TAX_CODES, TAX_JURISDICTIONS } from '../../lib/domain/reference/tax-and-fx.ts';
import { JURISDICTIONS } from './jurisdictions.ts';

describe("the engine's table agrees with Threadline's reference data", () => {
  it('knows exactly the seeded jurisdictions', () => {
    expect(JURISDICTIONS.map((j) => [j.code, j.country]).sort()).toEqual(TAX_JURISDICTIONS.map((j) => [j.code, j.country]).sort());
  });

  it('returns only seeded tax codes, with their rates and start dates', () => {
    const rules = JURISDICTIONS.flatMap((j) => [...j.standard, ...j.exempt, ...(j.crossBorder ?? [])].map((rule) => ({ jurisdiction: j.code, ...rule })));
    for (const rule of rules) {
      const seeded = TAX_CODES.find((c) => c.code === rule.taxCode);
      expect(seeded, rule.taxCode).toBeDefined();
      expect({ jurisdiction: rule.jurisdiction, effectiveFrom: rule.effectiveFrom, rate: dec(rule.rate).toFixed() }).toEqual({
        jurisdiction: seeded!.jurisdiction,
        effectiveFrom: seeded!.effectiveFrom,
        rate: dec(seeded!.rate).toFixed(),
      });
    }
    // ...and every seeded code is one the engine can return.
    expect(new Set(rules.map((r) => r.taxCode))).toEqual(new Set(TAX_CODES.map((c) => c.code)));
  });
});
