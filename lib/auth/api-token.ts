// The shape of personal API tokens: `tl_pat_` + 32 random bytes in base64url. Only the
// SHA-256 (hex) is stored; a short display prefix lets people recognise a token in a
// list. The prefix makes leaked tokens easy to spot for secret scanners.
import { createHash, randomBytes } from 'node:crypto';

export const API_TOKEN_PREFIX = 'tl_pat_';
const RANDOM_BYTES = 32;
const DISPLAY_CHARS = 6;
const tokenPattern = /^tl_pat_[A-Za-z0-9_-]{43}$/;

export interface GeneratedApiToken {
  /** Shown to the person once, never stored. */
  token: string;
  tokenHash: string;
  /** e.g. `tl_pat_Ab3dE9`, stored and shown in lists. */
  displayPrefix: string;
}

export function generateApiToken(): GeneratedApiToken {
  const token = API_TOKEN_PREFIX + randomBytes(RANDOM_BYTES).toString('base64url');
  return { token, tokenHash: hashApiToken(token), displayPrefix: displayPrefixOf(token) };
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function displayPrefixOf(token: string): string {
  return token.slice(0, API_TOKEN_PREFIX.length + DISPLAY_CHARS);
}

/** Cheap syntactic check done before touching the database. */
export function looksLikeApiToken(value: string): boolean {
  return tokenPattern.test(value);
}

/**
 * The token of an `Authorization: Bearer <token>` header: undefined when there is no
 * Bearer header (other schemes such as Basic from a reverse proxy are not ours), '' when
 * the Bearer header is present but empty.
 */
export function bearerTokenOf(authorization: string | null | undefined): string | undefined {
  if (!authorization) return undefined;
  const match = /^\s*bearer(?:\s+(.*))?$/i.exec(authorization);
  if (!match) return undefined;
  return (match[1] ?? '').trim();
}
