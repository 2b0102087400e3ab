// The Prisma client and the pg pool behind it, created lazily on first use so that
// importing this module (e.g. during `next build`) never needs a database. One pool per
// process and database URL, shared by Prisma (through @prisma/adapter-pg, so no native
// query engine) and by the few hot paths that speak SQL directly (the inbox write).
import pg from 'pg';
import { SharingPool } from './transaction-connection.ts';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';
import { requireDatabaseUrl } from '../env.ts';

interface Connection {
  pool: pg.Pool;
  prisma: PrismaClient;
}

const globalForDb = globalThis as unknown as { __threadlineDb?: Map<string, Connection> };
const connections: Map<string, Connection> = (globalForDb.__threadlineDb ??= new Map());

function connectionFor(databaseUrl: string): Connection {
  let connection = connections.get(databaseUrl);
  if (!connection) {
    const pool = new SharingPool({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    // An idle client losing its server (restart, failover) must not crash the process.
    pool.on('error', () => undefined);
    // Prisma's default of 5 s per interactive transaction is shorter than a short
    // transaction can stall on two loaded cores; a transaction that times out is rolled
    // back (nothing half-stored) but the request fails, so give ordinary work room.
    const transactionOptions = { maxWait: 10_000, timeout: 30_000 };
    connection = { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions }) };
    connections.set(databaseUrl, connection);
  }
  return connection;
}

export function prismaFor(databaseUrl: string): PrismaClient {
  return connectionFor(databaseUrl).prisma;
}

/** The client for DATABASE_URL. */
export function db(): PrismaClient {
  return prismaFor(requireDatabaseUrl());
}

/** The pg pool for DATABASE_URL, for hand-written SQL on hot paths. */
export function pgPool(): pg.Pool {
  return connectionFor(requireDatabaseUrl()).pool;
}

export async function disconnectAll(): Promise<void> {
  const all = [...connections.values()];
  connections.clear();
  await Promise.all(all.map(async ({ prisma, pool }) => {
    await prisma.$disconnect();
    await pool.end().catch(() => undefined);
  }));
}

export type { PrismaClient };
export { Prisma } from './generated/client.ts';
