// Group commit for a write that many requests make at once: while `maxInFlight`
// statements are running, new writes wait and then go out together as one statement, so
// under load one round trip and one commit (one WAL flush) serve many requests; with no
// load a write goes out at once, alone. Each caller still gets its own result, and only
// when the statement that carried its rows has returned (committed).
//
// If a grouped statement fails, every write in it is retried alone: one request's bad rows
// must fail that request only, with its own error.

export interface CoalesceOptions<T, R> {
  /** Runs one statement for these writes; results in the same order. */
  run: (writes: T[]) => Promise<R[]>;
  /** Rows in a write; a group holds at most maxRows (a larger single write goes alone). */
  rows: (write: T) => number;
  maxRows: number;
  maxInFlight: number;
}

interface Waiting<T, R> {
  write: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export function coalesceWrites<T, R>(options: CoalesceOptions<T, R>): (write: T) => Promise<R> {
  const queue: Waiting<T, R>[] = [];
  let inFlight = 0;

  const takeGroup = (): Waiting<T, R>[] => {
    const group = [queue.shift()!];
    let rows = options.rows(group[0]!.write);
    while (queue.length > 0 && rows + options.rows(queue[0]!.write) <= options.maxRows) {
      rows += options.rows(queue[0]!.write);
      group.push(queue.shift()!);
    }
    return group;
  };

  const runGroup = async (group: Waiting<T, R>[]): Promise<void> => {
    try {
      const results = await options.run(group.map((w) => w.write));
      group.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      await Promise.all(
        group.map(async (w) => {
          try {
            w.resolve((await options.run([w.write]))[0]!);
          } catch (alone) {
            w.reject(alone);
          }
        }),
      );
    }
  };

  const pump = () => {
    while (inFlight < options.maxInFlight && queue.length > 0) {
      inFlight++;
      void runGroup(takeGroup()).finally(() => {
        inFlight--;
        pump();
      });
    }
  };

  return (write) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ write, resolve, reject });
      pump();
    });
}
