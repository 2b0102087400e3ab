// The service catalog and the rate cards with their lines (role, rate, effective dates),
// for the admin area's mappings. Reference data: small, read whole.
import { db } from '../../db/client.ts';
import { isoDate, unroundedMoney } from '../shared/decimal-fields.ts';

export async function listServiceCatalog() {
  const rows = await db().serviceCatalogItem.findMany({
    orderBy: { sku: 'asc' },
    take: 500,
    select: { id: true, sku: true, name: true, kind: true, unitOfMeasure: true, revenueTreatment: true, active: true, serviceRole: { select: { code: true } } },
  });
  return rows.map(({ serviceRole, ...item }) => ({ ...item, role: serviceRole?.code ?? null }));
}

export async function listRateCards() {
  const cards = await db().rateCard.findMany({
    orderBy: { code: 'asc' },
    take: 200,
    select: {
      id: true, code: true, name: true, kind: true, currency: true, active: true, legalEntity: { select: { code: true } },
      lines: { orderBy: [{ effectiveFrom: 'desc' }], take: 200, select: { id: true, rate: true, currency: true, effectiveFrom: true, effectiveTo: true, serviceRole: { select: { code: true } }, serviceCatalogItem: { select: { sku: true } } } },
    },
  });
  return cards.map(({ lines, legalEntity, ...card }) => ({
    ...card,
    legalEntityCode: legalEntity?.code ?? null,
    lines: lines.map((l) => ({ id: l.id, role: l.serviceRole.code, sku: l.serviceCatalogItem?.sku ?? null, rate: unroundedMoney(l.rate, l.currency), currency: l.currency, effectiveFrom: isoDate(l.effectiveFrom), effectiveTo: isoDate(l.effectiveTo) })),
  }));
}

/** The delivery roles a rate can be set for, senior first. */
export async function listServiceRoles(): Promise<string[]> {
  const rows = await db().serviceRole.findMany({ where: { active: true }, orderBy: [{ rank: 'desc' }, { code: 'asc' }], select: { code: true } });
  return rows.map((r) => r.code);
}
