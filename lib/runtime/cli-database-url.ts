// The database a command-line tool talks to: DATABASE_URL, or else the embedded one that
// a running `npm start` wrote into <data dir>/dev-credentials.json.
import path from 'node:path';
import { ConfigError } from '../env.ts';
import { devCredentialsPath, readDevCredentials } from './dev-credentials.ts';

export interface CliDatabase {
  url: string;
  /** Where the URL came from, for error sentences. */
  from: 'DATABASE_URL' | 'dev-credentials';
}

export function cliDatabase(options: { databaseUrl?: string; dataDir: string }): CliDatabase {
  if (options.databaseUrl) return { url: options.databaseUrl, from: 'DATABASE_URL' };
  const credentials = readDevCredentials(options.dataDir);
  if (credentials?.databaseUrl) return { url: credentials.databaseUrl, from: 'dev-credentials' };
  throw new ConfigError([`DATABASE_URL is not set and ${shown(devCredentialsPath(options.dataDir))} does not exist: set DATABASE_URL, or run this while \`npm start\` is running.`]);
}

/** A path relative to the working folder when it is inside it (.data/...), else absolute. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
