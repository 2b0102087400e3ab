// SKU mappings as quote acceptance reads them (map-quote-skus.ts): FieldMapping rows of a
// connected system's own SKU → a catalog SKU, active ones first. Bounded.
import { db } from '../../db/client.ts';

/** The FieldMapping coordinates of a SKU mapping. */
export const SKU_MAPPING = { entityType: 'ServiceCatalogItem', direction: 'INBOUND', kind: 'VALUE', canonicalField: 'sku' } as const;

export interface SkuMappingView {
  id: string;
  system: string;
  externalSku: string;
  sku: string;
  active: boolean;
  updatedAt: Date;
}

export async function listSkuMappings(): Promise<SkuMappingView[]> {
  const rows = await db().fieldMapping.findMany({
    where: SKU_MAPPING,
    orderBy: [{ active: 'desc' }, { system: 'asc' }, { externalValue: 'asc' }],
    take: 1000,
    select: { id: true, system: true, externalValue: true, canonicalValue: true, active: true, updatedAt: true },
  });
  return rows.map((r) => ({ id: r.id, system: r.system, externalSku: r.externalValue, sku: r.canonicalValue, active: r.active, updatedAt: r.updatedAt }));
}

