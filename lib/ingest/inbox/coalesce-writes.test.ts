import { describe, expect, it } from 'vitest';
import { coalesceWrites } from './coalesce-writes.ts';

/** A statement runner the test releases by hand, recording which writes each statement carried. */
function manualRunner(fail: (writes: string[]) => boolean = () => false) {
  const statements: { writes: string[]; release: () => void }[] = [];
  const run = (writes: string[]) =>
    new Promise<string[]>((resolve, reject) => {
      statements.push({ writes, release: () => (fail(writes) ? reject(new Error(`failed: ${writes.join('+')}`)) : resolve(writes.map((w) => `done ${w}`))) });
    });
  return { run, statements };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('coalesceWrites (group commit)', () => {
  it('with nothing in flight a write goes out at once, alone', async () => {
    const { run, statements } = manualRunner();
    const write = coalesceWrites({ run, rows: () => 1, maxRows: 100, maxInFlight: 1 });
    const a = write('a');
    expect(statements.map((s) => s.writes)).toEqual([['a']]);
    statements[0]!.release();
    expect(await a).toBe('done a');
  });

  it.each([
    { maxInFlight: 1, maxRows: 100, expected: [['a'], ['b', 'c', 'd', 'e']] },
    { maxInFlight: 2, maxRows: 100, expected: [['a'], ['b'], ['c', 'd', 'e']] },
    { maxInFlight: 1, maxRows: 2, expected: [['a'], ['b', 'c'], ['d', 'e']] },
  ])('writes that arrive meanwhile share the next statement (in flight $maxInFlight, at most $maxRows rows)', async ({ maxInFlight, maxRows, expected }) => {
    const { run, statements } = manualRunner();
    const write = coalesceWrites({ run, rows: () => 1, maxRows, maxInFlight });
    const answers = ['a', 'b', 'c', 'd', 'e'].map((w) => write(w));
    for (let i = 0; i < expected.length; i++) {
      await tick();
      statements[i]!.release();
    }
    expect(await Promise.all(answers)).toEqual(['done a', 'done b', 'done c', 'done d', 'done e']);
    expect(statements.map((s) => s.writes)).toEqual(expected);
  });

  it('a write larger than maxRows still goes, alone', async () => {
    const { run, statements } = manualRunner();
    const write = coalesceWrites({ run, rows: (w: string) => w.length, maxRows: 3, maxInFlight: 1 });
    const answers = [write('x'), write('yyyyy'), write('z')];
    statements[0]!.release();
    await tick();
    statements[1]!.release();
    await tick();
    statements[2]!.release();
    expect(await Promise.all(answers)).toEqual(['done x', 'done yyyyy', 'done z']);
    expect(statements.map((s) => s.writes)).toEqual([['x'], ['yyyyy'], ['z']]);
  });

  it('when a grouped statement fails, each write is retried alone and only the bad one fails', async () => {
    const { run, statements } = manualRunner((writes) => writes.includes('bad'));
    const write = coalesceWrites({ run, rows: () => 1, maxRows: 100, maxInFlight: 1 });
    const first = write('a');
    const answers = [write('b'), write('bad'), write('c')].map((p) => p.then((v) => v, (e: Error) => e.message));
    statements[0]!.release();
    await tick();
    statements[1]!.release(); // b+bad+c fails
    await tick();
    statements.slice(2).forEach((s) => s.release());
    expect(await first).toBe('done a');
    expect(await Promise.all(answers)).toEqual(['done b', 'failed: bad', 'done c']);
    expect(statements.map((s) => s.writes)).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });
});
