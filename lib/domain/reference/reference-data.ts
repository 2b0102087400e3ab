// The reference data every installation starts with (DESIGN.md §12). Other tools, the demo
// scenario and tests rely on these codes. The rows themselves are written by the migration
// prisma/migrations/*_reference_data (idempotent SQL); this file is its typed table of
// contents, and an integration test keeps the two in step.
import type { RevenueTreatment, ServiceKind, UnitOfMeasure } from '../../db/generated/enums.ts';

export const GROUP_CURRENCY = 'USD';

export const LEGAL_ENTITIES = [
  { code: 'US01', name: 'Consulting Group US, Inc.', country: 'US', region: 'AMER', baseCurrency: 'USD', taxNexus: ['US-NY', 'US-CA', 'US-TX', 'US-HI', 'US-NM'] },
  { code: 'GB01', name: 'Consulting Group UK Ltd', country: 'GB', region: 'EMEA', baseCurrency: 'GBP', taxNexus: ['GB'] },
  { code: 'DE01', name: 'Consulting Group Deutschland GmbH', country: 'DE', region: 'EMEA', baseCurrency: 'EUR', taxNexus: ['DE'] },
  { code: 'IN01', name: 'Consulting Group India Private Limited', country: 'IN', region: 'APAC', baseCurrency: 'INR', taxNexus: ['IN'] },
] as const;

export type LegalEntityCode = (typeof LEGAL_ENTITIES)[number]['code'];

/** Delivery roles, most senior first (rank is the display order). */
export const SERVICE_ROLES = [
  { code: 'PARTNER', name: 'Partner', rank: 5 },
  { code: 'MANAGER', name: 'Manager', rank: 4 },
  { code: 'SENIOR_CONSULTANT', name: 'Senior consultant', rank: 3 },
  { code: 'CONSULTANT', name: 'Consultant', rank: 2 },
  { code: 'ANALYST', name: 'Analyst', rank: 1 },
] as const;

export type ServiceRoleCode = (typeof SERVICE_ROLES)[number]['code'];

interface CatalogItem {
  sku: string;
  kind: ServiceKind;
  unitOfMeasure: UnitOfMeasure;
  role: ServiceRoleCode | null;
  revenueTreatment: RevenueTreatment;
}

// No default tax code on a SKU: one SKU is sold in every jurisdiction, and the tax engine
// decides the treatment at invoice time (DESIGN.md §6).
export const SERVICE_CATALOG: readonly CatalogItem[] = [
  { sku: 'ADV-PARTNER', kind: 'TIME', unitOfMeasure: 'HOUR', role: 'PARTNER', revenueTreatment: 'AS_DELIVERED' },
  { sku: 'ADV-SENIOR', kind: 'TIME', unitOfMeasure: 'HOUR', role: 'SENIOR_CONSULTANT', revenueTreatment: 'AS_DELIVERED' },
  { sku: 'ADV-CONSULTANT', kind: 'TIME', unitOfMeasure: 'HOUR', role: 'CONSULTANT', revenueTreatment: 'AS_DELIVERED' },
  { sku: 'ADV-ANALYST', kind: 'TIME', unitOfMeasure: 'HOUR', role: 'ANALYST', revenueTreatment: 'AS_DELIVERED' },
  { sku: 'FF-TRANSFORM', kind: 'FIXED_FEE', unitOfMeasure: 'EACH', role: null, revenueTreatment: 'PERCENT_COMPLETE' },
  { sku: 'FF-IMPLEMENT', kind: 'FIXED_FEE', unitOfMeasure: 'EACH', role: null, revenueTreatment: 'PERCENT_COMPLETE' },
  { sku: 'MS-RETAINER', kind: 'RETAINER', unitOfMeasure: 'MONTH', role: null, revenueTreatment: 'RATABLE' },
  { sku: 'MS-OVERAGE', kind: 'OVERAGE', unitOfMeasure: 'UNIT', role: null, revenueTreatment: 'USAGE' },
  { sku: 'EXP-TRAVEL', kind: 'EXPENSE', unitOfMeasure: 'EACH', role: null, revenueTreatment: 'POINT_IN_TIME' },
];

export type ServiceSku = 'ADV-PARTNER' | 'ADV-SENIOR' | 'ADV-CONSULTANT' | 'ADV-ANALYST' | 'FF-TRANSFORM' | 'FF-IMPLEMENT' | 'MS-RETAINER' | 'MS-OVERAGE' | 'EXP-TRAVEL';

/**
 * The SKU each role's time bills under. There are four advisory SKUs for five roles: a
 * manager's time is senior advisory time (ADV-SENIOR), as is a senior consultant's.
 */
export const ROLE_BILLING_SKU: Record<ServiceRoleCode, ServiceSku> = {
  PARTNER: 'ADV-PARTNER',
  MANAGER: 'ADV-SENIOR',
  SENIOR_CONSULTANT: 'ADV-SENIOR',
  CONSULTANT: 'ADV-CONSULTANT',
  ANALYST: 'ADV-ANALYST',
};

export const STANDARD_RATES_EFFECTIVE_FROM = '2020-01-01';

/** The firm's list hourly rates per currency (decimal strings, per hour). */
export const STANDARD_RATE_CARDS = [
  { code: 'STD-USD', currency: 'USD', rates: { PARTNER: '650', MANAGER: '425', SENIOR_CONSULTANT: '325', CONSULTANT: '250', ANALYST: '175' } },
  { code: 'STD-GBP', currency: 'GBP', rates: { PARTNER: '520', MANAGER: '340', SENIOR_CONSULTANT: '260', CONSULTANT: '200', ANALYST: '140' } },
  { code: 'STD-EUR', currency: 'EUR', rates: { PARTNER: '600', MANAGER: '390', SENIOR_CONSULTANT: '300', CONSULTANT: '230', ANALYST: '160' } },
  { code: 'STD-INR', currency: 'INR', rates: { PARTNER: '18000', MANAGER: '11000', SENIOR_CONSULTANT: '8000', CONSULTANT: '6000', ANALYST: '4000' } },
] as const satisfies readonly { code: string; currency: string; rates: Record<ServiceRoleCode, string> }[];

/** Three cost centers per legal entity: <LE>-ADV advisory, <LE>-TRF transformation, <LE>-MSV managed services. */
export const COST_CENTER_SUFFIXES = ['ADV', 'TRF', 'MSV'] as const;
export const COST_CENTERS = LEGAL_ENTITIES.flatMap((entity) =>
  COST_CENTER_SUFFIXES.map((suffix) => ({ code: `${entity.code}-${suffix}`, legalEntityCode: entity.code })),
);

/** Monthly accounting periods seeded OPEN for every legal entity, inclusive. */
export const ACCOUNTING_PERIOD_RANGE = { from: '2025-01', to: '2027-12' } as const;
