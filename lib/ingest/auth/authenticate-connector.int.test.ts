// Connector authentication and signature verification on the real tables, including the
// in-process cache: what another process changes takes effect within the TTL, what this
// process changes at once, and a rotated-out credential stops exactly when its overlap ends.
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { encryptSecret } from '../../crypto/secret-box.ts';
import { db } from '../../db/client.ts';
import { createConnector } from '../../services/connectors/create-connector.ts';
import { revokeConnectorSecret } from '../../services/connectors/revoke-connector-secret.ts';
import { rotateConnector } from '../../services/connectors/rotate-connector.ts';
import { authenticateConnector } from './authenticate-connector.ts';
import { forgetConnectorCredentials } from './credential-cache.ts';
import { signPayload } from './signature.ts';
import { verifySignature } from './verify-signature.ts';

const actor = { type: 'SYSTEM', id: 'test' } as const;
const t0 = new Date('2026-03-01T09:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const unix = (d: Date) => Math.floor(d.getTime() / 1000);
const body = Buffer.from('{"specversion":"1.0","id":"evt-1","source":"/x","type":"q2c.usage.recorded.v1"}');
const bearer = (token: string) => `Bearer ${token}`;
let n = 0;

function create(options: { withSigningSecret?: boolean } = {}) {
  const code = `auth${++n}-${randomBytes(3).toString('hex')}`;
  return createConnector({ code, name: 'Auth test', kind: 'PSA', sources: [`/auth/${code}`, `/auth/${code}/time`], ingestRateLimitPerMinute: 120, actor, now: t0, ...options });
}

beforeEach(() => forgetConnectorCredentials());

describe('authenticateConnector', () => {
  it('resolves the token to its connector', async () => {
    const created = await create();
    expect(await authenticateConnector(bearer(created.token), at(1))).toEqual({
      id: created.id,
      code: created.code,
      name: 'Auth test',
      kind: 'PSA',
      sources: created.sources,
      ingestRateLimitPerMinute: 120,
      requiresSignature: true,
    });
    const unsigned = await create({ withSigningSecret: false });
    expect((await authenticateConnector(bearer(unsigned.token), at(1))).requiresSignature).toBe(false);
  });

  it.each([
    ['no header', null],
    ['a Basic header', 'Basic dXNlcjpwdw=='],
    ['an empty Bearer', 'Bearer '],
    ['a personal API token', `Bearer tl_pat_${'A'.repeat(43)}`],
    ['an unknown connector token', `Bearer tl_con_${'A'.repeat(43)}`],
    ['garbage', 'Bearer not-a-token'],
  ])('401 for %s', async (_name, header) => {
    await expect(authenticateConnector(header, at(1))).rejects.toMatchObject({ code: 'UNAUTHENTICATED', headers: { 'www-authenticate': expect.stringMatching(/^Bearer/) } });
  });

  it('401 for an inactive connector', async () => {
    const created = await create();
    await db().connector.update({ where: { id: created.id }, data: { active: false } });
    await expect(authenticateConnector(bearer(created.token), at(1))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a change made by another process takes effect within the 10 s cache; one made here at once', async () => {
    const created = await create();
    await authenticateConnector(bearer(created.token), at(0));
    // Another process (the CLI) deactivates it: this process does not hear of it...
    await db().connector.update({ where: { id: created.id }, data: { active: false } });
    await expect(authenticateConnector(bearer(created.token), at(9))).resolves.toMatchObject({ id: created.id });
    // ...until the cached answer is 10 s old.
    await expect(authenticateConnector(bearer(created.token), at(10))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    const other = await create();
    await authenticateConnector(bearer(other.token), at(0));
    await rotateConnector({ code: other.code, what: 'token', overlapHours: 0, actor, now: at(1) });
    await expect(authenticateConnector(bearer(other.token), at(2))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('during a token rotation both tokens work; the old one stops when the overlap ends, cached or not', async () => {
    const created = await create();
    const rotated = await rotateConnector({ code: created.code, what: 'token', overlapHours: 1, actor, now: at(0) });
    expect((await authenticateConnector(bearer(rotated.token), at(1))).id).toBe(created.id);
    expect((await authenticateConnector(bearer(created.token), at(3595))).id).toBe(created.id);
    await expect(authenticateConnector(bearer(created.token), at(3600))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await authenticateConnector(bearer(rotated.token), at(3600))).id).toBe(created.id);
  });
});

describe('verifySignature', () => {
  it('accepts a signature made with the current secret over the raw body', async () => {
    const created = await create();
    const connector = await authenticateConnector(bearer(created.token), at(0));
    const header = signPayload(created.signingSecret!, body, unix(at(0)));
    await expect(verifySignature({ connector, header, rawBody: body, now: at(1) })).resolves.toMatchObject({ verified: true });
    await expect(verifySignature({ connector, header, rawBody: Buffer.concat([body, Buffer.from(' ')]), now: at(1) })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verifySignature({ connector, header: null, rawBody: body, now: at(1) })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const stale = verifySignature({ connector, header: signPayload(created.signingSecret!, body, unix(at(-301))), rawBody: body, now: at(1) });
    await expect(stale).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('5-minute tolerance') });
  });

  it('lets unsigned requests through for a connector without a secret', async () => {
    const created = await create({ withSigningSecret: false });
    const connector = await authenticateConnector(bearer(created.token), at(0));
    expect(await verifySignature({ connector, header: null, rawBody: body, now: at(1) })).toEqual({ verified: false });
  });

  it('verifies old and new secret during a rotation, then only the new one', async () => {
    const created = await create();
    const rotated = await rotateConnector({ code: created.code, what: 'secret', overlapHours: 1, actor, now: at(0) });
    const connector = await authenticateConnector(bearer(created.token), at(0));
    const sign = (secret: string, when: Date) => signPayload(secret, body, unix(when));
    for (const secret of [created.signingSecret!, rotated.signingSecret]) {
      await expect(verifySignature({ connector, header: sign(secret, at(60)), rawBody: body, now: at(60) })).resolves.toMatchObject({ verified: true });
    }
    // The cache is fresh at 3600 s (loaded at 3595 s), and still the old secret has expired.
    await verifySignature({ connector, header: sign(rotated.signingSecret, at(3595)), rawBody: body, now: at(3595) });
    await expect(verifySignature({ connector, header: sign(created.signingSecret!, at(3600)), rawBody: body, now: at(3600) })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(verifySignature({ connector, header: sign(rotated.signingSecret, at(3600)), rawBody: body, now: at(3600) })).resolves.toMatchObject({ verified: true });
  });

  it('a revoked secret stops verifying: here at once, from another process within 10 s', async () => {
    const created = await create();
    const second = await rotateConnector({ code: created.code, what: 'secret', overlapHours: 24, actor, now: at(0) });
    const connector = await authenticateConnector(bearer(created.token), at(0));
    const header = (secret: string, when: Date) => signPayload(secret, body, unix(when));
    await revokeConnectorSecret({ code: created.code, secret: created.secretFingerprint!, actor, now: at(1) });
    await expect(verifySignature({ connector, header: header(created.signingSecret!, at(2)), rawBody: body, now: at(2) })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    await verifySignature({ connector, header: header(second.signingSecret, at(3)), rawBody: body, now: at(3) });
    await db().connectorSecret.updateMany({ where: { fingerprint: second.fingerprint }, data: { revokedAt: at(4) } });
    await expect(verifySignature({ connector, header: header(second.signingSecret, at(5)), rawBody: body, now: at(5) })).resolves.toMatchObject({ verified: true });
    await expect(verifySignature({ connector, header: header(second.signingSecret, at(13)), rawBody: body, now: at(13) })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers INTERNAL (not 401) when the stored secrets were sealed with another key', async () => {
    const created = await create({ withSigningSecret: false });
    await db().connectorSecret.create({
      data: { connectorId: created.id, encryptedSecret: encryptSecret('tl_whsec_x', randomBytes(32)), fingerprint: 'f', activeFrom: t0 },
    });
    const connector = await authenticateConnector(bearer(created.token), at(0));
    const header = signPayload('tl_whsec_x', body, unix(at(0)));
    await expect(verifySignature({ connector, header, rawBody: body, now: at(0) })).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(verifySignature({ connector, header: null, rawBody: body, now: at(0) })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
