// Opens one pg connection for the migration tooling, turning connection failures into a
// MigrationError that names the server (never the password).
import pg from 'pg';
import { errorMessage, MigrationError } from './migration-error.ts';

export async function connectDatabase({ databaseUrl }: { databaseUrl: string }): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server emits 'error'; without a listener that crashes the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new MigrationError(
      'DATABASE_UNREACHABLE',
      `Could not connect to the database at ${describeDatabaseUrl(databaseUrl)}: ${errorMessage(error)}.`,
      { cause: error },
    );
  }
}

/** host:port/database of a connection URL, safe to print. */
export function describeDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
