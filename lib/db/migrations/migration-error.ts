// The migration tooling's failures: AppErrors whose message is one sentence a person can act
// on, plus a `reason` so callers (start script, health endpoint, tests) can tell them apart
// without parsing text or widening the app-wide error codes.
import { AppError, type ErrorCode } from '../../errors.ts';

export type MigrationErrorReason =
  | 'MIGRATIONS_DIR_INVALID'
  | 'SCHEMA_DIR_INVALID'
  | 'DATABASE_UNREACHABLE'
  | 'MIGRATION_LOCK_TIMEOUT'
  | 'MIGRATION_PREVIOUSLY_FAILED'
  | 'MIGRATION_CHECKSUM_MISMATCH'
  | 'MIGRATION_FAILED'
  | 'SCHEMA_DIFF_FAILED';

const codeOf: Record<MigrationErrorReason, ErrorCode> = {
  MIGRATIONS_DIR_INVALID: 'INTERNAL',
  SCHEMA_DIR_INVALID: 'INTERNAL',
  DATABASE_UNREACHABLE: 'UNAVAILABLE',
  MIGRATION_LOCK_TIMEOUT: 'UNAVAILABLE',
  MIGRATION_PREVIOUSLY_FAILED: 'CONFLICT',
  MIGRATION_CHECKSUM_MISMATCH: 'CONFLICT',
  MIGRATION_FAILED: 'INTERNAL',
  SCHEMA_DIFF_FAILED: 'INTERNAL',
};

export class MigrationError extends AppError {
  readonly reason: MigrationErrorReason;

  constructor(reason: MigrationErrorReason, message: string, options: { cause?: unknown } = {}) {
    super(codeOf[reason], message, { cause: options.cause, details: { reason } });
    this.name = 'MigrationError';
    this.reason = reason;
  }
}

/** The message of any thrown value, without a trailing period, to embed in a sentence. */
export function errorMessage(error: unknown): string {
  // A refused connection to "localhost" (IPv4 and IPv6 tried) arrives as an AggregateError without a message.
  if (error instanceof AggregateError && !error.message && error.errors.length > 0) return errorMessage(error.errors[0]);
  const message = (error instanceof Error ? error.message : String(error)).trim().replace(/\.$/, '');
  if (message) return message;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code || (error instanceof Error ? error.name : 'unknown error');
}
