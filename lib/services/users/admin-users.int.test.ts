// Admin user management on a real PostgreSQL: role changes are audited, repeatable and
// never leave the installation without an active admin; an admin revokes anyone's token,
// audited once, and the token stops being listed as active.
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { createPerson } from '../../../test/fixtures/exceptions.ts';
import { listAllApiTokens } from '../../queries/list-all-api-tokens.ts';
import { createApiToken } from '../create-api-token.ts';
import { changeUserRole } from './change-user-role.ts';
import { revokeAnyApiToken } from './revoke-any-api-token.ts';

describe('changeUserRole', () => {
  it('changes the role with an audit record, and the same role again changes nothing', async () => {
    const admin = (await createPerson('ADMIN')).user;
    const person = (await createPerson('EXECUTIVE')).user;
    expect(await changeUserRole({ userId: person.id, role: 'FINANCE', actorId: admin.id })).toEqual({ id: person.id, role: 'FINANCE', changed: true });
    expect(await changeUserRole({ userId: person.id, role: 'FINANCE', actorId: admin.id })).toMatchObject({ changed: false });
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).role).toBe('FINANCE');
    const audits = await db().auditRecord.findMany({ where: { entityType: 'User', entityId: person.id } });
    expect(audits).toEqual([expect.objectContaining({ action: 'user.role_changed', actorId: admin.id, before: { role: 'EXECUTIVE' }, after: { role: 'FINANCE' } })]);
  });

  it('refuses to demote the last active admin', async () => {
    // Other tests create admins too: deactivate every other one for this check, then restore.
    const admin = (await createPerson('ADMIN')).user;
    const others = await db().user.findMany({ where: { role: 'ADMIN', active: true, id: { not: admin.id } }, select: { id: true } });
    await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { active: false } });
    try {
      await expect(changeUserRole({ userId: admin.id, role: 'EXECUTIVE', actorId: admin.id })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe('ADMIN');
    } finally {
      await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { active: true } });
    }
  });

  it('answers NOT_FOUND for an unknown person', async () => {
    const admin = (await createPerson('ADMIN')).user;
    await expect(changeUserRole({ userId: '00000000-0000-4000-8000-000000000000', role: 'FINANCE', actorId: admin.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(changeUserRole({ userId: 'nope', role: 'FINANCE', actorId: admin.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('revokeAnyApiToken', () => {
  it("revokes another person's token once, audited, and lists it as revoked with its owner", async () => {
    const admin = (await createPerson('ADMIN')).user;
    const person = (await createPerson('FINANCE')).user;
    const token = await createApiToken({ userId: person.id, name: 'export script', expiresAt: null });
    const first = await revokeAnyApiToken({ tokenId: token.id, actorId: admin.id });
    const again = await revokeAnyApiToken({ tokenId: token.id, actorId: admin.id });
    expect(again.revokedAt).toEqual(first.revokedAt);
    expect(await db().auditRecord.count({ where: { entityType: 'ApiToken', entityId: token.id, action: 'api_token.revoked_by_admin' } })).toBe(1);
    const listed = (await listAllApiTokens()).find((t) => t.id === token.id);
    expect(listed).toMatchObject({ status: 'revoked', name: 'export script', owner: { id: person.id, role: 'FINANCE' } });
    await expect(revokeAnyApiToken({ tokenId: '00000000-0000-4000-8000-000000000000', actorId: admin.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
