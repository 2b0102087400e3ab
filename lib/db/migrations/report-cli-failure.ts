// How the db:* scripts end on failure: one sentence on stderr and exit code 1. The stack is
// only useful to whoever debugs the tooling itself, so it waits for LOG_LEVEL=debug.
import { isAppError } from '../../errors.ts';
import { errorMessage } from './migration-error.ts';

export function reportCliFailure(error: unknown, { task }: { task: string }): never {
  const sentence = isAppError(error) ? error.message : `${task} failed: ${errorMessage(error)}.`;
  process.stderr.write(`${sentence}\n`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) {
    process.stderr.write(`${error.stack ?? ''}\n`);
    if (error.cause instanceof Error) process.stderr.write(`Caused by: ${error.cause.stack ?? error.cause.message}\n`);
  } else {
    process.stderr.write('(Set LOG_LEVEL=debug for the stack trace.)\n');
  }
  process.exit(1);
}
