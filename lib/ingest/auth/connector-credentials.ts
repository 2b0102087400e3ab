// The shape of a connector's credentials. The bearer token is `tl_con_` + 32 random bytes
// (base64url) and only its SHA-256 is stored. The signing secret is `tl_whsec_` + 32
// random bytes; the whole string is the HMAC key, and it is stored encrypted because
// verification needs it. The prefixes make leaked values easy for secret scanners.
import { createHash, randomBytes } from 'node:crypto';

export const CONNECTOR_TOKEN_PREFIX = 'tl_con_';
export const SIGNING_SECRET_PREFIX = 'tl_whsec_';
const RANDOM_BYTES = 32;
const DISPLAY_CHARS = 6;
const FINGERPRINT_HEX_CHARS = 16;
const tokenPattern = /^tl_con_[A-Za-z0-9_-]{43}$/;

export interface GeneratedConnectorToken {
  /** Shown once, never stored. */
  token: string;
  tokenHash: string;
  /** e.g. `tl_con_Ab3dE9`: stored, shown in lists. */
  displayPrefix: string;
}

export function generateConnectorToken(): GeneratedConnectorToken {
  const token = CONNECTOR_TOKEN_PREFIX + randomBytes(RANDOM_BYTES).toString('base64url');
  return { token, tokenHash: hashConnectorToken(token), displayPrefix: token.slice(0, CONNECTOR_TOKEN_PREFIX.length + DISPLAY_CHARS) };
}

export function hashConnectorToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Cheap syntactic check done before touching the cache or the database. */
export function looksLikeConnectorToken(value: string): boolean {
  return tokenPattern.test(value);
}

export function generateSigningSecret(): string {
  return SIGNING_SECRET_PREFIX + randomBytes(RANDOM_BYTES).toString('base64url');
}

/** What people see of a secret: a SHA-256 prefix, enough to tell two secrets apart. */
export function secretFingerprint(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, FINGERPRINT_HEX_CHARS);
}
