// SKU mappings (DESIGN.md §6 "service-catalog mapping of every SKU"): a connected system's
// own SKU → a Threadline catalog SKU, the FieldMapping rows quote acceptance reads
// (map-quote-skus.ts). Setting one creates or re-points it; removing one deactivates it
// (kept for the audit trail). Both are audited and safe to repeat. After a mapping is set,
// quotes held by UNMAPPED_SERVICE_SKU can be replayed from the exception queue.
import { db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { currentCorrelationId } from '../../log.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { SKU_MAPPING } from '../../queries/stewardship/list-sku-mappings.ts';


export async function setSkuMapping(options: { system: string; externalSku: string; sku: string; userId: string }): Promise<{ id: string; changed: boolean }> {
  const system = options.system.trim();
  const externalSku = options.externalSku.trim();
  const sku = options.sku.trim();
  if (!externalSku) throw new AppError('VALIDATION_FAILED', 'Name the SKU the system sends.', { details: { errors: [{ pointer: '/externalSku', message: 'Required.' }] } });
  const [connector, item] = await Promise.all([
    db().connector.findUnique({ where: { code: system }, select: { id: true } }),
    db().serviceCatalogItem.findUnique({ where: { sku }, select: { id: true, active: true } }),
  ]);
  if (!connector) throw new AppError('VALIDATION_FAILED', `There is no connector ${system}.`, { details: { errors: [{ pointer: '/system', message: 'Choose a registered connector.' }] } });
  if (!item?.active) throw new AppError('VALIDATION_FAILED', `${sku} is not an active catalog SKU.`, { details: { errors: [{ pointer: '/sku', message: 'Choose a catalog SKU.' }] } });

  return db().$transaction(async (tx) => {
    const key = { ...SKU_MAPPING, system, externalValue: externalSku };
    const current = await tx.fieldMapping.findFirst({ where: key, select: { id: true, canonicalValue: true, active: true } });
    if (current && current.canonicalValue === sku && current.active) return { id: current.id, changed: false };
    const saved = current
      ? await tx.fieldMapping.update({ where: { id: current.id }, data: { canonicalValue: sku, active: true }, select: { id: true } })
      : await tx.fieldMapping.create({ data: { ...key, externalField: 'sku', canonicalValue: sku }, select: { id: true } });
    await writeAudit(tx, {
      actor: { type: 'USER', id: options.userId },
      entityType: 'FieldMapping',
      entityId: saved.id,
      action: current ? 'sku_mapping.changed' : 'sku_mapping.created',
      before: current ? { sku: current.canonicalValue, active: current.active } : null,
      after: { system, externalSku, sku, active: true },
      correlationId: currentCorrelationId() ?? null,
    });
    return { id: saved.id, changed: true };
  });
}

export async function deactivateSkuMapping(options: { id: string; userId: string }): Promise<{ changed: boolean }> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.fieldMapping.updateMany({ where: { id: options.id, ...SKU_MAPPING, active: true }, data: { active: false } });
    if (count === 0) {
      const exists = await tx.fieldMapping.count({ where: { id: options.id, ...SKU_MAPPING } });
      if (!exists) throw new AppError('NOT_FOUND', 'No such SKU mapping.');
      return { changed: false };
    }
    await writeAudit(tx, { actor: { type: 'USER', id: options.userId }, entityType: 'FieldMapping', entityId: options.id, action: 'sku_mapping.deactivated', before: { active: true }, after: { active: false }, correlationId: currentCorrelationId() ?? null });
    return { changed: true };
  });
}
