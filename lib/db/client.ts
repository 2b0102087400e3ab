// The Prisma client for the canonical database, created lazily on first use so that
// importing this module (e.g. during `next build`) never needs a database. One client
// per process and database URL; @prisma/adapter-pg means no native query engine.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';
import { requireDatabaseUrl } from '../env.ts';

type Clients = Map<string, PrismaClient>;
const globalForPrisma = globalThis as unknown as { __threadlinePrisma?: Clients };
const clients: Clients = (globalForPrisma.__threadlinePrisma ??= new Map());

export function prismaFor(databaseUrl: string): PrismaClient {
  let client = clients.get(databaseUrl);
  if (!client) {
    const adapter = new PrismaPg({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    client = new PrismaClient({ adapter });
    clients.set(databaseUrl, client);
  }
  return client;
}

/** The client for DATABASE_URL. */
export function db(): PrismaClient {
  return prismaFor(requireDatabaseUrl());
}

export async function disconnectAll(): Promise<void> {
  const all = [...clients.values()];
  clients.clear();
  await Promise.all(all.map((c) => c.$disconnect()));
}

export type { PrismaClient };
export { Prisma } from './generated/client.ts';
