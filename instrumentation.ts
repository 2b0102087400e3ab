// Runs once when a Next.js server process starts: refuse to serve with a configuration
// that would only fail later, on a request (bad environment, missing secret key).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { parseEnv } = await import('./lib/env.ts');
  const { applicationSecretKey } = await import('./lib/crypto/application-key.ts');
  parseEnv();
  if (process.env.NODE_ENV === 'production') applicationSecretKey();
}
