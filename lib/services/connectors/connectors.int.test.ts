// The connector registry on the real tables: create, conflicts (code, sources — also
// when two registrations race), token and secret rotation with overlap, revocation, the
// audit trail, and the read side never showing a credential.
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { hashConnectorToken, secretFingerprint } from '../../ingest/auth/connector-credentials.ts';
import { getConnector } from '../../queries/connectors/get-connector.ts';
import { listConnectors } from '../../queries/connectors/list-connectors.ts';
import type { ConnectorActor } from './connector-audit.ts';
import { createConnector } from './create-connector.ts';
import { revokeConnectorSecret } from './revoke-connector-secret.ts';
import { rotateConnector } from './rotate-connector.ts';

const actor: ConnectorActor = { type: 'SYSTEM', id: 'test' };
const t0 = new Date('2026-03-01T09:00:00.000Z');
const hours = (h: number) => new Date(t0.getTime() + h * 3_600_000);
let n = 0;
const unique = (prefix: string) => `${prefix}${++n}-${Math.random().toString(36).slice(2, 8)}`;

function create(overrides: Partial<Parameters<typeof createConnector>[0]> = {}) {
  const code = unique('c');
  return createConnector({ code, name: `Connector ${code}`, kind: 'ERP', sources: [`/test/${code}`], actor, now: t0, ...overrides });
}

describe('createConnector', () => {
  it('returns the token and secret once and stores only the hash, the encrypted secret and a fingerprint', async () => {
    const created = await create({ endpoint: 'https://erp.example.com/tl', ingestRateLimitPerMinute: 600 });
    expect(created).toMatchObject({ token: expect.stringMatching(/^tl_con_/), signingSecret: expect.stringMatching(/^tl_whsec_/), endpoint: 'https://erp.example.com/tl' });

    const row = await db().connector.findUniqueOrThrow({ where: { id: created.id }, include: { secrets: true } });
    expect(row.tokenHash).toBe(hashConnectorToken(created.token));
    expect(row.tokenPrefix).toBe(created.token.slice(0, 13));
    expect(row.secrets).toHaveLength(1);
    expect(row.secrets[0]).toMatchObject({ purpose: 'INBOUND_SIGNING', fingerprint: secretFingerprint(created.signingSecret!), expiresAt: null, revokedAt: null });
    expect(row.secrets[0]!.encryptedSecret).toMatch(/^v1\./);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(created.token);
    expect(stored).not.toContain(created.signingSecret!.slice(9));
  });

  it('writes an audit record without credentials in the same transaction', async () => {
    const created = await create({ actor: { type: 'USER', id: '00000000-0000-4000-8000-000000000001' } });
    const audit = await db().auditRecord.findMany({ where: { entityType: 'Connector', entityId: created.id } });
    expect(audit).toEqual([
      expect.objectContaining({ action: 'connector.created', actorType: 'USER', actorId: '00000000-0000-4000-8000-000000000001', before: null }),
    ]);
    expect(audit[0]!.after).toMatchObject({ code: created.code, sources: created.sources, secretFingerprints: [created.secretFingerprint] });
    expect(JSON.stringify(audit)).not.toContain(created.token);
    expect(JSON.stringify(audit)).not.toContain(created.signingSecret!);
  });

  it('can register a connector that sends unsigned requests', async () => {
    const created = await create({ withSigningSecret: false });
    expect(created.signingSecret).toBeNull();
    expect((await getConnector({ code: created.code, now: t0 })).requiresSignature).toBe(false);
  });

  it('answers CONFLICT for a taken code or source and stores nothing', async () => {
    const first = await create({ sources: [`/dup/${unique('s')}`, `/dup/${unique('s')}`] });
    await expect(create({ code: first.code })).rejects.toMatchObject({ code: 'CONFLICT', message: `A connector with code ${first.code} already exists.` });
    const taken = create({ sources: ['/fresh/one', first.sources[1]!] });
    await expect(taken).rejects.toMatchObject({ code: 'CONFLICT', details: { errors: [{ pointer: '/sources', message: `${first.sources[1]} belongs to connector ${first.code}.` }] } });
    expect(await db().connector.count({ where: { sources: { has: '/fresh/one' } } })).toBe(0);
  });

  it('lets only one of two concurrent registrations claim a source (the database decides)', async () => {
    const source = `/race/${unique('s')}`;
    const results = await Promise.allSettled([create({ sources: [source] }), create({ sources: [source] }), create({ sources: [source] })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    expect(await db().connector.count({ where: { sources: { has: source } } })).toBe(1);
  });

  it('refuses a claim through a direct update too (trigger)', async () => {
    const a = await create();
    const b = await create();
    await expect(db().connector.update({ where: { id: b.id }, data: { sources: [...b.sources, a.sources[0]!] } })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('answers VALIDATION_FAILED with pointers for bad input', async () => {
    await expect(create({ code: 'Bad Code', sources: [] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { errors: [expect.objectContaining({ pointer: '/code' }), expect.objectContaining({ pointer: '/sources' })] },
    });
  });
});

describe('rotateConnector', () => {
  it('token: the old token keeps working until the overlap ends; 0 ends it at once', async () => {
    const created = await create();
    const rotated = await rotateConnector({ code: created.code, what: 'token', overlapHours: 2, actor, now: hours(1) });
    expect(rotated.token).not.toBe(created.token);
    expect(rotated.previousValidUntil?.toISOString()).toBe(hours(3).toISOString());
    const row = await db().connector.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ tokenHash: hashConnectorToken(rotated.token), previousTokenHash: hashConnectorToken(created.token) });
    expect((await getConnector({ code: created.code, now: hours(2) })).previousTokenValidUntil?.toISOString()).toBe(hours(3).toISOString());

    const again = await rotateConnector({ code: created.code, what: 'token', overlapHours: 0, actor, now: hours(2) });
    expect(again.previousValidUntil).toBeNull();
    expect(await db().connector.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ previousTokenHash: null, previousTokenExpiresAt: null });
  });

  it('secret: adds a new secret and ends the current ones at now + overlap (default 24 h)', async () => {
    const created = await create();
    const rotated = await rotateConnector({ code: created.code, what: 'secret', actor, now: hours(1) });
    expect(rotated).toMatchObject({ what: 'secret', signingSecret: expect.stringMatching(/^tl_whsec_/), fingerprint: secretFingerprint(rotated.signingSecret) });
    expect(rotated.previousValidUntil?.toISOString()).toBe(hours(25).toISOString());

    const during = await getConnector({ code: created.code, now: hours(2) });
    expect(during.activeSecretCount).toBe(2);
    expect(during.secrets.map((s) => [s.fingerprint, s.state])).toEqual([
      [rotated.fingerprint, 'current'],
      [created.secretFingerprint, 'current'],
    ]);
    const after = await getConnector({ code: created.code, now: hours(25) });
    expect(after.secrets.map((s) => s.state)).toEqual(['current', 'expired']);
  });

  it('secret on a connector without one turns signing on; audit records every rotation', async () => {
    const created = await create({ withSigningSecret: false });
    const rotated = await rotateConnector({ code: created.code, what: 'secret', actor, now: hours(1) });
    expect(rotated.previousValidUntil).toBeNull();
    expect((await getConnector({ code: created.code, now: hours(1) })).requiresSignature).toBe(true);
    await rotateConnector({ code: created.code, what: 'token', actor, now: hours(2) });
    const actions = await db().auditRecord.findMany({ where: { entityId: created.id }, orderBy: { at: 'asc' }, select: { action: true, before: true, after: true } });
    expect(actions.map((a) => a.action)).toEqual(['connector.created', 'connector.secret_rotated', 'connector.token_rotated']);
    expect(JSON.stringify(actions)).not.toContain(rotated.signingSecret);
  });

  it('NOT_FOUND for an unknown or malformed code; VALIDATION_FAILED for a bad overlap', async () => {
    await expect(rotateConnector({ code: 'nope-nope', what: 'token', actor })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(rotateConnector({ code: 'NOPE', what: 'token', actor })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const created = await create();
    await expect(rotateConnector({ code: created.code, what: 'token', overlapHours: -1, actor })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('revokeConnectorSecret', () => {
  it('revokes by fingerprint or id, is safe to repeat, and says how many are left', async () => {
    const created = await create();
    const rotated = await rotateConnector({ code: created.code, what: 'secret', actor, now: hours(1) });
    const first = await revokeConnectorSecret({ code: created.code, secret: created.secretFingerprint!, actor, now: hours(2) });
    expect(first).toMatchObject({ fingerprint: created.secretFingerprint, remaining: 1 });
    expect(first.revokedAt.toISOString()).toBe(hours(2).toISOString());
    const repeat = await revokeConnectorSecret({ code: created.code, secret: first.id, actor, now: hours(3) });
    expect(repeat.revokedAt.toISOString()).toBe(hours(2).toISOString());
    const last = await revokeConnectorSecret({ code: created.code, secret: rotated.fingerprint, actor, now: hours(3) });
    expect(last.remaining).toBe(0);
    expect((await getConnector({ code: created.code, now: hours(3) })).requiresSignature).toBe(false);
    await expect(revokeConnectorSecret({ code: created.code, secret: 'ffffffffffffffff', actor })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const audited = await db().auditRecord.count({ where: { entityId: created.id, action: 'connector.secret_revoked' } });
    expect(audited).toBe(2);
  });
});

describe('listConnectors / getConnector', () => {
  it('never return hashes or secrets; show fingerprints, active secret count and lastEventAt', async () => {
    const created = await create();
    await db().connector.update({ where: { id: created.id }, data: { lastEventAt: hours(5) } });
    const listed = (await listConnectors({ now: hours(6) })).find((c) => c.code === created.code)!;
    expect(listed).toMatchObject({ code: created.code, activeSecretCount: 1, requiresSignature: true, tokenPrefix: created.tokenPrefix, lastEventAt: hours(5) });
    expect(listed.secrets[0]).toMatchObject({ fingerprint: created.secretFingerprint, state: 'current' });
    const text = JSON.stringify([listed, await getConnector({ code: created.code })]);
    for (const forbidden of ['tokenHash', 'encryptedSecret', created.token, created.signingSecret!, hashConnectorToken(created.token)]) expect(text).not.toContain(forbidden);
    await expect(getConnector({ code: 'missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
