// A Prisma interactive transaction and hand-written SQL on the same connection, so both
// see and commit the same work. The inbox processor's own statements (claim, subject
// versions, outcomes) cost about a quarter of the CPU through the pg client that they cost
// through Prisma (docs/PERFORMANCE.md), while the workflows keep using Prisma.
//
// How: the pool behind Prisma hands the connection Prisma takes for the transaction (its
// adapter's only argument-less `connect()` while the transaction starts) to the caller
// that asked for it through async context. Nothing else changes for other callers.
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { Prisma, PrismaClient } from './generated/client.ts';

interface Slot {
  client?: pg.PoolClient;
  /** Set when Prisma gives the connection back (commit, rollback, or its timeout). */
  released?: boolean;
}

const wanted = new AsyncLocalStorage<Slot>();

/** The pool given to Prisma's adapter: a pg.Pool that can tell a transaction's starter which connection it got. */
export class SharingPool extends pg.Pool {
  // pg.Pool's connect is overloaded (callback or promise); only the promise form, which
  // the adapter uses to start a transaction, is watched.
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<pg.PoolClient> | void {
    if (callback) return super.connect(callback);
    const slot = wanted.getStore();
    const connecting = super.connect();
    if (!slot || slot.client) return connecting;
    return connecting.then((client) => {
      if (slot.client) return client;
      slot.client = client;
      // pg-pool gives each checkout its own release(); this one also closes the door on `sql`.
      const release = client.release.bind(client);
      client.release = (err?: Error | boolean) => {
        slot.released = true;
        return release(err);
      };
      return client;
    });
  }
}

/** What the hand-written statements need: a query on the transaction's connection. */
export type TransactionSql = Pick<pg.ClientBase, 'query'>;

/**
 * Runs `work` in a Prisma interactive transaction and gives it, besides the transaction
 * client, the transaction's own pg connection. Statements on `sql` are part of the same
 * transaction; `work` must await each before the next (as with `tx`), and must not keep
 * `sql` after it returns.
 */
export async function transactionWithSql<T>(
  prisma: PrismaClient,
  work: (tx: Prisma.TransactionClient, sql: TransactionSql) => Promise<T>,
  options: { timeout: number; maxWait: number },
): Promise<T> {
  const slot: Slot = {};
  return wanted.run(slot, () =>
    prisma.$transaction(async (tx) => {
      const client = slot.client;
      // Only a client whose adapter uses SharingPool gets here with a connection.
      if (!client) throw new Error('transactionWithSql needs a Prisma client built on SharingPool (lib/db/client.ts).');
      // After Prisma ended the transaction (e.g. its timeout), the connection may already
      // serve someone else: a late statement must fail, as it does through `tx`.
      const sql: TransactionSql = {
        query: ((...args: Parameters<pg.PoolClient['query']>) => {
          if (slot.released) return Promise.reject(new Error('The transaction is already closed (committed, rolled back or timed out).'));
          return (client.query as (...a: unknown[]) => unknown).apply(client, args);
        }) as TransactionSql['query'],
      };
      // Leave the context, so that pool connections taken inside `work` are not mistaken for the transaction's.
      return wanted.exit(() => work(tx, sql));
    }, options),
  );
}
