// `npm run connector -- <command>`: register connected systems and manage their
// credentials from a terminal (the admin API does the same over HTTP).
//   create --code crm --name "Salesforce" --kind CRM --source /sf/prod [--source ...]
//          [--endpoint https://...] [--rate-limit 600] [--no-signing]
//   rotate --code crm --token|--secret [--overlap-hours 24]
//          [--secret-from-env VAR] (a secret the sender issued, e.g. Stripe's whsec_…, read
//          from that environment variable so it stays out of the shell history)
//   revoke-secret --code crm --fingerprint <fingerprint or secret id>
//   list
// Add --json for machine-readable output. Uses DATABASE_URL, or the database of a running
// `npm start` (from dev-credentials.json), and the same secret key as the app.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, parseEnv } from '../lib/env.ts';
import { isAppError } from '../lib/errors.ts';
import { disconnectAll } from '../lib/db/client.ts';
import { checkDatabase } from '../lib/runtime/check-database.ts';
import { cliDatabase } from '../lib/runtime/cli-database-url.ts';
import { resolveSecretKey } from '../lib/runtime/secret-key.ts';
import { printConnectors, printCreated, printRevoked, printRotated, UsageError, usage } from '../lib/runtime/connector-cli-output.ts';
import { listConnectors } from '../lib/queries/connectors/list-connectors.ts';
import type { SystemKind } from '../lib/db/generated/enums.ts';
import type { ConnectorActor } from '../lib/services/connectors/connector-audit.ts';
import { createConnector } from '../lib/services/connectors/create-connector.ts';
import { revokeConnectorSecret } from '../lib/services/connectors/revoke-connector-secret.ts';
import { rotateConnector } from '../lib/services/connectors/rotate-connector.ts';

const options = {
  code: { type: 'string' },
  name: { type: 'string' },
  kind: { type: 'string' },
  source: { type: 'string', multiple: true },
  endpoint: { type: 'string' },
  'rate-limit': { type: 'string' },
  'no-signing': { type: 'boolean' },
  token: { type: 'boolean' },
  secret: { type: 'boolean' },
  fingerprint: { type: 'string' },
  'overlap-hours': { type: 'string' },
  'secret-from-env': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

const allowed: Record<string, (keyof Values)[]> = {
  create: ['code', 'name', 'kind', 'source', 'endpoint', 'rate-limit', 'no-signing'],
  rotate: ['code', 'token', 'secret', 'overlap-hours', 'secret-from-env'],
  'revoke-secret': ['code', 'fingerprint'],
  list: [],
};

function required(values: Values, flag: 'code' | 'name' | 'kind'): string {
  const value = values[flag];
  if (!value) throw new UsageError(`--${flag} is required.`);
  return value;
}

function number(values: Values, flag: 'rate-limit' | 'overlap-hours'): number | undefined {
  const text = values[flag];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${flag} must be a number, not "${text}".`);
  return value;
}

/** Checks the flags of a command (before touching the database) and returns what to do. */
function plan(command: string, values: Values): (actor: ConnectorActor) => Promise<void> {
  const json = values.json === true;
  switch (command) {
    case 'create': {
      const input = {
        code: required(values, 'code'),
        name: required(values, 'name'),
        // Only typed here: the service validates the kind like every other field.
        kind: required(values, 'kind').toUpperCase() as SystemKind,
        sources: values.source ?? [],
        endpoint: values.endpoint ?? null,
        ingestRateLimitPerMinute: number(values, 'rate-limit') ?? null,
        withSigningSecret: values['no-signing'] !== true,
      };
      return async (actor) => printCreated(await createConnector({ ...input, actor }), json);
    }
    case 'rotate': {
      if (values.secret === values.token) throw new UsageError('Say what to rotate: --token or --secret.');
      const fromEnv = values['secret-from-env'];
      const secret = fromEnv === undefined ? undefined : process.env[fromEnv];
      if (fromEnv !== undefined && !secret) throw new UsageError(`--secret-from-env ${fromEnv}: that environment variable is empty.`);
      const input = { code: required(values, 'code'), what: values.secret ? ('secret' as const) : ('token' as const), overlapHours: number(values, 'overlap-hours'), ...(secret ? { secret } : {}) };
      return async (actor) => printRotated(await rotateConnector({ ...input, actor }), json);
    }
    case 'revoke-secret': {
      const code = required(values, 'code');
      const secret = values.fingerprint;
      if (!secret) throw new UsageError('--fingerprint <fingerprint or secret id> is required (npm run connector -- list shows them).');
      return async (actor) => printRevoked(await revokeConnectorSecret({ code, secret, actor }), json);
    }
    case 'list':
      return async () => printConnectors(await listConnectors(), json);
    default:
      throw new UsageError(`Unknown command "${command}"; use create, rotate, revoke-secret or list.`);
  }
}

function cliUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown'; // containers without a passwd entry
  }
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs explains at length; its first sentence is the useful part.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split(/(?<=\.) /)[0]!);
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (!command || values.help) return void process.stdout.write(usage);
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);
  const misplaced = (Object.keys(values) as (keyof Values)[]).filter((flag) => flag !== 'json' && !(allowed[command] ?? []).includes(flag));
  if (allowed[command] && misplaced.length > 0) throw new UsageError(`--${misplaced[0]} does not apply to ${command}.`);
  const act = plan(command, values);

  const config = parseEnv();
  const dataDir = path.resolve(config.THREADLINE_DATA_DIR);
  const database = cliDatabase({ databaseUrl: config.DATABASE_URL, dataDir });
  // The key the running app uses (same variable, same data folder), checked before any write.
  resolveSecretKey(dataDir, config.THREADLINE_SECRET_KEY);
  try {
    await checkDatabase(database.url);
  } catch (error) {
    if (database.from === 'DATABASE_URL') throw error;
    const where = new URL(database.url);
    throw new Error(`Cannot reach the database of \`npm start\` at ${where.host}${where.pathname} (from dev-credentials.json): is \`npm start\` running? Otherwise set DATABASE_URL.`);
  }
  process.env.DATABASE_URL = database.url;
  await act({ type: 'SYSTEM', id: `cli:${cliUser()}` });
}

/** One line for stderr; database errors carry a code frame whose last line is the cause. */
function sentence(error: unknown): string {
  if (error instanceof ConfigError) return error.problems.join(' ');
  if (isAppError(error) || error instanceof UsageError) return error.message;
  const lines = (error instanceof Error ? error.message : String(error)).split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.length <= 1 ? (lines[0] ?? 'The connector command failed.') : `The connector command failed: ${lines.at(-1)}`;
}

main()
  .then(() => disconnectAll())
  .catch(async (error: unknown) => {
    await disconnectAll().catch(() => undefined);
    process.stderr.write(`${sentence(error)}${error instanceof UsageError ? ' Run npm run connector -- --help for usage.' : ''}\n`);
    if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  });
