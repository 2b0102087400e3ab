// Hand-written SQL and Prisma in one transaction: the same connection, so each sees the
// other's uncommitted writes, and a rollback undoes both.
import { describe, expect, it } from 'vitest';
import { db } from './client.ts';
import { transactionWithSql } from './transaction-connection.ts';

const OPTIONS = { timeout: 10_000, maxWait: 5_000 };
const subjectVersions = (subject: string) => db().subjectVersion.count({ where: { subject } });
const insert = `INSERT INTO "SubjectVersion" (source, subject, "appliedSequence", "appliedEventId", "updatedAt") VALUES ('/t', $1, 1, gen_random_uuid(), now())`;

describe('transactionWithSql', () => {
  it('runs statements on the transaction’s own connection', async () => {
    const seen = await transactionWithSql(
      db(),
      async (tx, sql) => {
        await sql.query(insert, ['shared']);
        const prismaPid = (await tx.$queryRawUnsafe<{ pid: number }[]>('SELECT pg_backend_pid() AS pid'))[0]!.pid;
        const { rows } = await sql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        return { byPrisma: await tx.subjectVersion.count({ where: { subject: 'shared' } }), samePid: prismaPid === rows[0]!.pid };
      },
      OPTIONS,
    );
    expect(seen).toEqual({ byPrisma: 1, samePid: true });
    expect(await subjectVersions('shared')).toBe(1);
  });

  it('rolls back both kinds of writes together', async () => {
    await expect(
      transactionWithSql(
        db(),
        async (tx, sql) => {
          await sql.query(insert, ['undone']);
          await tx.subjectVersion.create({ data: { source: '/t', subject: 'undone-too', appliedSequence: 1n, appliedEventId: crypto.randomUUID() } });
          throw new Error('give up');
        },
        OPTIONS,
      ),
    ).rejects.toThrow('give up');
    expect(await subjectVersions('undone')).toBe(0);
    expect(await subjectVersions('undone-too')).toBe(0);
  });

  it('gives concurrent transactions their own connections', async () => {
    const pids = await Promise.all(
      [1, 2, 3].map(() =>
        transactionWithSql(
          db(),
          async (tx, sql) => {
            const pid = (await tx.$queryRawUnsafe<{ pid: number }[]>('SELECT pg_backend_pid() AS pid'))[0]!.pid;
            await new Promise((resolve) => setTimeout(resolve, 50));
            const { rows } = await sql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
            return [pid, rows[0]!.pid];
          },
          OPTIONS,
        ),
      ),
    );
    for (const [prismaPid, sqlPid] of pids) expect(sqlPid).toBe(prismaPid);
    expect(new Set(pids.map(([pid]) => pid)).size).toBe(3);
  });

  it('refuses statements on the connection once Prisma has ended the transaction', async () => {
    let late: Promise<unknown> | undefined;
    await expect(
      transactionWithSql(
        db(),
        async (_tx, sql) => {
          // Outlive Prisma's timeout, then try to write: the connection is back in the pool.
          await new Promise((resolve) => setTimeout(resolve, 300));
          late = sql.query(insert, ['too-late']);
          await late;
        },
        { timeout: 100, maxWait: 5_000 },
      ),
    ).rejects.toThrow();
    await expect(late).rejects.toThrow('already closed');
    expect(await subjectVersions('too-late')).toBe(0);
  });
});
