// The in-process caches of the ingest hot path: connector by token hash, and decrypted
// signing secrets by connector. A change made in another process (the CLI, another
// replica) takes effect within CREDENTIAL_CACHE_TTL_MS; one made in this process (admin
// API) at once, because the services call forgetConnectorCredentials().
import type { ConnectorPrincipal } from './connector-principal.ts';
import type { SigningSecret } from './signature.ts';
import { TtlCache } from './ttl-cache.ts';

export const CREDENTIAL_CACHE_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

export interface SigningSecrets {
  secrets: SigningSecret[];
  /** Stored secrets this server's key cannot open (a key mix-up: logged, never usable). */
  unreadable: number;
}

interface Caches {
  tokens: TtlCache<string, ConnectorPrincipal>;
  secrets: TtlCache<string, SigningSecrets>;
}
// On globalThis (like the Prisma client) so every route bundle of the web process, and a
// dev-server reload, share one cache: a rotation through the admin API must clear the
// cache the ingest route reads.
const globalForCaches = globalThis as unknown as { __threadlineConnectorCaches?: Caches };
const caches = (globalForCaches.__threadlineConnectorCaches ??= { tokens: new TtlCache(MAX_ENTRIES), secrets: new TtlCache(MAX_ENTRIES) });

export const tokenCache = caches.tokens;
export const secretCache = caches.secrets;

export function forgetConnectorCredentials(): void {
  tokenCache.clear();
  secretCache.clear();
}
