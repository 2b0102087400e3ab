// The audit writer on a real PostgreSQL: JSON-safe snapshots, batches, and the trigger
// that keeps the trail append-only.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db, Prisma } from '../../db/client.ts';
import { writeAudit, writeAuditMany } from './write-audit.ts';

describe('writeAudit', () => {
  it('stores before/after JSON-safe: exact decimals, ISO dates, bigints as strings', async () => {
    const entityId = randomUUID();
    const at = new Date('2026-03-02T09:00:00.000Z');
    const written = await db().$transaction((tx) =>
      writeAudit(tx, {
        actor: { type: 'CONNECTOR', id: 'erp' },
        entityType: 'Invoice',
        entityId,
        action: 'invoice.posted',
        before: { status: 'ISSUED', total: new Prisma.Decimal('42300.0000') },
        after: { status: 'POSTED', total: new Prisma.Decimal('42300.1234'), postedAt: at, sequence: 12n, note: undefined },
        correlationId: 'corr-1',
        at,
      }),
    );
    const row = await db().auditRecord.findUniqueOrThrow({ where: { id: written.id } });
    expect(row).toMatchObject({
      at,
      actorType: 'CONNECTOR',
      actorId: 'erp',
      entityType: 'Invoice',
      entityId,
      action: 'invoice.posted',
      before: { status: 'ISSUED', total: '42300' },
      after: { status: 'POSTED', total: '42300.1234', postedAt: '2026-03-02T09:00:00.000Z', sequence: '12' },
      correlationId: 'corr-1',
      eventId: null,
    });
  });

  it('absent before/after are NULL and the time defaults to the database clock', async () => {
    const written = await db().$transaction((tx) => writeAudit(tx, { actor: { type: 'SYSTEM' }, entityType: 'Engagement', entityId: randomUUID(), action: 'engagement.activated' }));
    const row = await db().auditRecord.findUniqueOrThrow({ where: { id: written.id } });
    expect(row).toMatchObject({ before: null, after: null, actorId: null });
    expect(Math.abs(row.at.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('writes a batch in one statement, and nothing for an empty one', async () => {
    const entityId = randomUUID();
    const count = await db().$transaction((tx) =>
      writeAuditMany(tx, [1, 2, 3].map((n) => ({ actor: { type: 'SYSTEM' as const }, entityType: 'InvoiceLine' as const, entityId, action: 'invoice-line.created', after: { n } }))),
    );
    expect(count).toBe(3);
    expect(await db().auditRecord.count({ where: { entityId } })).toBe(3);
    expect(await db().$transaction((tx) => writeAuditMany(tx, []))).toBe(0);
  });

  it('rolls back with the caller: no change, no record', async () => {
    const entityId = randomUUID();
    await expect(
      db().$transaction(async (tx) => {
        await writeAudit(tx, { actor: { type: 'SYSTEM' }, entityType: 'Invoice', entityId, action: 'invoice.issued' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db().auditRecord.count({ where: { entityId } })).toBe(0);
  });

  it('the database refuses UPDATE and DELETE of an audit record', async () => {
    const written = await db().$transaction((tx) => writeAudit(tx, { actor: { type: 'SYSTEM' }, entityType: 'Invoice', entityId: randomUUID(), action: 'invoice.issued' }));
    await expect(db().auditRecord.update({ where: { id: written.id }, data: { action: 'tampered' } })).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`UPDATE "AuditRecord" SET action = 'tampered' WHERE id = ${written.id}::uuid`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`DELETE FROM "AuditRecord" WHERE id = ${written.id}::uuid`).rejects.toThrow(/append-only/);
    expect((await db().auditRecord.findUniqueOrThrow({ where: { id: written.id } })).action).toBe('invoice.issued');
  });
});
