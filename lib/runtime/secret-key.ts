// The application key that encrypts connector signing secrets (lib/crypto/secret-box.ts).
// Taken from THREADLINE_SECRET_KEY when set; otherwise generated once and kept in
// <data dir>/secret-key (mode 0600), like the session secret, so that `npm start`, its
// children and the connector CLI all read the same key.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../env.ts';
import { decodeSecretKey, SECRET_KEY_BYTES } from '../crypto/secret-box.ts';

export const SECRET_KEY_FILE = 'secret-key';

export function resolveSecretKey(dataDir: string, configured?: string): Buffer {
  if (configured) {
    const key = decodeSecretKey(configured);
    if (!key) throw new ConfigError([`THREADLINE_SECRET_KEY must be ${SECRET_KEY_BYTES} bytes as 64 hex characters or base64 (generate one with: openssl rand -base64 32).`]);
    return key;
  }
  const file = path.join(dataDir, SECRET_KEY_FILE);
  const stored = readKeyFile(file);
  if (stored) return stored;
  mkdirSync(dataDir, { recursive: true });
  const generated = randomBytes(SECRET_KEY_BYTES);
  // Written aside, then linked into place: link fails when the file exists, so when two
  // processes start at once the first key wins, and nobody ever reads a half-written file.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, generated.toString('base64url') + '\n', { mode: 0o600 });
  try {
    linkSync(temp, file);
    return generated;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = readKeyFile(file);
    if (!winner) throw invalidKeyFile(file);
    return winner;
  } finally {
    unlinkSync(temp);
  }
}

function invalidKeyFile(file: string): ConfigError {
  return new ConfigError([`${file} does not hold a valid secret key; restore it (secrets encrypted with it are unreadable without it) or set THREADLINE_SECRET_KEY.`]);
}

function readKeyFile(file: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const key = decodeSecretKey(text);
  // A damaged key file must not be silently replaced: every stored secret depends on it.
  if (!key) throw invalidKeyFile(file);
  return key;
}
