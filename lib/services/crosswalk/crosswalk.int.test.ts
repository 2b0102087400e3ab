// The id crosswalk on the real table: idempotent links, conflicts, concurrent linking.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { ExternalRefConflictError, linkExternalRef } from './link-external-ref.ts';
import { resolveExternalRef } from './resolve-external-ref.ts';

const key = () => ({ system: 'crm', entityType: 'Client' as const, externalId: `ACME-${randomUUID().slice(0, 8)}` });

describe('the id crosswalk', () => {
  it('resolves nothing before a link, the entity after it', async () => {
    const k = key();
    const entityId = randomUUID();
    expect(await db().$transaction((tx) => resolveExternalRef(tx, k))).toBeNull();
    expect(await db().$transaction((tx) => linkExternalRef(tx, { ...k, entityId }))).toEqual({ created: true });
    expect(await db().$transaction((tx) => resolveExternalRef(tx, k))).toBe(entityId);
    // Ids are per system and entity type.
    expect(await db().$transaction((tx) => resolveExternalRef(tx, { ...k, system: 'erp' }))).toBeNull();
    expect(await db().$transaction((tx) => resolveExternalRef(tx, { ...k, entityType: 'Employee' }))).toBeNull();
  });

  it('linking the same id to the same entity again changes nothing', async () => {
    const k = key();
    const entityId = randomUUID();
    await db().$transaction((tx) => linkExternalRef(tx, { ...k, entityId }));
    expect(await db().$transaction((tx) => linkExternalRef(tx, { ...k, entityId }))).toEqual({ created: false });
    expect(await db().externalRef.count({ where: k })).toBe(1);
  });

  it('refuses to link an id that already stands for another entity, and keeps the transaction usable', async () => {
    const k = key();
    const first = randomUUID();
    const second = randomUUID();
    await db().$transaction((tx) => linkExternalRef(tx, { ...k, entityId: first }));
    const afterConflict = await db().$transaction(async (tx) => {
      const error = await linkExternalRef(tx, { ...k, entityId: second }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExternalRefConflictError);
      expect(error).toMatchObject({ linkedEntityId: first, requestedEntityId: second, key: k });
      return resolveExternalRef(tx, k); // no failed statement: the transaction goes on
    });
    expect(afterConflict).toBe(first);
  });

  it('ten transactions linking the same new id at once: one row, no error', async () => {
    const k = key();
    const entityId = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => db().$transaction((tx) => linkExternalRef(tx, { ...k, entityId }))));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db().externalRef.count({ where: k })).toBe(1);
  });
});
