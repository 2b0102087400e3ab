// The reference-data migration on a freshly migrated database: every code of
// lib/domain/reference exists with its values, and running the script again changes nothing.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { db, pgPool } from '../../db/client.ts';
import { DEFAULT_OWNERSHIP_RULES } from '../stewardship/default-ownership-rules.ts';
import {
  ACCOUNTING_PERIOD_RANGE,
  COST_CENTERS,
  LEGAL_ENTITIES,
  ROLE_BILLING_SKU,
  SERVICE_CATALOG,
  SERVICE_ROLES,
  STANDARD_RATE_CARDS,
  STANDARD_RATES_EFFECTIVE_FROM,
} from './reference-data.ts';
import { FX_REFERENCE, TAX_CODES, TAX_JURISDICTIONS } from './tax-and-fx.ts';

const migrationsDir = path.resolve(import.meta.dirname, '../../../prisma/migrations');
const folder = readdirSync(migrationsDir).find((name) => name.endsWith('_reference_data'));
const script = readFileSync(path.join(migrationsDir, folder ?? 'missing', 'migration.sql'), 'utf8');
const day = (date: Date) => date.toISOString().slice(0, 10);

function months(from: string, to: string): string[] {
  const result: string[] = [];
  for (let d = new Date(`${from}-01T00:00:00Z`); d <= new Date(`${to}-01T00:00:00Z`); d.setUTCMonth(d.getUTCMonth() + 1)) {
    result.push(d.toISOString().slice(0, 7));
  }
  return result;
}

describe('reference data after migrations', () => {
  it('has the legal entities with currency, country, region and tax nexus', async () => {
    const rows = await db().legalEntity.findMany({ where: { code: { in: LEGAL_ENTITIES.map((e) => e.code) } } });
    expect(rows.map(({ code, name, country, region, baseCurrency, taxNexus }) => ({ code, name, country, region, baseCurrency, taxNexus })))
      .toEqual(expect.arrayContaining(LEGAL_ENTITIES.map((e) => ({ ...e, taxNexus: [...e.taxNexus] }))));
    expect(rows).toHaveLength(LEGAL_ENTITIES.length);
  });

  it('has every tax nexus as a jurisdiction, and every tax code in its jurisdiction', async () => {
    const jurisdictions = await db().taxJurisdiction.findMany({ include: { taxCodes: true } });
    const byCode = new Map(jurisdictions.map((j) => [j.code, j]));
    for (const j of TAX_JURISDICTIONS) expect(byCode.get(j.code)).toMatchObject({ country: j.country, region: j.region });
    for (const nexus of LEGAL_ENTITIES.flatMap((e) => e.taxNexus)) expect(byCode.has(nexus)).toBe(true);
    for (const code of TAX_CODES) {
      const row = byCode.get(code.jurisdiction)?.taxCodes.find((t) => t.code === code.code);
      expect(row, code.code).toBeDefined();
      expect(new Decimal(row!.rate.toString()).eq(code.rate), code.code).toBe(true);
      expect({ exempt: row!.exempt, effectiveFrom: day(row!.effectiveFrom) }).toEqual({ exempt: code.exempt, effectiveFrom: code.effectiveFrom });
    }
  });

  it('has monthly OPEN accounting periods for every legal entity', async () => {
    const expected = months(ACCOUNTING_PERIOD_RANGE.from, ACCOUNTING_PERIOD_RANGE.to);
    for (const entity of LEGAL_ENTITIES) {
      const periods = await db().accountingPeriod.findMany({ where: { legalEntity: { code: entity.code } }, orderBy: { period: 'asc' } });
      expect(periods.map((p) => p.period)).toEqual(expected);
      expect(periods.every((p) => p.status === 'OPEN')).toBe(true);
      const february = periods.find((p) => p.period === '2026-02')!;
      expect([day(february.startDate), day(february.endDate)]).toEqual(['2026-02-01', '2026-02-28']);
    }
  });

  it('has the cost centers in their legal entities', async () => {
    const rows = await db().costCenter.findMany({ include: { legalEntity: true } });
    for (const cc of COST_CENTERS) expect(rows.find((r) => r.code === cc.code)?.legalEntity?.code, cc.code).toBe(cc.legalEntityCode);
  });

  it('has a USD rate for each currency on the first of every month', async () => {
    const expected = months(FX_REFERENCE.firstMonth, FX_REFERENCE.lastMonth).map((m) => `${m}-01`);
    for (const currency of FX_REFERENCE.baseCurrencies) {
      const rows = await db().fxRate.findMany({ where: { baseCurrency: currency, quoteCurrency: 'USD' }, orderBy: { rateDate: 'asc' } });
      expect(rows.map((r) => day(r.rateDate))).toEqual(expected);
      const plausible = { GBP: ['1.1', '1.5'], EUR: ['0.95', '1.3'], INR: ['0.0100', '0.0125'] }[currency];
      for (const row of rows) expect(new Decimal(row.rate.toString()).gte(plausible[0]!) && new Decimal(row.rate.toString()).lte(plausible[1]!)).toBe(true);
    }
  });

  it('has the roles, the service catalog and its role mapping', async () => {
    const roles = await db().serviceRole.findMany({ orderBy: { rank: 'desc' } });
    expect(roles.map(({ code, name, rank }) => ({ code, name, rank }))).toEqual(SERVICE_ROLES.map((r) => ({ ...r })));
    const items = await db().serviceCatalogItem.findMany({ include: { serviceRole: true } });
    expect(items.map((i) => ({ sku: i.sku, kind: i.kind, unitOfMeasure: i.unitOfMeasure, role: i.serviceRole?.code ?? null, revenueTreatment: i.revenueTreatment })))
      .toEqual(expect.arrayContaining(SERVICE_CATALOG.map((i) => ({ ...i }))));
    expect(items).toHaveLength(SERVICE_CATALOG.length);
  });

  it('has a standard rate card per currency with a rate per role', async () => {
    for (const card of STANDARD_RATE_CARDS) {
      const row = await db().rateCard.findUniqueOrThrow({ where: { code: card.code }, include: { lines: { include: { serviceRole: true, serviceCatalogItem: true } } } });
      expect({ kind: row.kind, currency: row.currency, active: row.active }).toEqual({ kind: 'STANDARD', currency: card.currency, active: true });
      expect(row.lines).toHaveLength(SERVICE_ROLES.length);
      for (const line of row.lines) {
        const role = line.serviceRole.code as keyof typeof card.rates;
        expect(new Decimal(line.rate.toString()).eq(card.rates[role]), `${card.code} ${role}`).toBe(true);
        expect({ currency: line.currency, from: day(line.effectiveFrom), to: line.effectiveTo, sku: line.serviceCatalogItem?.sku })
          .toEqual({ currency: card.currency, from: STANDARD_RATES_EFFECTIVE_FROM, to: null, sku: ROLE_BILLING_SKU[role] });
      }
    }
  });

  it('has the default ownership rules, exactly', async () => {
    const rows = await db().ownershipRule.findMany();
    const key = (r: { domain: string; field: string; owningSystem: string }) => `${r.domain}.${r.field}=${r.owningSystem}`;
    expect(rows.map(key).sort()).toEqual(DEFAULT_OWNERSHIP_RULES.map(key).sort());
  });
});

describe('the reference-data migration run again', () => {
  const tables = ['LegalEntity', 'AccountingPeriod', 'CostCenter', 'FxRate', 'TaxJurisdiction', 'TaxCode', 'ServiceRole', 'ServiceCatalogItem', 'RateCard', 'RateCardLine', 'OwnershipRule'];

  // Every column of every row, ids and timestamps included: "changes nothing" means nothing.
  async function snapshot(): Promise<Record<string, string>> {
    const result: Record<string, string> = {};
    for (const table of tables) {
      const { rows } = await pgPool().query<{ digest: string }>(`SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${table}" t`);
      result[table] = rows[0]!.digest;
    }
    return result;
  }

  it('changes nothing, twice', async () => {
    const before = await snapshot();
    await pgPool().query(script);
    await pgPool().query(script);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps what an administrator changed since', async () => {
    await db().ownershipRule.update({ where: { domain_field: { domain: 'Client', field: 'name' } }, data: { owningSystem: 'ERP' } });
    await pgPool().query(script);
    expect((await db().ownershipRule.findUniqueOrThrow({ where: { domain_field: { domain: 'Client', field: 'name' } } })).owningSystem).toBe('ERP');
  });
});
