// The application key for this process: THREADLINE_SECRET_KEY, or in development the
// key kept in <THREADLINE_DATA_DIR>/secret-key. `npm start` always hands its children the
// key explicitly; a production process without it would otherwise invent a key that no
// other process shares, so that is a configuration error.
import path from 'node:path';
import { ConfigError, env } from '../env.ts';
import { resolveSecretKey } from '../runtime/secret-key.ts';

let cached: { from: string; key: Buffer } | undefined;

export function applicationSecretKey(): Buffer {
  const config = env();
  if (!config.THREADLINE_SECRET_KEY && config.NODE_ENV === 'production') {
    throw new ConfigError([
      'THREADLINE_SECRET_KEY is not set: production processes need the key that encrypts connector signing secrets (start with `npm start`, or set it to 32 bytes in base64, e.g. from: openssl rand -base64 32).',
    ]);
  }
  const dataDir = path.resolve(config.THREADLINE_DATA_DIR);
  const from = config.THREADLINE_SECRET_KEY ? `env:${config.THREADLINE_SECRET_KEY}` : `file:${dataDir}`;
  if (cached?.from !== from) cached = { from, key: resolveSecretKey(dataDir, config.THREADLINE_SECRET_KEY) };
  return cached.key;
}
