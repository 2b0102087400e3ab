// Runs before every integration test file: clones the migrated template into a fresh
// database for this file alone, points DATABASE_URL at it, and drops it afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { disconnectAll } from '../lib/db/client.ts';

const adminUrl = inject('adminDatabaseUrl');
const template = inject('templateDatabase');
const database = `threadline_test_${randomBytes(5).toString('hex')}`;

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// Concurrent clones of one template can briefly collide ("source database is being
// accessed by other users"); a short retry is enough.
for (let attempt = 0; ; attempt++) {
  try {
    await admin((c) => c.query(`CREATE DATABASE ${database} TEMPLATE ${template}`));
    break;
  } catch (error) {
    if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
  }
}

const url = new URL(adminUrl);
url.pathname = `/${database}`;
process.env.DATABASE_URL = url.toString();
// Connector secrets are encrypted with this key; a per-file key keeps tests out of .data/.
process.env.THREADLINE_SECRET_KEY ??= randomBytes(32).toString('base64');

afterAll(async () => {
  await disconnectAll();
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
});
