// Structured JSON logs, one line per record, carrying the correlation id of the
// request, event or job being handled (AsyncLocalStorage keeps it without threading it
// through every call).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

interface LogContext {
  correlationId: string;
  [key: string]: unknown;
}

const storage = new AsyncLocalStorage<LogContext>();

function threshold(): number {
  const level = (process.env.LOG_LEVEL ?? 'info') as LogLevel;
  return rank[level] ?? rank.info;
}

export function newCorrelationId(): string {
  return randomUUID();
}

/** Runs `fn` with a correlation id (and other fields) attached to every log line inside it. */
export function withLogContext<T>(context: Partial<LogContext>, fn: () => T): T {
  const parent = storage.getStore();
  const merged: LogContext = { ...parent, ...context, correlationId: context.correlationId ?? parent?.correlationId ?? newCorrelationId() };
  return storage.run(merged, fn);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

function serializeError(error: unknown): unknown {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack, ...('code' in error ? { code: (error as { code: unknown }).code } : {}) };
  }
  return error;
}

function write(level: LogLevel, msg: string, fields?: Record<string, unknown>): void {
  if (rank[level] < threshold()) return;
  const record: Record<string, unknown> = {
    time: new Date().toISOString(),
    level,
    service: process.env.THREADLINE_SERVICE ?? 'web',
    msg,
    ...storage.getStore(),
  };
  if (fields) for (const [k, v] of Object.entries(fields)) record[k] = k === 'err' ? serializeError(v) : v;
  const line = JSON.stringify(record);
  if (rank[level] >= rank.warn) process.stderr.write(line + '\n');
  else process.stdout.write(line + '\n');
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
};
