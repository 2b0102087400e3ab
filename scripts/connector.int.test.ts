// `npm run connector` as a child process against this file's database: exit codes, the
// credentials it prints once, one-sentence errors, and the dev-credentials fallback.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { authenticateConnector } from '../lib/ingest/auth/authenticate-connector.ts';
import { forgetConnectorCredentials } from '../lib/ingest/auth/credential-cache.ts';
import { signPayload } from '../lib/ingest/auth/signature.ts';
import { verifySignature } from '../lib/ingest/auth/verify-signature.ts';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'threadline-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const childEnv: Record<string, string | undefined> = { ...process.env, THREADLINE_DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env };
  for (const [key, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[key];
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/connector.ts', ...args], { cwd: root, env: childEnv as NodeJS.ProcessEnv, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

async function signedRequestWorks(token: string, secret: string): Promise<boolean> {
  forgetConnectorCredentials();
  const connector = await authenticateConnector(`Bearer ${token}`);
  const body = Buffer.from('{"from":"cli"}');
  return (await verifySignature({ connector, header: signPayload(secret, body), rawBody: body })).verified;
}

const oneSentence = (run: Run) => {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  return run.stderr.trim();
};

describe('npm run connector', () => {
  it('create prints the token and secret once, with a warning, and they work', async () => {
    const run = await cli(['create', '--code', 'cli-crm', '--name', 'CLI CRM', '--kind', 'crm', '--source', '/cli/crm', '--source', '/cli/cpq', '--rate-limit', '600']);
    expect(run.code).toBe(0);
    const token = /Token\s+(tl_con_\S+)/.exec(run.stdout)?.[1];
    const secret = /Signing secret\s+(tl_whsec_\S+)/.exec(run.stdout)?.[1];
    expect(run.stdout).toContain('Created connector cli-crm (CRM; sources /cli/crm, /cli/cpq).');
    expect(run.stderr).toMatch(/^Store the token and the signing secret now: they are shown only once/);
    expect(await signedRequestWorks(token!, secret!)).toBe(true);
  });

  it('create --json, rotate --secret with overlap, revoke-secret and list', async () => {
    const created = JSON.parse((await cli(['create', '--code', 'cli-erp', '--name', 'ERP', '--kind', 'ERP', '--source', '/cli/erp', '--json'])).stdout);
    expect(created).toMatchObject({ code: 'cli-erp', token: expect.stringMatching(/^tl_con_/), signingSecret: expect.stringMatching(/^tl_whsec_/) });

    const rotateRun = await cli(['rotate', '--code', 'cli-erp', '--secret', '--overlap-hours', '1', '--json']);
    expect(rotateRun.code).toBe(0);
    const rotated = JSON.parse(rotateRun.stdout);
    expect(rotated).toMatchObject({ what: 'secret', signingSecret: expect.stringMatching(/^tl_whsec_/) });
    expect(await signedRequestWorks(created.token, created.signingSecret)).toBe(true);
    expect(await signedRequestWorks(created.token, rotated.signingSecret)).toBe(true);

    const revoked = await cli(['revoke-secret', '--code', 'cli-erp', '--fingerprint', created.secretFingerprint]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`Revoked signing secret ${created.secretFingerprint} of cli-erp`);
    await expect(signedRequestWorks(created.token, created.signingSecret)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    const listed = JSON.parse((await cli(['list', '--json'])).stdout);
    const erp = listed.connectors.find((c: { code: string }) => c.code === 'cli-erp');
    expect(erp).toMatchObject({ activeSecretCount: 1, secrets: [{ fingerprint: rotated.fingerprint, state: 'current' }, { state: 'revoked' }] });
    const text = (await cli(['list'])).stdout;
    expect(text).toMatch(/^cli-erp {2}ERP {2}ERP$/m);
    for (const secret of [created.token, created.signingSecret, rotated.signingSecret]) expect(JSON.stringify(listed) + text).not.toContain(secret);
  });

  it('rotate --token: the new token works and (overlap 0) the old one does not', async () => {
    const created = JSON.parse((await cli(['create', '--code', 'cli-tax', '--name', 'Tax', '--kind', 'TAX', '--source', '/cli/tax', '--no-signing', '--json'])).stdout);
    expect(created.signingSecret).toBeNull();
    const run = await cli(['rotate', '--code', 'cli-tax', '--token', '--overlap-hours', '0']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('The previous token works no longer.');
    const token = /New token for cli-tax: (tl_con_\S+)/.exec(run.stdout)?.[1];
    forgetConnectorCredentials();
    await expect(authenticateConnector(`Bearer ${token}`)).resolves.toMatchObject({ code: 'cli-tax', requiresSignature: false });
    await expect(authenticateConnector(`Bearer ${created.token}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it.each([
    [['create', '--code', 'cli-crm', '--name', 'Again', '--kind', 'CRM', '--source', '/cli/other']], // taken code
    [['create', '--code', 'cli-new', '--name', 'Again', '--kind', 'CRM', '--source', '/cli/crm']], // taken source
    [['create', '--code', 'Bad Code', '--name', 'x', '--kind', 'CRM', '--source', '/x']],
    [['create', '--code', 'cli-x', '--name', 'x', '--kind', 'CRM']], // no source
    [['create', '--code', 'cli-x', '--name', 'x', '--kind', 'CRM', '--source', '/x', '--rate-limit', 'lots']],
    [['rotate', '--code', 'cli-crm']],
    [['rotate', '--code', 'cli-crm', '--token', '--secret']],
    [['rotate', '--code', 'missing', '--token']],
    [['list', '--code', 'cli-crm']],
    [['create', '--bogus']],
    [['explode']],
  ])('%j fails with one sentence and exit code 1', async (args) => {
    expect(oneSentence(await cli(args))).toMatch(/^[A-Z-].*[.)]( Run npm run connector -- --help for usage\.)?$/);
  });

  it('without DATABASE_URL it uses the database from dev-credentials.json, or says what to do', async () => {
    const emptyDir = mkdtempSync(path.join(tmpdir(), 'threadline-cli-empty-'));
    try {
      const missing = oneSentence(await cli(['list'], { DATABASE_URL: undefined, THREADLINE_DATA_DIR: emptyDir }));
      expect(missing).toMatch(/DATABASE_URL is not set .*dev-credentials\.json does not exist: set DATABASE_URL, or run this while `npm start` is running\./);

      writeFileSync(path.join(emptyDir, 'dev-credentials.json'), JSON.stringify({ baseUrl: 'http://x', databaseUrl: 'postgresql://u:p@127.0.0.1:1/none', users: [] }));
      const down = oneSentence(await cli(['list'], { DATABASE_URL: undefined, THREADLINE_DATA_DIR: emptyDir }));
      expect(down).toBe("Cannot reach the database of `npm start` at 127.0.0.1:1/none (from dev-credentials.json): is `npm start` running? Otherwise set DATABASE_URL.");
      expect(down).not.toContain('u:p@');
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
    }
    writeFileSync(path.join(dataDir, 'dev-credentials.json'), JSON.stringify({ baseUrl: 'http://x', databaseUrl: process.env.DATABASE_URL, users: [] }));
    const viaFile = await cli(['list', '--json'], { DATABASE_URL: undefined });
    expect(viaFile.code).toBe(0);
    expect(JSON.parse(viaFile.stdout).connectors.map((c: { code: string }) => c.code)).toContain('cli-crm');
  });

  it('prints usage for --help and no command', async () => {
    for (const args of [['--help'], []]) {
      const run = await cli(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: npm run connector -- <command>/);
    }
  });
});
