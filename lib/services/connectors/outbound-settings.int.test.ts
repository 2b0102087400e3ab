// How Threadline calls a connector: its endpoint and its outbound token, set through
// audited services that are safe to repeat; and npm start's tax-engine preparation.
import { describe, expect, it } from 'vitest';
import { applicationSecretKey } from '../../crypto/application-key.ts';
import { decryptSecret } from '../../crypto/secret-box.ts';
import { db } from '../../db/client.ts';
import { prepareTaxEngineSimulator } from '../../runtime/tax-engine-simulator.ts';
import { createConnector } from './create-connector.ts';
import { setConnectorEndpoint } from './set-connector-endpoint.ts';
import { setConnectorOutboundToken } from './set-outbound-token.ts';

const actor = { type: 'SYSTEM', id: 'test' } as const;
let n = 0;
const unique = (prefix: string) => `${prefix}-${++n}-${Math.random().toString(36).slice(2, 8)}`;

async function connector(code = unique('tax'), endpoint: string | null = null) {
  await createConnector({ code, name: code, kind: 'TAX', sources: [`/test/${code}`], endpoint, withSigningSecret: false, actor });
  return code;
}

async function audit(code: string) {
  const { id } = await db().connector.findUniqueOrThrow({ where: { code } });
  return db().auditRecord.findMany({ where: { entityType: 'Connector', entityId: id, action: { not: 'connector.created' } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
}

describe('setConnectorEndpoint', () => {
  it('changes the endpoint with an audit record, and repeating it changes nothing', async () => {
    const code = await connector();
    expect(await setConnectorEndpoint({ code, endpoint: 'http://127.0.0.1:4010', actor })).toMatchObject({ changed: true, previousEndpoint: null });
    expect(await setConnectorEndpoint({ code, endpoint: 'http://127.0.0.1:4010', actor })).toMatchObject({ changed: false });
    const records = await audit(code);
    expect(records.map((r) => [r.action, r.before, r.after])).toEqual([['connector.endpoint_changed', { endpoint: null }, { endpoint: 'http://127.0.0.1:4010' }]]);
  });

  it('refuses what is not an http(s) URL', async () => {
    const code = await connector();
    await expect(setConnectorEndpoint({ code, endpoint: 'ftp://example.com', actor })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('setConnectorOutboundToken', () => {
  it('stores the token encrypted, audits its fingerprint only, and replaces (revokes) the previous one', async () => {
    const code = await connector();
    const first = await setConnectorOutboundToken({ code, token: 'first-token-0123456789', actor });
    expect(await setConnectorOutboundToken({ code, token: 'first-token-0123456789', actor })).toMatchObject({ changed: false });
    const second = await setConnectorOutboundToken({ code, token: 'second-token-0123456789', actor });
    expect(second.changed).toBe(true);

    const secrets = await db().connectorSecret.findMany({ where: { connector: { code } }, orderBy: { createdAt: 'asc' } });
    expect(secrets.map((s) => [s.purpose, s.fingerprint, s.revokedAt !== null])).toEqual([
      ['OUTBOUND_TOKEN', first.fingerprint, true],
      ['OUTBOUND_TOKEN', second.fingerprint, false],
    ]);
    expect(decryptSecret(secrets[1]!.encryptedSecret, applicationSecretKey())).toBe('second-token-0123456789');
    const records = await audit(code);
    expect(records.map((r) => r.action)).toEqual(['connector.outbound_token_set', 'connector.outbound_token_set']);
    expect(JSON.stringify(records)).not.toContain('token-0123456789');
  });
});

describe('prepareTaxEngineSimulator (npm start)', () => {
  it('points the tax connector at the simulator with a stored token, and a restart keeps the token', async () => {
    const code = await connector();
    const first = await prepareTaxEngineSimulator({ connectorCode: code });
    expect(first).toMatchObject({ connector: 'pointed', url: `http://127.0.0.1:${first.port}` });
    expect(first.port).toBeGreaterThanOrEqual(4010);
    const row = await db().connector.findUniqueOrThrow({ where: { code }, include: { secrets: { where: { purpose: 'OUTBOUND_TOKEN', revokedAt: null } } } });
    expect(row.endpoint).toBe(first.url);
    expect(decryptSecret(row.secrets[0]!.encryptedSecret, applicationSecretKey())).toBe(first.token);

    const again = await prepareTaxEngineSimulator({ connectorCode: code, avoidPorts: [first.port] });
    expect(again).toMatchObject({ connector: 'pointed', token: first.token });
    expect(again.port).not.toBe(first.port);
    const repeat = await prepareTaxEngineSimulator({ connectorCode: code, port: again.port });
    expect(repeat).toMatchObject({ connector: 'unchanged', token: first.token });
  });

  it('leaves a connector aimed at a real engine alone, and runs without a connector', async () => {
    const code = await connector(unique('tax'), 'https://tax.example.com/api');
    expect(await prepareTaxEngineSimulator({ connectorCode: code })).toMatchObject({ connector: 'kept-real-endpoint' });
    expect((await db().connector.findUniqueOrThrow({ where: { code } })).endpoint).toBe('https://tax.example.com/api');
    expect(await prepareTaxEngineSimulator({ connectorCode: unique('absent') })).toMatchObject({ connector: 'absent' });
  });
});
