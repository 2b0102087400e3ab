// SKU mappings on a real PostgreSQL: set (audited, repeatable), re-point, deactivate, and
// the refusals for an unknown connector or catalog SKU.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { createPerson } from '../../../test/fixtures/exceptions.ts';
import { testConnector } from '../../../test/support/ingest.ts';
import { listSkuMappings } from '../../queries/stewardship/list-sku-mappings.ts';
import { deactivateSkuMapping, setSkuMapping } from './sku-mappings.ts';

describe('SKU mappings', () => {
  it('sets, re-points and deactivates a mapping, audited once per change', async () => {
    const { user } = await createPerson('ADMIN');
    const crm = await testConnector({ code: `sku-crm-${randomUUID().slice(0, 8)}`, kind: 'CRM', sources: [`/test/sku-${randomUUID()}`] });
    const first = await setSkuMapping({ system: crm.code, externalSku: 'SF-ADV-01', sku: 'ADV-SENIOR', userId: user.id });
    expect(first.changed).toBe(true);
    expect(await setSkuMapping({ system: crm.code, externalSku: 'SF-ADV-01', sku: 'ADV-SENIOR', userId: user.id })).toEqual({ id: first.id, changed: false });
    expect(await setSkuMapping({ system: crm.code, externalSku: 'SF-ADV-01', sku: 'ADV-PARTNER', userId: user.id })).toEqual({ id: first.id, changed: true });
    expect((await listSkuMappings()).find((m) => m.id === first.id)).toMatchObject({ system: crm.code, externalSku: 'SF-ADV-01', sku: 'ADV-PARTNER', active: true });
    // The row quote acceptance reads.
    expect(await db().fieldMapping.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ entityType: 'ServiceCatalogItem', direction: 'INBOUND', kind: 'VALUE', canonicalField: 'sku', externalValue: 'SF-ADV-01', canonicalValue: 'ADV-PARTNER' });

    expect(await deactivateSkuMapping({ id: first.id, userId: user.id })).toEqual({ changed: true });
    expect(await deactivateSkuMapping({ id: first.id, userId: user.id })).toEqual({ changed: false });
    const actions = (await db().auditRecord.findMany({ where: { entityType: 'FieldMapping', entityId: first.id }, orderBy: { at: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['sku_mapping.created', 'sku_mapping.changed', 'sku_mapping.deactivated']);
  });

  it('refuses an unknown connector, an unknown catalog SKU and an unknown mapping', async () => {
    const { user } = await createPerson('ADMIN');
    await expect(setSkuMapping({ system: 'no-such-connector', externalSku: 'X', sku: 'ADV-SENIOR', userId: user.id })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const crm = await testConnector({ code: `sku-crm-${randomUUID().slice(0, 8)}`, kind: 'CRM', sources: [`/test/sku-${randomUUID()}`] });
    await expect(setSkuMapping({ system: crm.code, externalSku: 'X', sku: 'NO-SUCH-SKU', userId: user.id })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(deactivateSkuMapping({ id: randomUUID(), userId: user.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
