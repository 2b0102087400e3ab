// Service-catalog mapping of quote acceptance: every line's SKU must be a catalog item.
// The sender's own SKUs are translated by its FieldMapping rows (system = sender,
// entityType ServiceCatalogItem, INBOUND, VALUE, canonicalField "sku": externalValue →
// canonicalValue); a mapping wins over a same-named SKU, so a mapping is never shadowed.
// Every unmapped SKU is named at once, so one fix and one replay are enough.
import type { ServiceKind, UnitOfMeasure } from '../../db/generated/enums.ts';
import type { QuoteAcceptedData } from '../../ingest/schemas/quote-accepted.ts';
import type { Tx } from '../workflow.ts';
import { quoteHold, type QuoteHoldTarget } from './quote-hold.ts';

export interface MappedQuoteLine {
  lineNo: number;
  /** As sent. */
  sentSku: string;
  catalogItemId: string;
  sku: string;
  kind: ServiceKind;
  unitOfMeasure: UnitOfMeasure;
}

export async function mapQuoteSkus(tx: Tx, options: { data: QuoteAcceptedData; system: string; target: QuoteHoldTarget }): Promise<MappedQuoteLine[]> {
  const { data, system, target } = options;
  const sent = [...new Set(data.lines.map((line) => line.sku))];
  const mappings = await tx.fieldMapping.findMany({
    where: { system, entityType: 'ServiceCatalogItem', direction: 'INBOUND', kind: 'VALUE', canonicalField: 'sku', active: true, externalValue: { in: sent } },
    select: { externalValue: true, canonicalValue: true },
  });
  const ours = new Map(sent.map((sku) => [sku, sku]));
  for (const mapping of mappings) ours.set(mapping.externalValue, mapping.canonicalValue);
  const items = await tx.serviceCatalogItem.findMany({
    where: { sku: { in: [...new Set(ours.values())] }, active: true },
    select: { id: true, sku: true, kind: true, unitOfMeasure: true },
  });
  const bySku = new Map(items.map((item) => [item.sku, item]));

  const unmapped = sent.filter((sku) => !bySku.has(ours.get(sku)!));
  if (unmapped.length > 0) {
    throw quoteHold(target, 'UNMAPPED_SERVICE_SKU', `SKU ${unmapped.join(', ')} not in the service catalog`, {
      unmappedSkus: unmapped,
      system,
      fix: `Add the SKU to the catalog, or a FieldMapping (system "${system}", ServiceCatalogItem, INBOUND, VALUE, canonicalField "sku"), then replay.`,
    });
  }
  return data.lines.map((line, index) => {
    const item = bySku.get(ours.get(line.sku)!)!;
    return { lineNo: index + 1, sentSku: line.sku, catalogItemId: item.id, sku: item.sku, kind: item.kind, unitOfMeasure: item.unitOfMeasure };
  });
}
