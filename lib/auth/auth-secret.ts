// The secret that encrypts session JWTs. `npm start` always passes NEXTAUTH_SECRET; for
// `next dev` and tests without one we use the data folder's generated secret (the same
// file `npm start` would use), so a developer never has to invent one. In production a
// missing secret is a configuration error, never a silent default.
import { mkdirSync } from 'node:fs';
import { ConfigError, env } from '../env.ts';
import { resolveAuthSecret } from '../runtime/auth-secret.ts';

let generated: { dataDir: string; secret: string } | undefined;

export function authSecret(): string {
  const config = env();
  if (config.NEXTAUTH_SECRET) return config.NEXTAUTH_SECRET;
  if (config.NODE_ENV === 'production') {
    throw new ConfigError(['NEXTAUTH_SECRET is not set: start Threadline with `npm start` (it provides one) or set NEXTAUTH_SECRET (openssl rand -base64 32).']);
  }
  if (generated?.dataDir !== config.THREADLINE_DATA_DIR) {
    mkdirSync(config.THREADLINE_DATA_DIR, { recursive: true });
    generated = { dataDir: config.THREADLINE_DATA_DIR, secret: resolveAuthSecret(config.THREADLINE_DATA_DIR) };
  }
  return generated.secret;
}

/** next-auth marks cookies `__Secure-` and Secure when the public URL is https. */
export function secureCookies(): boolean {
  return env().NEXTAUTH_URL?.startsWith('https://') ?? false;
}
