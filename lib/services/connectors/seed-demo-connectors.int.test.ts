// The demo connectors `npm start` writes into dev-credentials.json: created once, kept
// across starts while they verify, rotated when the file's copy no longer works.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { authenticateConnector } from '../../ingest/auth/authenticate-connector.ts';
import { signPayload } from '../../ingest/auth/signature.ts';
import { verifySignature } from '../../ingest/auth/verify-signature.ts';
import { prepareDevAccess } from '../../runtime/prepare-dev-access.ts';
import { demoConnectors, seedDemoConnectors, type DemoConnectorCredentials } from './seed-demo-connectors.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'threadline-dev-access-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function works(credentials: DemoConnectorCredentials): Promise<boolean> {
  try {
    const connector = await authenticateConnector(`Bearer ${credentials.token}`);
    const body = Buffer.from('{"id":"demo"}');
    return (await verifySignature({ connector, header: signPayload(credentials.signingSecret!, body), rawBody: body })).verified;
  } catch {
    return false;
  }
}

describe('seedDemoConnectors', () => {
  it('creates the seven demo connectors with working, signed credentials', async () => {
    const first = await seedDemoConnectors();
    expect(Object.keys(first)).toEqual(['crm', 'psa', 'erp', 'hcm', 'tax', 'payments', 'bank']);
    expect(first.psa!.sources).toEqual(['/demo/psa', '/demo/time']);
    expect(first.crm!.sources).toEqual(['/demo/crm', '/demo/cpq']);
    expect(first.bank!.sources).toEqual(['/demo/bank']);
    const kinds = await db().connector.findMany({ where: { code: { in: demoConnectors.map((d) => d.code) } }, select: { code: true, kind: true } });
    expect(Object.fromEntries(kinds.map((k) => [k.code, k.kind]))).toEqual({ crm: 'CRM', psa: 'PSA', erp: 'ERP', hcm: 'HCM', tax: 'TAX', payments: 'PAYMENTS', bank: 'BANK' });
    for (const credentials of Object.values(first)) expect(await works(credentials)).toBe(true);

    // A second start with the same file keeps everything.
    expect(await seedDemoConnectors({ previous: first })).toEqual(first);
    expect(await db().connectorSecret.count({ where: { connector: { code: 'erp' } } })).toBe(1);

    // A file that lost or garbled some credentials gets fresh ones for those only.
    const damaged: Record<string, DemoConnectorCredentials> = { ...first, erp: { ...first.erp!, token: first.erp!.token.slice(0, -2) + 'xx' }, tax: { ...first.tax!, signingSecret: 'tl_whsec_wrong' } };
    const { hcm: _dropped, ...withoutHcm } = damaged;
    const third = await seedDemoConnectors({ previous: withoutHcm });
    expect(third.crm).toEqual(first.crm);
    expect(third.erp!.token).not.toBe(first.erp!.token);
    expect(third.erp!.signingSecret).toBe(first.erp!.signingSecret);
    expect(third.tax!.token).toBe(first.tax!.token);
    expect(third.tax!.signingSecret).not.toBe(first.tax!.signingSecret);
    expect(third.hcm!.token).not.toBe(first.hcm!.token);
    for (const credentials of Object.values(third)) expect(await works(credentials)).toBe(true);
    // Rotated at once (overlap 0): the replaced credentials no longer work.
    expect(await works(first.erp!)).toBe(false);
    expect(await works(first.tax!)).toBe(false);
  });
});

describe('prepareDevAccess', () => {
  it('writes the connectors into dev-credentials.json and keeps them on the next start', async () => {
    const options = { databaseUrl: process.env.DATABASE_URL!, dataDir, baseUrl: 'http://localhost:3200', seedDemoUsers: true };
    const file = (await prepareDevAccess(options))!;
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(written.connectors)).toHaveLength(7);
    expect(written.connectors.payments).toEqual({ token: expect.stringMatching(/^tl_con_/), signingSecret: expect.stringMatching(/^tl_whsec_/), sources: ['/demo/payments'] });
    for (const credentials of Object.values(written.connectors)) expect(await works(credentials as DemoConnectorCredentials)).toBe(true);

    await prepareDevAccess(options);
    expect(JSON.parse(readFileSync(file, 'utf8')).connectors).toEqual(written.connectors);
  });
});
