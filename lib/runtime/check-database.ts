// Connects once to the configured PostgreSQL and reports its version, failing with a
// sentence (see describe-database-error.ts) when it cannot.
import pg from 'pg';
import { describeDatabaseError } from './describe-database-error.ts';

export class DatabaseUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnreachableError';
  }
}

export async function checkDatabase(url: string, timeoutMs = 5000): Promise<{ serverVersion: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    const serverVersion = result.rows[0]?.server_version ?? 'unknown';
    if (Number.parseInt(serverVersion, 10) < 14) {
      throw new DatabaseUnreachableError(`PostgreSQL ${serverVersion} is too old: Threadline needs PostgreSQL 14 or newer.`);
    }
    return { serverVersion };
  } catch (error) {
    if (error instanceof DatabaseUnreachableError) throw error;
    const timedOut = error instanceof Error && /timeout/i.test(error.message);
    throw new DatabaseUnreachableError(describeDatabaseError(timedOut ? { code: 'CONNECT_TIMEOUT' } : error, url));
  } finally {
    await client.end().catch(() => undefined);
  }
}
