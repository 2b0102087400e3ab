// Threadline's configuration, read from the environment and validated once with zod.
// Nothing is read at import time (next build imports route modules without a
// database); call env() where a value is needed. A bad value fails with one sentence
// per problem naming the variable.
import { z } from 'zod';
import { decodeSecretKey } from './crypto/secret-box.ts';

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
    } catch {
      return false;
    }
  }, 'must be a postgres:// or postgresql:// URL, e.g. postgresql://user:password@host:5432/threadline');

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number({ message: 'must be a port number' }).int('must be a whole number').min(1, 'must be between 1 and 65535').max(65535, 'must be between 1 and 65535');

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: postgresUrl.optional(),
  PORT: port.default(3000),
  HOSTNAME: z.string().min(1).default('localhost'),
  NEXTAUTH_URL: z.url({ message: 'must be the absolute URL people use to reach Threadline, e.g. http://localhost:3000' }).optional(),
  NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters (generate one with: openssl rand -base64 32)').optional(),
  // Encrypts connector signing secrets at rest; generated into <data dir>/secret-key when unset.
  THREADLINE_SECRET_KEY: z
    .string()
    .refine((value) => decodeSecretKey(value) !== undefined, 'must be 32 bytes as 64 hex characters or base64 (generate one with: openssl rand -base64 32)')
    .optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error'], { message: 'must be one of debug, info, warn, error' }).default('info'),
  THREADLINE_DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: port.optional(),
  WORKER_CONCURRENCY: z.coerce.number({ message: 'must be a number' }).int().min(1, 'must be at least 1').max(64, 'must be at most 64').default(4),
  WORKER_HEARTBEAT_SECONDS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(300).default(5),
  WORKER_STALE_AFTER_SECONDS: z.coerce.number({ message: 'must be a number' }).int().min(5).max(3600).default(30),
  SEED_DEMO_USERS: booleanFlag.optional(),
  INGEST_RATE_LIMIT_PER_MINUTE: z.coerce.number({ message: 'must be a number' }).int().min(1, 'must be at least 1').default(120_000),
  INBOX_BATCH_SIZE: z.coerce.number({ message: 'must be a number' }).int().min(1).max(1000, 'must be at most 1000').default(100),
  INBOX_CONCURRENCY: z.coerce.number({ message: 'must be a number' }).int().min(1).max(32, 'must be at most 32').default(2),
  INBOX_POLL_MS: z.coerce.number({ message: 'must be a number' }).int().min(10).max(60_000).default(500),
  INBOX_MAX_ATTEMPTS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(100).default(8),
  // npm start runs the simulated tax engine unless TAX_ENGINE_SIMULATOR=false (a real engine is configured).
  TAX_ENGINE_SIMULATOR: booleanFlag.optional(),
  TAX_ENGINE_PORT: port.optional(),
  // npm start runs the simulated ERP, PSA, payment gateway, bank, HCM and CRM unless
  // COMMAND_SIMULATORS=false (real systems are configured); each port can be pinned.
  COMMAND_SIMULATORS: booleanFlag.optional(),
  ERP_SIM_PORT: port.optional(),
  PSA_SIM_PORT: port.optional(),
  PAYMENTS_SIM_PORT: port.optional(),
  BANK_SIM_PORT: port.optional(),
  HCM_SIM_PORT: port.optional(),
  CRM_SIM_PORT: port.optional(),
  // Outbox delivery (docs/CONNECTORS.md): requests in flight per worker process, the poll
  // interval, backoff (full jitter between 0 and min(cap, base × 2^(failures − 1))), and
  // OUTBOX_MAX_ATTEMPTS, which when set replaces every connector's outboundMaxAttempts.
  OUTBOX_CONCURRENCY: z.coerce.number({ message: 'must be a number' }).int().min(1).max(256, 'must be at most 256').default(16),
  OUTBOX_POLL_MS: z.coerce.number({ message: 'must be a number' }).int().min(10).max(60_000).default(500),
  OUTBOX_BACKOFF_BASE_MS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(3_600_000).default(1000),
  OUTBOX_BACKOFF_CAP_MS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(86_400_000).default(300_000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number({ message: 'must be a number' }).int().min(1, 'must be at least 1').max(1000).optional(),
  // npm start loads the demo world (docs/DEMO.md) into an empty database: on by default with the
  // embedded PostgreSQL, off with DATABASE_URL.
  DEMO_WORLD: booleanFlag.optional(),
  DEMO_WORLD_SEED: z.string().trim().min(1).max(100).optional(),
  DEMO_WORLD_SCALE: z.coerce.number({ message: 'must be a number' }).gt(0, 'must be above 0').max(5, 'must be at most 5').optional(),
  // The billing and revenue runs accept X-Simulated-Time (lib/http/simulated-time.ts): the demo
  // loader's business dates. npm start turns it on for the web app when the demo world is on.
  SIMULATED_TIME: booleanFlag.default(false),
  ORDERING_GAP_TIMEOUT_SECONDS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(7 * 86_400).default(900),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration: ${problems.join(' ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses an environment (process.env by default); throws ConfigError listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings mean "not set" so that `FOO= npm start` behaves like leaving FOO out.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}.`);
  throw new ConfigError(problems);
}

let cached: Env | undefined;
let cachedFrom: NodeJS.ProcessEnv | undefined;

export function env(): Env {
  // Re-parse if process.env was replaced (tests point DATABASE_URL at a fresh database per file).
  if (!cached || cachedFrom !== process.env || cached.DATABASE_URL !== (process.env.DATABASE_URL || undefined)) {
    cached = parseEnv(process.env);
    cachedFrom = process.env;
  }
  return cached;
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new ConfigError(['DATABASE_URL is not set: run `npm start` (it starts the embedded PostgreSQL) or set DATABASE_URL to your PostgreSQL server.']);
  return url;
}
