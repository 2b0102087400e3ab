// The demo accounts to mention on the sign-in page — emails and roles only, never
// passwords — when this installation seeds demo users (SEED_DEMO_USERS, which `npm start`
// sets; otherwise any non-production run). null means: say nothing about demo accounts.
import path from 'node:path';
import { env } from '../env.ts';
import type { Role } from '../db/generated/enums.ts';
import { devCredentialsPath, readDevCredentials } from '../runtime/dev-credentials.ts';

export interface DemoAccountsHint {
  accounts: { email: string; role: Role }[];
  /** Where the passwords are, relative to the working directory when inside it. */
  credentialsFile: string;
}

export function demoAccountsHint(): DemoAccountsHint | null {
  const config = env();
  const seeded = config.SEED_DEMO_USERS ?? config.NODE_ENV !== 'production';
  if (!seeded) return null;
  const dataDir = path.resolve(config.THREADLINE_DATA_DIR);
  const credentials = readDevCredentials(dataDir);
  const file = devCredentialsPath(dataDir);
  const relative = path.relative(process.cwd(), file);
  return {
    accounts: credentials?.users.map(({ email, role }) => ({ email, role })) ?? [],
    credentialsFile: relative.startsWith('..') || path.isAbsolute(relative) ? file : relative,
  };
}
